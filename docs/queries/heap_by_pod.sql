-- Heap per Kubernetes pod (schema 2): heap use against its max and the heap's max against the container's memory limit.
-- Rows without a pod (schema-1 agents, or not on Kubernetes) are left out; a pod's restarts show as
-- several instances. heap_max_of_limit near 1 leaves no room for metaspace, threads and buffers.
SELECT
  k8s_namespace_name AS namespace,
  k8s_pod_name AS pod,
  service,
  count(DISTINCT instance_id) AS instances,
  count(*) AS samples,
  round(avg(CAST(jvm_heap_used_bytes AS DOUBLE)) / 1048576, 1) AS heap_used_avg_mib,
  round(max(CAST(jvm_heap_used_bytes AS DOUBLE)) / 1048576, 1) AS heap_used_max_mib,
  round(max(CAST(jvm_heap_max_bytes AS DOUBLE)) / 1048576, 1) AS heap_max_mib,
  round(max(CAST(jvm_heap_used_bytes AS DOUBLE) / jvm_heap_max_bytes), 4) AS heap_used_max_share,
  round(max(CAST(container_memory_working_set_bytes AS DOUBLE)) / 1048576, 1) AS working_set_max_mib,
  round(max(CAST(container_memory_limit_bytes AS DOUBLE)) / 1048576, 1) AS memory_limit_mib,
  round(max(CAST(jvm_heap_max_bytes AS DOUBLE)) / max(container_memory_limit_bytes), 4) AS heap_max_of_limit
FROM ${TableName}
WHERE k8s_pod_name IS NOT NULL
GROUP BY k8s_namespace_name, k8s_pod_name, service
ORDER BY heap_used_max_share DESC, namespace, pod
