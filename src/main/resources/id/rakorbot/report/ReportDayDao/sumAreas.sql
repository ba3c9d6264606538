-- A run of whole local days of a zone, summed per day and area ('' for reports without one): real reports,
-- nihil still standing, whether any was awas, and the siaga/awas ones.
INSERT INTO report_day_area (zone, day, area, reports, nihil, awas, alarms)
SELECT :zone, CAST(created_at AT TIME ZONE :zone AS date), coalesce(area, ''),
       count(*) FILTER (WHERE NOT nihil),
       count(*) FILTER (WHERE nihil AND status <> 'superseded'),
       coalesce(bool_or(severity = 'awas' AND NOT nihil), false),
       count(*) FILTER (WHERE NOT nihil AND severity IN ('siaga', 'awas'))
FROM report WHERE created_at >= :start AND created_at < :end
GROUP BY 2, 3
