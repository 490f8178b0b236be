-- Each run of lost samples (a gap in seq) per agent instance, with the times around it.
-- gap_after_ts and gap_before_ts are the epoch ms of the stored samples on either side.
WITH stored AS (
  SELECT service, host, instance_id, seq, min(ts) AS ts
  FROM ${TableName}
  GROUP BY service, host, instance_id, seq
),
ordered AS (
  SELECT
    service,
    host,
    instance_id,
    seq,
    ts,
    lag(seq) OVER (PARTITION BY instance_id ORDER BY seq) AS previous_seq,
    lag(ts) OVER (PARTITION BY instance_id ORDER BY seq) AS previous_ts
  FROM stored
)
SELECT
  service,
  host,
  instance_id,
  previous_seq + 1 AS first_missing_seq,
  seq - 1 AS last_missing_seq,
  seq - previous_seq - 1 AS missing,
  previous_ts AS gap_after_ts,
  ts AS gap_before_ts
FROM ordered
WHERE seq - previous_seq > 1
ORDER BY instance_id, first_missing_seq
