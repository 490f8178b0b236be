-- Kafka consumer lag by service and client id, per UTC hour: records-lag-max, the largest lag in
-- records over the consumer's partitions at each sample (the built-in kafka set), and records
-- consumed (the sum of the per-interval counts of records-consumed-total).
WITH consumer AS (
  SELECT
    service,
    concat(year, '-', month, '-', day, ' ', hour, ':00') AS hour_utc,
    CASE WHEN contains(map_keys(app_metrics[m.series].labels), 'client-id')
      THEN app_metrics[m.series].labels['client-id'] END AS client_id,
    app_metrics[m.series].name AS metric,
    app_metrics[m.series].value AS metric_value
  FROM ${TableName}
  CROSS JOIN UNNEST(map_keys(app_metrics)) AS m(series)
  WHERE app_metrics[m.series].name IN ('kafka.consumer.records-lag-max', 'kafka.consumer.records-consumed-total')
)
SELECT
  service,
  client_id,
  hour_utc,
  count(CASE WHEN metric = 'kafka.consumer.records-lag-max' THEN 1 END) AS samples,
  max(CASE WHEN metric = 'kafka.consumer.records-lag-max' THEN metric_value END) AS lag_max,
  round(avg(CASE WHEN metric = 'kafka.consumer.records-lag-max' THEN metric_value END), 1) AS lag_avg,
  sum(CASE WHEN metric = 'kafka.consumer.records-consumed-total' THEN metric_value END) AS records_consumed
FROM consumer
GROUP BY service, client_id, hour_utc
ORDER BY lag_max DESC NULLS LAST, service, client_id, hour_utc
