-- p95 and maximum GC pause per service and UTC day.
-- A sample carries the longest collection of its interval; only intervals with at least one
-- collection count. p95 is the nearest-rank percentile (exact, the same in Athena and DuckDB).
WITH pauses AS (
  SELECT
    service,
    concat(year, '-', month, '-', day) AS day_utc,
    jvm_gc_max_pause_ms AS pause_ms,
    row_number() OVER (PARTITION BY service, year, month, day ORDER BY jvm_gc_max_pause_ms) AS pause_rank,
    count(*) OVER (PARTITION BY service, year, month, day) AS intervals_with_gc
  FROM ${TableName}
  WHERE jvm_gc_max_pause_ms IS NOT NULL
    AND coalesce(jvm_gc_young_count, 0) + coalesce(jvm_gc_old_count, 0) > 0
)
SELECT
  service,
  day_utc,
  max(intervals_with_gc) AS intervals_with_gc,
  min(CASE WHEN 100 * pause_rank >= 95 * intervals_with_gc THEN pause_ms END) AS gc_pause_p95_ms,
  max(pause_ms) AS gc_pause_max_ms
FROM pauses
GROUP BY service, day_utc
ORDER BY service, day_utc
