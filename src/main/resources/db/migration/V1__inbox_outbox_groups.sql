-- Every update from Telegram, stored before the poller confirms it; processed_at is set in the same
-- transaction as the update's effects, so an update is never lost and never applied twice.
CREATE TABLE inbox_update (
    update_id    bigint PRIMARY KEY,
    payload      jsonb NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    processed_at timestamptz,
    attempts     integer NOT NULL DEFAULT 0,
    last_error   text
);
CREATE INDEX inbox_update_pending ON inbox_update (update_id) WHERE processed_at IS NULL;

-- The groups the bot is in (or was added to), by current chat id. config_id links a declared group
-- of the config file; it stays when Telegram moves a group to a new chat id (supergroup migration).
CREATE TABLE telegram_group (
    chat_id       bigint PRIMARY KEY,
    config_id     text UNIQUE,
    title         text,
    active        boolean NOT NULL DEFAULT true,
    migrated_from bigint,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Every message the bot sends, written in the transaction that decided to send it.
CREATE TABLE outbox_message (
    id                  bigserial PRIMARY KEY,
    chat_id             bigint NOT NULL,
    method              text NOT NULL,
    payload             jsonb NOT NULL,
    status              text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
    attempts            integer NOT NULL DEFAULT 0,
    not_before          timestamptz NOT NULL DEFAULT now(),
    created_at          timestamptz NOT NULL DEFAULT now(),
    sent_at             timestamptz,
    telegram_message_id bigint,
    last_error          text,
    dedup_key           text UNIQUE
);
CREATE INDEX outbox_message_pending ON outbox_message (chat_id, id) WHERE status = 'pending';

-- When each running instance last asked Telegram for updates: what the health check reads.
CREATE TABLE bot_heartbeat (
    instance_id  text PRIMARY KEY,
    last_poll_at timestamptz NOT NULL
);
