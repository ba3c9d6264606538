-- Message pipeline v2.

-- Inbox: updates are processed in lanes (by chat, so each chat keeps its order) and in batches.
ALTER TABLE inbox_update ADD COLUMN lane smallint NOT NULL DEFAULT 0;
DROP INDEX inbox_update_pending;
CREATE INDEX inbox_update_pending ON inbox_update (lane, update_id) WHERE processed_at IS NULL;

-- Updates that could not be stored or whose processing kept failing: kept with the reason, counted in
-- health, never blocking the updates behind them. payload is the update as text (characters that
-- PostgreSQL cannot hold are escaped).
CREATE TABLE inbox_set_aside (
    id           bigserial PRIMARY KEY,
    update_id    bigint,
    stage        text NOT NULL CHECK (stage IN ('store', 'process')),
    payload      text NOT NULL,
    reason       text NOT NULL,
    set_aside_at timestamptz NOT NULL DEFAULT now()
);

-- Outbox: a class per message (0 alert, 1 scheduled, 2 reply, 3 bulk; lower goes first), a lease while a
-- sender has it in hand, the user a reply in a group answers (to cap one user's share), and a merge key
-- with a one-line summary for messages that are combined when many are waiting (copies of reports).
ALTER TABLE outbox_message
    ADD COLUMN priority      smallint NOT NULL DEFAULT 2 CHECK (priority BETWEEN 0 AND 3),
    ADD COLUMN claimed_by    text,
    ADD COLUMN claimed_until timestamptz,
    ADD COLUMN recipient_id  bigint,
    ADD COLUMN merge_key     text,
    ADD COLUMN merge_line    text;
DROP INDEX outbox_message_pending;
-- Each chat's head message (lowest class, then oldest) is one index descent; the sender reads it index-only.
CREATE INDEX outbox_message_pending ON outbox_message (chat_id, priority, id) INCLUDE (not_before, claimed_until)
    WHERE status = 'pending';
CREATE INDEX outbox_message_pending_replies ON outbox_message (chat_id, recipient_id)
    WHERE status = 'pending' AND recipient_id IS NOT NULL;
CREATE INDEX outbox_message_pending_merge ON outbox_message (chat_id, merge_key, id)
    WHERE status = 'pending' AND merge_key IS NOT NULL;
CREATE INDEX outbox_message_by_telegram_id ON outbox_message (chat_id, telegram_message_id)
    WHERE telegram_message_id IS NOT NULL;

-- RSVP keeps its own rows: the announcements and reminders that carry its buttons, by outbox id, and the
-- deputy questions. live marks the messages that show the tally (the one pressed, the latest per group).
CREATE TABLE rsvp_message (
    outbox_id     bigint PRIMARY KEY REFERENCES outbox_message (id),
    occurrence_id bigint NOT NULL REFERENCES schedule_occurrence (id),
    group_id      text NOT NULL,
    base_html     text NOT NULL,
    reply_markup  jsonb,
    live          boolean NOT NULL DEFAULT false,
    dirty_since   timestamptz,
    last_text     text
);
CREATE INDEX rsvp_message_by_occurrence ON rsvp_message (occurrence_id);
CREATE INDEX rsvp_message_dirty ON rsvp_message (dirty_since) WHERE dirty_since IS NOT NULL;

CREATE TABLE rsvp_deputy_question (
    outbox_id     bigint PRIMARY KEY REFERENCES outbox_message (id),
    occurrence_id bigint NOT NULL REFERENCES schedule_occurrence (id),
    user_id       bigint NOT NULL
);

-- Carry over what the old tables and keys held.
INSERT INTO rsvp_message (outbox_id, occurrence_id, group_id, base_html, reply_markup, live, dirty_since, last_text)
SELECT o.id, t.occurrence_id, t.group_id, t.base_html, t.reply_markup, true, t.dirty_since, t.last_text
FROM rsvp_tally_message t
JOIN outbox_message o ON o.chat_id = t.chat_id AND o.telegram_message_id = t.message_id AND o.status = 'sent'
ON CONFLICT (outbox_id) DO NOTHING;
INSERT INTO rsvp_message (outbox_id, occurrence_id, group_id, base_html, reply_markup)
SELECT o.id, CAST(split_part(o.payload #>> '{reply_markup,inline_keyboard,0,0,callback_data}', ':', 2) AS bigint),
       substring(o.dedup_key from '[^:]+$'), o.payload ->> 'text', o.payload -> 'reply_markup'
FROM outbox_message o
WHERE (o.dedup_key LIKE 'reminder:%' OR o.dedup_key LIKE 'announce:%')
  AND o.payload #>> '{reply_markup,inline_keyboard,0,0,callback_data}' LIKE 'r1:%'
ON CONFLICT (outbox_id) DO NOTHING;
INSERT INTO rsvp_deputy_question (outbox_id, occurrence_id, user_id)
SELECT id, CAST(split_part(dedup_key, ':', 2) AS bigint), CAST(split_part(dedup_key, ':', 3) AS bigint)
FROM outbox_message WHERE dedup_key LIKE 'deputy:%';
DROP TABLE rsvp_tally_message;

-- The flood limit per reporter as a counter in a fixed window (reports since window_start), kept in the
-- same statement that stores a report: counting the reporter's recent reports instead cost more than the
-- insert itself at intake speed.
CREATE TABLE report_flood (
    reporter_id  bigint PRIMARY KEY,
    window_start timestamptz NOT NULL,
    reports      integer NOT NULL
);

-- Each instance's background loops that have stopped (empty while all run), written with its heartbeat.
ALTER TABLE bot_heartbeat ADD COLUMN stopped_loops text NOT NULL DEFAULT '',
                          ADD COLUMN beat_at timestamptz NOT NULL DEFAULT now();
