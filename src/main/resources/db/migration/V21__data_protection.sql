-- UU PDP: retention, erasure and an audit trail.

-- The people an audit row names. A row of audit_log never changes; erasing a person blanks their row here, so
-- the trail keeps that "someone" did what they did without keeping who.
CREATE TABLE audit_person (
    ref     bigserial PRIMARY KEY,
    user_id bigint UNIQUE,
    name    text NOT NULL
);

-- Append-only: the trigger below refuses UPDATE and TRUNCATE always, and DELETE except of rows past the audit
-- retention by the retention loop (which says so with rakorbot.audit_purge in its own transaction); no row
-- younger than a year can be deleted at all.
CREATE TABLE audit_log (
    id         bigserial PRIMARY KEY,
    at         timestamptz NOT NULL,
    source     text NOT NULL CHECK (source IN ('chat', 'dashboard', 'cli', 'system')),
    origin     text NOT NULL,
    actor_ref  bigint REFERENCES audit_person (ref),
    action     text NOT NULL,
    subject    text NOT NULL DEFAULT '',
    subject_ref bigint REFERENCES audit_person (ref),
    details    text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_time ON audit_log (at DESC);
CREATE INDEX audit_log_by_action ON audit_log (action, at DESC);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('rakorbot.audit_purge', true) = 'on'
       AND OLD.at < now() - interval '1 year' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- A legal hold keeps a report whole past its retention; anonymised_at says retention has removed its personal fields.
ALTER TABLE report ADD COLUMN held_at timestamptz,
                   ADD COLUMN held_reason text,
                   ADD COLUMN anonymised_at timestamptz;
CREATE INDEX report_to_anonymise ON report (created_at) WHERE anonymised_at IS NULL;
CREATE INDEX report_with_photo ON report (created_at) WHERE photo_file_id IS NOT NULL;

-- A message that must leave no trace once delivered (the notice of an erasure to the erased person).
ALTER TABLE outbox_message ADD COLUMN forget boolean NOT NULL DEFAULT false;
CREATE INDEX outbox_message_done ON outbox_message (created_at) WHERE status <> 'pending';

-- Pruning an old sent message takes the bookkeeping of its tally or deputy question with it.
ALTER TABLE rsvp_message DROP CONSTRAINT rsvp_message_outbox_id_fkey,
    ADD CONSTRAINT rsvp_message_outbox_id_fkey FOREIGN KEY (outbox_id) REFERENCES outbox_message (id) ON DELETE CASCADE;
ALTER TABLE rsvp_deputy_question DROP CONSTRAINT rsvp_deputy_question_outbox_id_fkey,
    ADD CONSTRAINT rsvp_deputy_question_outbox_id_fkey FOREIGN KEY (outbox_id) REFERENCES outbox_message (id) ON DELETE CASCADE;

-- One row per day the retention loop ran: the day is claimed in the sweep's transaction, so it runs once a day
-- across instances and restarts; what it removed is kept for the DPO.
CREATE TABLE retention_run (
    day     date PRIMARY KEY,
    ran_at  timestamptz NOT NULL,
    summary text NOT NULL DEFAULT ''
);

-- /hapus_data asks twice: the first step is kept here until confirmed or expired.
CREATE TABLE erasure_request (
    token      text PRIMARY KEY,
    admin_id   bigint NOT NULL,
    target_id  bigint NOT NULL,
    created_at timestamptz NOT NULL
);

-- An erased person's rows that must stay for the figures (their RSVP answers) are kept under a number from here,
-- negative so that it can never be a Telegram user id.
CREATE SEQUENCE erased_person_seq;
