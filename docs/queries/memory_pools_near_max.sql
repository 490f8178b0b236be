-- Memory pools near their max (schema 2): per JVM and pool that has a max, the highest use as a share of it, 0.9 and over.
-- A heap pool that stays high after collections (used_after_gc_max_share) is short of heap; a full
-- Metaspace, Compressed Class Space or CodeHeap stops the JVM in its own way. Pool names are the
-- JVM's own ('G1 Old Gen', 'CodeHeap ''non-nmethods'''); rows of schema-1 agents have no pools.
-- The pools are unnested through map_keys and read with m[key].field: the form Trino and DuckDB share.
WITH pools AS (
  SELECT
    service,
    host,
    instance_id,
    pool,
    jvm_memory_pools[pool].heap AS heap,
    jvm_memory_pools[pool].used_bytes AS used_bytes,
    jvm_memory_pools[pool].used_after_gc_bytes AS used_after_gc_bytes,
    jvm_memory_pools[pool].max_bytes AS max_bytes
  FROM ${TableName}
  CROSS JOIN UNNEST(map_keys(jvm_memory_pools)) AS p (pool)
)
SELECT
  service,
  host,
  instance_id,
  pool,
  bool_or(heap) AS heap,
  count(*) AS samples,
  sum(CASE WHEN 10 * used_bytes >= 9 * max_bytes THEN 1 ELSE 0 END) AS samples_at_90_percent,
  round(max(CAST(max_bytes AS DOUBLE)) / 1048576, 1) AS max_mib,
  round(max(CAST(used_bytes AS DOUBLE)) / 1048576, 1) AS used_max_mib,
  round(max(CAST(used_bytes AS DOUBLE) / max_bytes), 4) AS used_max_share,
  round(max(CAST(used_after_gc_bytes AS DOUBLE) / max_bytes), 4) AS used_after_gc_max_share
FROM pools
WHERE max_bytes > 0
GROUP BY service, host, instance_id, pool
HAVING max(CAST(used_bytes AS DOUBLE) / max_bytes) >= 0.9
ORDER BY used_max_share DESC, service, instance_id, pool
