-- The reminders of a meeting already posted, by code ('1d', '2h'): by their own trigger, or within the announcement
-- when the meeting was announced shortly before its first reminder (one message instead of two in the same minute).
-- Read and written under the row lock that recording the occurrence takes, so the two never both post one.
ALTER TABLE schedule_occurrence ADD COLUMN reminders_done text[] NOT NULL DEFAULT '{}';
