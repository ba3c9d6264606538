-- The web dashboard's one-time login links, wall-screen (kiosk) links and sessions. Only SHA-256 hashes of
-- the random tokens are stored: whoever reads this table cannot log in with what is in it.
CREATE TABLE dashboard_link (
    token_hash bytea PRIMARY KEY,
    user_id    bigint NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('login', 'kiosk')),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    revoked_at timestamptz
);
CREATE INDEX dashboard_link_by_user ON dashboard_link (user_id);

CREATE TABLE dashboard_session (
    id_hash    bytea PRIMARY KEY,
    user_id    bigint NOT NULL,
    kiosk      boolean NOT NULL,
    -- The kiosk link a wall screen came in with: revoking the link ends its screens' sessions.
    link_hash  bytea REFERENCES dashboard_link (token_hash) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX dashboard_session_by_user ON dashboard_session (user_id);
CREATE INDEX dashboard_session_by_link ON dashboard_session (link_hash);

-- A message carrying such a link: its text is replaced once it is sent or given up on.
ALTER TABLE outbox_message ADD COLUMN secret boolean NOT NULL DEFAULT false;
