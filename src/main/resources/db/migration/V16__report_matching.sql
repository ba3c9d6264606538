-- The reports a report.ReportQuery selects: one definition of the filter for the lists, counts, map markers,
-- exports and early warnings that other features ask the report package for. A STABLE SQL function of one
-- SELECT: PostgreSQL inlines it into each query, so the created_at indexes serve as if it were written there.
-- A NULL list means any; p_open NULL means open or not.
CREATE FUNCTION report_matching(p_from timestamptz, p_to timestamptz, p_nihil_too boolean, p_categories text[],
                                p_areas text[], p_severities text[], p_open boolean, p_located_only boolean)
RETURNS SETOF report
LANGUAGE sql STABLE AS $$
    SELECT * FROM report
    WHERE created_at >= p_from AND created_at < p_to
      AND (p_nihil_too OR NOT nihil)
      AND (p_categories IS NULL OR category = ANY (p_categories))
      AND (p_areas IS NULL OR area = ANY (p_areas))
      AND (p_severities IS NULL OR severity = ANY (p_severities))
      AND (p_open IS NULL OR (status = 'open') = p_open)
      AND (NOT p_located_only OR (latitude IS NOT NULL AND longitude IS NOT NULL))
$$;
