-- Every RSVP answer, kept as history; the latest per (occurrence, user) counts.
CREATE TABLE rsvp_answer (
    id            bigserial PRIMARY KEY,
    occurrence_id bigint NOT NULL REFERENCES schedule_occurrence (id),
    user_id       bigint NOT NULL,
    answer        text NOT NULL CHECK (answer IN ('hadir', 'daring', 'diwakilkan', 'berhalangan')),
    deputy        text,
    reason        text,
    answered_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rsvp_answer_latest ON rsvp_answer (occurrence_id, user_id, id DESC);

-- Reminder messages that show a live tally. dirty_since marks a tally that changed and awaits its
-- (coalesced) edit; last_text is what the message shows now, so an edit that changes nothing is skipped.
CREATE TABLE rsvp_tally_message (
    chat_id       bigint NOT NULL,
    message_id    bigint NOT NULL,
    occurrence_id bigint NOT NULL REFERENCES schedule_occurrence (id),
    group_id      text NOT NULL,
    base_html     text NOT NULL,
    reply_markup  jsonb,
    topic_id      integer,
    dirty_since   timestamptz,
    last_text     text,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX rsvp_tally_dirty ON rsvp_tally_message (dirty_since) WHERE dirty_since IS NOT NULL;
