-- Agent instances (one JVM run each) whose live threads or metaspace rose in every hour.
-- Compares hourly maxima; needs at least three hours of one instance. A leak suspect, not a
-- proof: a JVM still warming up also grows. growing names what grew.
WITH hourly AS (
  SELECT
    service,
    host,
    instance_id,
    year,
    month,
    day,
    hour,
    max(jvm_threads_live) AS threads_max,
    max(jvm_metaspace_used_bytes) AS metaspace_max
  FROM ${TableName}
  GROUP BY service, host, instance_id, year, month, day, hour
),
steps AS (
  SELECT
    service,
    host,
    instance_id,
    concat(year, '-', month, '-', day, ' ', hour, ':00') AS hour_utc,
    threads_max,
    metaspace_max,
    threads_max - lag(threads_max) OVER (PARTITION BY instance_id ORDER BY year, month, day, hour) AS threads_step,
    metaspace_max - lag(metaspace_max) OVER (PARTITION BY instance_id ORDER BY year, month, day, hour) AS metaspace_step
  FROM hourly
)
SELECT
  service,
  host,
  instance_id,
  CASE
    WHEN min(threads_step) > 0 AND min(metaspace_step) > 0 THEN 'threads+metaspace'
    WHEN min(threads_step) > 0 THEN 'threads'
    ELSE 'metaspace'
  END AS growing,
  count(*) AS hours,
  min(hour_utc) AS first_hour_utc,
  max(hour_utc) AS last_hour_utc,
  min_by(threads_max, hour_utc) AS threads_first,
  max_by(threads_max, hour_utc) AS threads_last,
  round(min_by(CAST(metaspace_max AS DOUBLE), hour_utc) / 1048576, 1) AS metaspace_first_mib,
  round(max_by(CAST(metaspace_max AS DOUBLE), hour_utc) / 1048576, 1) AS metaspace_last_mib
FROM steps
GROUP BY service, host, instance_id
HAVING count(*) >= 3 AND (min(threads_step) > 0 OR min(metaspace_step) > 0)
ORDER BY service, instance_id
