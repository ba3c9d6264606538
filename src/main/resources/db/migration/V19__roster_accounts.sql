-- Telegram accounts bound to roster people whose row has no user_id: by the person's own shared contact, a
-- personal invite link, or an @username they confirmed. person_key is Official.key(): the phone (+62...),
-- else the @username, else the name. One account per person and one person per account.
CREATE TABLE roster_binding (
    person_key text PRIMARY KEY,
    user_id    bigint NOT NULL UNIQUE,
    via        text NOT NULL CHECK (via IN ('kontak', 'undangan', 'username')),
    bound_at   timestamptz NOT NULL
);

-- Personal invite links (t.me/<bot>?start=<token>): single use, expiring; only the token's SHA-256 is kept.
CREATE TABLE roster_invite (
    token_hash bytea PRIMARY KEY,
    person_key text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    used_by    bigint
);
CREATE INDEX roster_invite_person ON roster_invite (person_key);
