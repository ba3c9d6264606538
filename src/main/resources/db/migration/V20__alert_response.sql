-- Alerts that need someone to take them in hand: a siaga/awas report or an early warning, by its number.
-- While nobody does, the ladder of response.levels climbs one level at next_step_at; each level is claimed
-- once in alert_step, so two instances or a restart never tell a level twice.
CREATE TABLE alert (
    id            bigserial PRIMARY KEY,
    subject       text NOT NULL UNIQUE,
    kind          text NOT NULL CHECK (kind IN ('report', 'warning')),
    severity      text NOT NULL CHECK (severity IN ('waspada', 'siaga', 'awas')),
    area          text,
    summary       text NOT NULL,
    base_html     text NOT NULL,
    reporter_id   bigint,
    groups        text[] NOT NULL,
    raised_at     timestamptz NOT NULL,
    ack_due_at    timestamptz,
    level_reached int NOT NULL DEFAULT 0,
    next_step_at  timestamptz,
    handler_id    bigint,
    handler_name  text,
    acked_at      timestamptz,
    done_by       bigint,
    done_at       timestamptz,
    outcome       text
);
CREATE INDEX alert_due ON alert (next_step_at) WHERE next_step_at IS NOT NULL;
CREATE INDEX alert_by_time ON alert (raised_at);
CREATE INDEX alert_not_done ON alert (raised_at) WHERE done_at IS NULL;

CREATE TABLE alert_step (
    alert_id   bigint NOT NULL REFERENCES alert (id),
    level      int NOT NULL,
    reached_at timestamptz NOT NULL,
    PRIMARY KEY (alert_id, level)
);

-- Messages that carry an alert's buttons (by outbox id), edited when someone takes it or closes it.
CREATE TABLE alert_message (
    outbox_id bigint PRIMARY KEY,
    alert_id  bigint NOT NULL REFERENCES alert (id)
);
CREATE INDEX alert_message_by_alert ON alert_message (alert_id);

-- People told privately, so that they hear who took it.
CREATE TABLE alert_notified (
    alert_id bigint NOT NULL REFERENCES alert (id),
    user_id  bigint NOT NULL,
    level    int NOT NULL,
    PRIMARY KEY (alert_id, user_id)
);

-- Every press, allowed or refused: the audit of response.
CREATE TABLE alert_action (
    id       bigserial PRIMARY KEY,
    alert_id bigint NOT NULL REFERENCES alert (id),
    user_id  bigint NOT NULL,
    action   text NOT NULL CHECK (action IN ('take', 'support', 'help', 'done', 'refused')),
    at       timestamptz NOT NULL,
    note     text
);
CREATE INDEX alert_action_by_alert ON alert_action (alert_id, at);

-- The "Selesai" question (a ForceReply) by the outbox message that asked it.
CREATE TABLE alert_question (
    outbox_id bigint PRIMARY KEY,
    alert_id  bigint NOT NULL REFERENCES alert (id),
    user_id   bigint NOT NULL
);

-- An overdue arahan sent up: to the atasan, then to the pimpinan; each step once.
CREATE TABLE follow_up_escalation (
    follow_up_id bigint NOT NULL REFERENCES follow_up (id),
    step         text NOT NULL CHECK (step IN ('atasan', 'pimpinan')),
    sent_at      timestamptz NOT NULL,
    PRIMARY KEY (follow_up_id, step)
);
