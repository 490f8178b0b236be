-- Lost and re-sent samples per agent instance, from seq (+1 per sample from 0).
-- samples_lost counts holes between the first and last stored seq; rows_duplicated counts
-- extra copies of a seq. Only instances with either are listed.
SELECT
  service,
  host,
  instance_id,
  count(*) AS rows_stored,
  count(DISTINCT seq) AS samples_distinct,
  min(seq) AS seq_first,
  max(seq) AS seq_last,
  max(seq) - min(seq) + 1 - count(DISTINCT seq) AS samples_lost,
  count(*) - count(DISTINCT seq) AS rows_duplicated
FROM ${TableName}
GROUP BY service, host, instance_id
HAVING max(seq) - min(seq) + 1 - count(DISTINCT seq) > 0 OR count(*) - count(DISTINCT seq) > 0
ORDER BY samples_lost DESC, rows_duplicated DESC, instance_id
