-- Agent instances that dropped samples (buffer full or sink failing), worst first.
-- agent_dropped_samples is cumulative since the agent started, so its maximum is the total;
-- first_dropping_ts is the epoch ms of the first sample that reported a drop.
SELECT
  service,
  host,
  instance_id,
  max(agent_dropped_samples) AS dropped_samples,
  min(CASE WHEN agent_dropped_samples > 0 THEN ts END) AS first_dropping_ts,
  max(ts) AS last_sample_ts,
  max(agent_failures) AS delivery_failures,
  max(agent_retries) AS delivery_retries
FROM ${TableName}
GROUP BY service, host, instance_id
HAVING max(agent_dropped_samples) > 0
ORDER BY dropped_samples DESC, instance_id
