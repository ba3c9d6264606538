-- Real reports per category over the digest's five weeks: this week, last week, and the four before this one.
SELECT category,
       count(*) FILTER (WHERE created_at >= :thisWeek) AS this_week,
       count(*) FILTER (WHERE created_at >= :lastWeek AND created_at < :thisWeek) AS last_week,
       count(*) FILTER (WHERE created_at < :thisWeek) AS last_four
FROM report
WHERE created_at >= :fourWeeksAgo AND created_at < :end AND NOT nihil
  AND (CAST(:areas AS text[]) IS NULL OR area = ANY (CAST(:areas AS text[])))
GROUP BY category
