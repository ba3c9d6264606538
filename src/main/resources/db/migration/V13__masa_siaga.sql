-- Masa siaga: what went out for a day (a reminder to a reporter, the silent list, the daily digest to a group),
-- claimed in the transaction that queues it, so it goes out once across instances and restarts.
CREATE TABLE siaga_notice (
    day    date NOT NULL,
    kind   text NOT NULL CHECK (kind IN ('pengingat', 'senyap', 'rekap')),
    target text NOT NULL,
    PRIMARY KEY (day, kind, target)
);
