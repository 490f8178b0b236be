-- Containers by CPU throttling (schema 2): time throttled and share of CFS periods throttled, worst first.
-- A container is its Kubernetes pod, else its container name (ECS, container.name), else its host.
-- Rows of schema-1 agents, and JVMs outside a cgroup with a CPU quota, carry no container_cpu_*
-- figures and are left out. throttled_time_share is throttled time over sampled wall time.
SELECT
  service,
  k8s_namespace_name AS namespace,
  coalesce(k8s_pod_name, container_name, host) AS container,
  count(DISTINCT instance_id) AS instances,
  count(*) AS samples,
  sum(container_cpu_throttled_ms) AS throttled_ms,
  round(CAST(sum(container_cpu_throttled_ms) AS DOUBLE) / sum(interval_ms), 4) AS throttled_time_share,
  sum(container_cpu_throttled_periods) AS throttled_periods,
  round(CAST(sum(container_cpu_throttled_periods) AS DOUBLE) / nullif(sum(container_cpu_periods), 0), 4)
    AS throttled_period_share,
  max(container_cpu_limit) AS cpu_limit_cores
FROM ${TableName}
WHERE container_cpu_throttled_ms IS NOT NULL
GROUP BY service, k8s_namespace_name, coalesce(k8s_pod_name, container_name, host)
HAVING sum(container_cpu_throttled_ms) > 0
ORDER BY throttled_ms DESC, service, container
LIMIT 20
