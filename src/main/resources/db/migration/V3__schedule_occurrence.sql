-- The meetings the planner has announced or reminded about. The id is short enough for button data
-- (RSVP answers refer to it); moved_from is the original date when a holiday moved the meeting.
CREATE TABLE schedule_occurrence (
    id          bigserial PRIMARY KEY,
    schedule_id text NOT NULL,
    starts_at   timestamptz NOT NULL,
    moved_from  date,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (schedule_id, starts_at)
);
