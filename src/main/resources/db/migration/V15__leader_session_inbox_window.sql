-- The leader is the instance whose leadership session holds the advisory lock: each beat records that
-- session's server pid, and health asks pg_locks, so a killed leader stops being shown as one at once.
ALTER TABLE bot_heartbeat ADD COLUMN leader_pid integer;

-- Processed updates are kept only as long as Telegram may deliver them again (then pruned): a small BRIN
-- index on the arrival time finds the old ones without slowing the intake.
CREATE INDEX inbox_update_received ON inbox_update USING brin (received_at);
