-- HikariCP: requests waiting for a connection, and connections in use against the pool's maximum,
-- by service, pool and UTC hour (the built-in hikaricp set; HikariCP registers its MBeans only
-- with registerMbeans=true). pending_max above 0: threads waited for a connection that hour.
WITH pool AS (
  SELECT
    service,
    concat(year, '-', month, '-', day, ' ', hour, ':00') AS hour_utc,
    CASE WHEN contains(map_keys(app_metrics[m.series].labels), 'db.client.connection.pool.name')
      THEN app_metrics[m.series].labels['db.client.connection.pool.name'] END AS pool_name,
    CASE WHEN contains(map_keys(app_metrics[m.series].labels), 'db.client.connection.state')
      THEN app_metrics[m.series].labels['db.client.connection.state'] END AS state,
    app_metrics[m.series].name AS metric,
    app_metrics[m.series].value AS metric_value
  FROM ${TableName}
  CROSS JOIN UNNEST(map_keys(app_metrics)) AS m(series)
  WHERE app_metrics[m.series].name IN ('db.client.connection.pending_requests', 'db.client.connection.count',
    'db.client.connection.max')
)
SELECT
  service,
  pool_name,
  hour_utc,
  count(CASE WHEN metric = 'db.client.connection.pending_requests' THEN 1 END) AS samples,
  max(CASE WHEN metric = 'db.client.connection.pending_requests' THEN metric_value END) AS pending_max,
  round(avg(CASE WHEN metric = 'db.client.connection.pending_requests' THEN metric_value END), 2) AS pending_avg,
  max(CASE WHEN metric = 'db.client.connection.count' AND state = 'used' THEN metric_value END) AS used_max,
  max(CASE WHEN metric = 'db.client.connection.max' THEN metric_value END) AS pool_max
FROM pool
GROUP BY service, pool_name, hour_utc
ORDER BY pending_max DESC NULLS LAST, service, pool_name, hour_utc
