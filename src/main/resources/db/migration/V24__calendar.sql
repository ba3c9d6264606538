-- Every meeting as the officials' calendars know it: one row per date a schedule's rule gives (its UID), its
-- current time and place, and the SEQUENCE that rises each time those change (RFC 5545 §3.8.7.4).
CREATE TABLE calendar_event (
    uid          text PRIMARY KEY,
    schedule_id  text NOT NULL,
    slot_date    date NOT NULL,
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    fingerprint  text NOT NULL,
    sequence     integer NOT NULL DEFAULT 0,
    cancelled    boolean NOT NULL DEFAULT false,
    changed_at   timestamptz NOT NULL,
    -- the groups its calendar file went to with the announcement: they get the new file when it changes
    announced_to text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX calendar_event_by_schedule ON calendar_event (schedule_id, starts_at);

-- A person's (or an admin's, for a group) subscribable feed: only the token's hash is kept; revoked, it answers 404.
CREATE TABLE calendar_subscription (
    token_hash  text PRIMARY KEY,
    user_id     bigint NOT NULL,
    group_id    text,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX calendar_subscription_by_user ON calendar_subscription (user_id) WHERE revoked_at IS NULL;
