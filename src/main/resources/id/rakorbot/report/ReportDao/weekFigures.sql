-- One pass over a period (the digest's week): severities and statuses of real reports, and per area the real
-- reports, the nihil still standing and whether any was awas. Over the covering index report_digest (V6).
SELECT severity, status, area, GROUPING(area) = 0 AS by_area,
       count(*) FILTER (WHERE NOT nihil) AS reports,
       count(*) FILTER (WHERE nihil AND status <> 'superseded') AS nihil,
       coalesce(bool_or(severity = 'awas' AND NOT nihil), false) AS awas
FROM report
WHERE created_at >= :from AND created_at < :to
  AND (CAST(:areas AS text[]) IS NULL OR area = ANY (CAST(:areas AS text[])))
GROUP BY GROUPING SETS ((severity, status), (area))
