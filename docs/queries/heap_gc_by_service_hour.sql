-- Heap use and GC time by service and UTC hour.
-- Hours come from the partition keys: add e.g. WHERE year = '2026' AND month = '03' to
-- scan less. gc_time_share is time in collections over sampled wall time (0..1 per JVM).
SELECT
  service,
  concat(year, '-', month, '-', day, ' ', hour, ':00') AS hour_utc,
  count(*) AS samples,
  count(DISTINCT instance_id) AS instances,
  round(avg(CAST(jvm_heap_used_bytes AS DOUBLE)) / 1048576, 1) AS heap_used_avg_mib,
  round(max(CAST(jvm_heap_used_bytes AS DOUBLE)) / 1048576, 1) AS heap_used_max_mib,
  round(max(CAST(jvm_heap_max_bytes AS DOUBLE)) / 1048576, 1) AS heap_max_mib,
  round(max(CAST(jvm_heap_used_bytes AS DOUBLE) / jvm_heap_max_bytes), 4) AS heap_used_max_ratio,
  sum(jvm_gc_young_count) AS gc_young_count,
  sum(jvm_gc_old_count) AS gc_old_count,
  sum(coalesce(jvm_gc_young_time_ms, 0) + coalesce(jvm_gc_old_time_ms, 0)) AS gc_time_ms,
  round(CAST(sum(coalesce(jvm_gc_young_time_ms, 0) + coalesce(jvm_gc_old_time_ms, 0)) AS DOUBLE)
        / sum(interval_ms), 6) AS gc_time_share
FROM ${TableName}
GROUP BY service, year, month, day, hour
ORDER BY service, hour_utc
