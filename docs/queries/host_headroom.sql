-- CPU and memory headroom per host: what was left at the p95 and at the busiest sample.
-- cpu_headroom_p95 = 1 - p95 of host CPU use; memory_headroom_min = least available / total.
-- Every JVM on a host reports the host's figures, so a host's samples come from all of them.
WITH ranked AS (
  SELECT
    host,
    host_cpu_count,
    host_cpu_utilization,
    host_memory_total_bytes,
    host_memory_available_bytes,
    host_swap_used_bytes,
    row_number() OVER (PARTITION BY host ORDER BY host_cpu_utilization) AS cpu_rank,
    count(*) OVER (PARTITION BY host) AS cpu_samples
  FROM ${TableName}
  WHERE host_cpu_utilization IS NOT NULL
)
SELECT
  host,
  max(cpu_samples) AS samples,
  max(host_cpu_count) AS cpu_count,
  round(avg(host_cpu_utilization), 4) AS cpu_avg,
  round(min(CASE WHEN 100 * cpu_rank >= 95 * cpu_samples THEN host_cpu_utilization END), 4) AS cpu_p95,
  round(max(host_cpu_utilization), 4) AS cpu_max,
  round(1 - min(CASE WHEN 100 * cpu_rank >= 95 * cpu_samples THEN host_cpu_utilization END), 4) AS cpu_headroom_p95,
  round(max(CAST(host_memory_total_bytes AS DOUBLE)) / 1073741824, 2) AS memory_total_gib,
  round(min(CAST(host_memory_available_bytes AS DOUBLE)) / 1073741824, 2) AS memory_available_min_gib,
  round(min(CAST(host_memory_available_bytes AS DOUBLE) / host_memory_total_bytes), 4) AS memory_headroom_min,
  round(max(CAST(host_swap_used_bytes AS DOUBLE)) / 1048576, 1) AS swap_used_max_mib
FROM ranked
GROUP BY host
ORDER BY cpu_headroom_p95, memory_headroom_min, host
