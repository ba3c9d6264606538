-- Daily sums of the reports of days that have ended, per zone: a report is stored when it is received, so
-- nothing joins a past day, and its category, area and severity never change (a nihil is superseded the
-- same day). Quarters and year-earlier comparisons add up ~90 rows per category instead of scanning
-- ~100,000 reports. A day is summed once, by whoever claims it first (report_day_done).
CREATE TABLE report_day_done (
    zone text NOT NULL,
    day  date NOT NULL,
    PRIMARY KEY (zone, day)
);

CREATE TABLE report_day_category (
    zone     text NOT NULL,
    day      date NOT NULL,
    category text NOT NULL,
    reports  integer NOT NULL,
    PRIMARY KEY (zone, day, category)
);

-- area '' holds the reports without an area; nihil counts nihil reports still standing; alarms are siaga and awas.
CREATE TABLE report_day_area (
    zone    text NOT NULL,
    day     date NOT NULL,
    area    text NOT NULL,
    reports integer NOT NULL,
    nihil   integer NOT NULL,
    awas    boolean NOT NULL,
    alarms  integer NOT NULL,
    PRIMARY KEY (zone, day, area)
);

-- The siaga and awas reports, newest first, without reading the period's other reports.
CREATE INDEX report_alarms ON report (created_at) WHERE severity IN ('siaga', 'awas') AND NOT nihil;
