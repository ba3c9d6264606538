-- An answer meant for one person in a group, sent as an ephemeral message: when Telegram refuses it, its fallback
-- (the person's private chat, or the group for a while) takes its place in the same row.
ALTER TABLE outbox_message ADD COLUMN fallback jsonb;

-- A message that stays in its group only a while: delete_due_at is set, on the bot's clock, once it was sent.
ALTER TABLE outbox_message ADD COLUMN delete_after_seconds integer, ADD COLUMN delete_due_at timestamptz;
CREATE INDEX outbox_message_to_delete ON outbox_message (delete_due_at) WHERE delete_after_seconds IS NOT NULL;
