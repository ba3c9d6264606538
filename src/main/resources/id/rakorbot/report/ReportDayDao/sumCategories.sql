-- A run of whole local days of a zone, summed per day and category (real reports only).
INSERT INTO report_day_category (zone, day, category, reports)
SELECT :zone, CAST(created_at AT TIME ZONE :zone AS date), category, count(*) FROM report
WHERE NOT nihil AND created_at >= :start AND created_at < :end
GROUP BY 2, 3
