-- A nihil ("no incident") for an area is superseded when a real report for that area follows the same day:
-- the area was not quiet after all. The nihil is kept (what was said, and when) but no longer counts.
ALTER TABLE report DROP CONSTRAINT report_status_check;
ALTER TABLE report ADD CONSTRAINT report_status_check CHECK (status IN ('open', 'closed', 'superseded'));
ALTER TABLE report ADD COLUMN superseded_by bigint REFERENCES report (id);
CREATE INDEX report_nihil_by_area ON report (area, created_at) WHERE nihil AND status = 'open';
