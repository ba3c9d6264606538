-- Per area ('' for reports without one) in [from, to): real reports, nihil still standing, whether any was awas,
-- and the siaga/awas ones; the same figures as sumAreas, for the partial days around the summed ones.
SELECT coalesce(area, '') AS area,
       count(*) FILTER (WHERE NOT nihil) AS reports,
       count(*) FILTER (WHERE nihil AND status <> 'superseded') AS nihil,
       coalesce(bool_or(severity = 'awas' AND NOT nihil), false) AS awas,
       count(*) FILTER (WHERE NOT nihil AND severity IN ('siaga', 'awas')) AS alarms
FROM report WHERE created_at >= :from AND created_at < :to
GROUP BY 1
