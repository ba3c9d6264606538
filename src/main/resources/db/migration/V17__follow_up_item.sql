-- An arahan as the follow-up feature reads it: the row and how many progress notes it has ("dalam proses").
CREATE VIEW follow_up_item AS
SELECT f.id, f.number, f.occurrence_id, f.schedule_id, f.chat_id, f.owner_user_id, f.owner_unit, f.owner_name, f.description,
       f.due_on, f.status, f.recorded_at, f.done_at, f.update_id,
       (SELECT count(*) FROM follow_up_note n WHERE n.follow_up_id = f.id AND n.kind = 'progres') AS progress_notes
FROM follow_up f;
