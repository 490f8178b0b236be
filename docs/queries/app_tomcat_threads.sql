-- Tomcat threads busy against the thread pool's limit, by service, pod and pool, per UTC hour.
-- From app_metrics (the built-in tomcat set: tomcat.thread.busy.count, tomcat.thread.limit);
-- pod is k8s_pod_name where the agent knows it, else the host. busy_max_share near 1: saturated.
WITH threads AS (
  SELECT
    service,
    coalesce(k8s_pod_name, host) AS pod,
    concat(year, '-', month, '-', day, ' ', hour, ':00') AS hour_utc,
    CASE WHEN contains(map_keys(app_metrics[m.series].labels), 'tomcat.thread.pool.name')
      THEN app_metrics[m.series].labels['tomcat.thread.pool.name'] END AS thread_pool,
    app_metrics[m.series].name AS metric,
    app_metrics[m.series].value AS metric_value
  FROM ${TableName}
  CROSS JOIN UNNEST(map_keys(app_metrics)) AS m(series)
  WHERE app_metrics[m.series].name IN ('tomcat.thread.busy.count', 'tomcat.thread.limit')
)
SELECT
  service,
  pod,
  thread_pool,
  hour_utc,
  count(CASE WHEN metric = 'tomcat.thread.busy.count' THEN 1 END) AS samples,
  round(avg(CASE WHEN metric = 'tomcat.thread.busy.count' THEN metric_value END), 2) AS busy_avg,
  max(CASE WHEN metric = 'tomcat.thread.busy.count' THEN metric_value END) AS busy_max,
  max(CASE WHEN metric = 'tomcat.thread.limit' THEN metric_value END) AS thread_limit,
  round(max(CASE WHEN metric = 'tomcat.thread.busy.count' THEN metric_value END)
        / max(CASE WHEN metric = 'tomcat.thread.limit' THEN metric_value END), 4) AS busy_max_share
FROM threads
GROUP BY service, pod, thread_pool, hour_utc
ORDER BY busy_max_share DESC NULLS LAST, service, pod, thread_pool, hour_utc
