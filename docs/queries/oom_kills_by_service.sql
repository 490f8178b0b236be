-- OOM kills per service and UTC day (schema 2): processes the kernel's OOM killer killed in the JVMs' containers.
-- container_oom_kills counts the kills in the container's cgroup during each interval: a child process
-- or another process of the container killed while the JVM lives. A JVM that is killed itself sends no
-- sample of it; its restart shows as a new instance_id. Rows of schema-1 agents are left out.
SELECT
  service,
  concat(year, '-', month, '-', day) AS day_utc,
  sum(container_oom_kills) AS oom_kills,
  count(DISTINCT CASE WHEN container_oom_kills > 0 THEN instance_id END) AS instances_with_kills,
  count(DISTINCT instance_id) AS instances,
  round(max(CAST(container_memory_working_set_bytes AS DOUBLE) / container_memory_limit_bytes), 4)
    AS working_set_max_share
FROM ${TableName}
WHERE container_oom_kills IS NOT NULL
GROUP BY service, year, month, day
HAVING sum(container_oom_kills) > 0
ORDER BY oom_kills DESC, service, day_utc
