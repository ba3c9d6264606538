-- Standby instances beat too (they never poll), and say whether they lead.
ALTER TABLE bot_heartbeat ALTER COLUMN last_poll_at DROP NOT NULL;
ALTER TABLE bot_heartbeat ADD COLUMN leader boolean NOT NULL DEFAULT false;
