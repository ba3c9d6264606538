-- Peringatan dini: alerts raised by the rules of the config over the incoming reports. One per rule and
-- scope (an area, or everywhere, or a category for a trend) while its window lasts; a higher rule's alert
-- escalates a lower one of the same scope.
CREATE TABLE early_warning (
    id             bigserial PRIMARY KEY,
    number         text NOT NULL UNIQUE,
    rule_id        text NOT NULL,
    rule_name      text NOT NULL,
    level          text NOT NULL CHECK (level IN ('waspada', 'siaga', 'awas')),
    scope          text NOT NULL,
    categories     text[] NOT NULL,
    reports        text[] NOT NULL,
    fired_at       timestamptz NOT NULL,
    window_end     timestamptz NOT NULL,
    status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'escalated', 'closed')),
    escalated_to   bigint REFERENCES early_warning (id),
    closed_by      bigint,
    closed_note    text,
    closed_at      timestamptz
);
CREATE INDEX early_warning_by_scope ON early_warning (scope, window_end);
CREATE INDEX early_warning_by_time ON early_warning (fired_at);
