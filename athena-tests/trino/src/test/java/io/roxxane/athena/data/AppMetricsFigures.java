package io.roxxane.athena.data;

import io.roxxane.athena.data.SampleFleet.Instance;
import io.roxxane.schema.Column;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code app_metrics} of the fleet's schema-2 agents, as the agent's built-in sets
 * ({@code tomcat}, {@code hikaricp}, {@code kafka}) and a {@code jmx_config} rule write them: keyed
 * {@code name{label=value,…}} with the labels in order, a counter's value its increase over the
 * interval, a gauge's its value; {@code agent_jmx_skipped} beside them. Series names and label keys
 * are the agent's (glue-templates' AppMetricsFigures uses the same). Neither column is written before
 * the application registered its MBeans (the first {@value #FIRST_WITH_MBEANS} samples of a JVM), nor
 * by a JVM without any. Deterministic: no random draw, so every other figure of the fleet stays as it was.
 * <ul>
 *   <li>the checkout pod ({@code ckPod}): Tomcat's {@code http-nio-8080} (limit 200) saturated at seq
 *       {@value #BURST_FROM}-{@value #BURST_TO} (200 busy), when {@code HikariPool-1} (max 10) has every
 *       connection in use and {@link #checkoutPending} threads waiting (none otherwise); at seq
 *       {@value #SLOW_SEQ} the busy-thread getter ran late: that series is missing, counted in
 *       {@code agent_jmx_skipped};</li>
 *   <li>the billing pod ({@code blPod}): a quiet Tomcat pool (limit 50); pool {@code billing-db} (max 5)
 *       never waiting (pending 0); consumer {@code billing-invoices-0} falling behind from seq
 *       {@value #LAG_FROM} ({@link #invoicesLag}), {@code billing-payments-0} keeping up; a producer and a
 *       rule's series without labels that no query reads;</li>
 *   <li>the billing container on the plain Docker host ({@code blDocker}; no pod, so the host): no
 *       built-in {@code tomcat} or {@code hikaricp} set but {@code jmx_config} rules that read both of
 *       Tomcat's connectors and a connection pool under OpenTelemetry's names with jmx_exporter's
 *       labels ({@code name}, {@code pool}), not {@code tomcat.thread.pool.name},
 *       {@code db.client.connection.pool.name} or {@code db.client.connection.state}; consumer
 *       {@code billing-audit-0} with no partition assigned (its {@code records-lag-max} is NaN, which
 *       the agent leaves out);</li>
 *   <li>the ECS task ({@code ckEcs}): no MBean of any set, so neither column;</li>
 *   <li>the pod upgraded before its stack ({@code ckEarly}): the checkout pod's figures, which the
 *       schema-1 conversion drops.</li>
 * </ul>
 */
public final class AppMetricsFigures {
    public static final int FIRST_WITH_MBEANS = 2;
    public static final int BURST_FROM = 60;
    public static final int BURST_TO = 69;
    public static final int SLOW_SEQ = 30;
    public static final int LAG_FROM = 110;
    public static final int LAG_STEP = 1_000;
    public static final String HTTP_POOL = "http-nio-8080";
    public static final String ADMIN_POOL = "admin";
    public static final double CHECKOUT_THREAD_LIMIT = 200;
    public static final double DOCKER_THREAD_LIMIT = 25;
    private static final String THREAD_POOL = "tomcat.thread.pool.name";
    private static final String BUSY = "tomcat.thread.busy.count";
    private static final String LIMIT = "tomcat.thread.limit";
    private static final String GAUGE = "gauge";
    private static final String COUNTER = "counter";

    private final SampleFleet fleet;

    AppMetricsFigures(SampleFleet fleet) {
        this.fleet = fleet;
    }

    /** Threads waiting for a checkout connection at a seq of the burst. */
    public static double checkoutPending(int seq) {
        return 1 + 2 * (seq - BURST_FROM);
    }

    /** {@code billing-invoices-0}'s records-lag-max at seq. */
    public static double invoicesLag(int seq) {
        return seq >= LAG_FROM ? (seq - LAG_FROM + 1) * LAG_STEP : seq % 40;
    }

    /** Tomcat threads busy in the docker host's {@code http-nio-8080} at seq (its admin connector: always 1 of 4). */
    public static double dockerBusy(int seq) {
        return 2 + seq % 5;
    }

    /**
     * Sets (or leaves out) both columns of schema-2 sample {@code seq}, over what the sample holds
     * already (a filler's value of the column's type).
     */
    void put(Map<String, Object> sample, Instance instance, int seq) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        long skipped = 0;
        if (instance == fleet.ckPod || instance == fleet.ckEarly) {
            skipped = checkoutPod(metrics, seq);
        } else if (instance == fleet.blPod) {
            billingPod(metrics, seq);
        } else if (instance == fleet.blDocker) {
            dockerHost(metrics, seq);
        }
        if (metrics.isEmpty() || seq < FIRST_WITH_MBEANS) {
            sample.remove(Column.APP_METRICS.columnName());
            sample.remove(Column.AGENT_JMX_SKIPPED.columnName());
            return;
        }
        sample.put(Column.APP_METRICS.columnName(), metrics);
        sample.put(Column.AGENT_JMX_SKIPPED.columnName(), skipped);
    }

    private static long checkoutPod(Map<String, Object> m, int seq) {
        boolean burst = seq >= BURST_FROM && seq <= BURST_TO;
        series(m, "tomcat.request.count", COUNTER, burst ? 2_400 + seq : 300 + 7 * seq, "tomcat.request.processor.name", HTTP_POOL);
        series(m, "tomcat.thread.count", GAUGE, burst ? 200 : 25 + seq % 10, THREAD_POOL, HTTP_POOL);
        if (seq != SLOW_SEQ) {
            series(m, BUSY, GAUGE, burst ? CHECKOUT_THREAD_LIMIT : 3 + seq % 17, THREAD_POOL, HTTP_POOL);
        }
        series(m, LIMIT, GAUGE, CHECKOUT_THREAD_LIMIT, THREAD_POOL, HTTP_POOL);
        int used = burst ? 10 : 1 + seq % 7;
        hikari(m, "HikariPool-1", used, 10 - used, burst ? checkoutPending(seq) : 0, 10);
        return seq == SLOW_SEQ ? 1 : 0;
    }

    private static void billingPod(Map<String, Object> m, int seq) {
        series(m, "tomcat.thread.count", GAUGE, 10, THREAD_POOL, HTTP_POOL);
        series(m, BUSY, GAUGE, 1 + seq % 9, THREAD_POOL, HTTP_POOL);
        series(m, LIMIT, GAUGE, 50, THREAD_POOL, HTTP_POOL);
        int used = seq % 4;
        hikari(m, "billing-db", used, 5 - used, 0, 5);
        consumer(m, "billing-invoices-0", invoicesLag(seq), 200 + seq % 50);
        consumer(m, "billing-payments-0", seq % 20, 50 + seq % 30);
        series(m, "kafka.producer.record-send-rate", GAUGE, 5 + seq % 50 / 10.0, "client-id", "billing-producer-1");
        series(m, "kafka.producer.record-send-total", COUNTER, 300 + seq % 300, "client-id", "billing-producer-1");
        series(m, "billing_invoices_open", "untyped", 1_000 + seq % 200);
    }

    private static void dockerHost(Map<String, Object> m, int seq) {
        series(m, BUSY, GAUGE, dockerBusy(seq), "name", HTTP_POOL);
        series(m, LIMIT, GAUGE, DOCKER_THREAD_LIMIT, "name", HTTP_POOL);
        series(m, BUSY, GAUGE, 1, "name", ADMIN_POOL);
        series(m, LIMIT, GAUGE, 4, "name", ADMIN_POOL);
        series(m, "db.client.connection.count", GAUGE, 1 + seq % 3, "pool", "audit-db");
        series(m, "db.client.connection.pending_requests", GAUGE, 0, "pool", "audit-db");
        series(m, "kafka.consumer.records-consumed-total", COUNTER, 0, "client-id", "billing-audit-0");
        series(m, "kafka.consumer.fetch-rate", GAUGE, 2, "client-id", "billing-audit-0");
    }

    private static void hikari(Map<String, Object> m, String pool, int used, int idle, double pending, int max) {
        String name = "db.client.connection.pool.name";
        String state = "db.client.connection.state";
        series(m, "db.client.connection.count", GAUGE, used, name, pool, state, "used");
        series(m, "db.client.connection.count", GAUGE, idle, name, pool, state, "idle");
        series(m, "db.client.connection.pending_requests", GAUGE, pending, name, pool);
        series(m, "hikaricp.connections", GAUGE, used + idle, name, pool);
        series(m, "db.client.connection.max", GAUGE, max, name, pool);
        series(m, "db.client.connection.idle.min", GAUGE, max, name, pool);
    }

    private static void consumer(Map<String, Object> m, String clientId, double lag, int consumed) {
        series(m, "kafka.consumer.records-lag-max", GAUGE, lag, "client-id", clientId);
        series(m, "kafka.consumer.records-consumed-total", COUNTER, consumed, "client-id", clientId);
        series(m, "kafka.consumer.fetch-rate", GAUGE, 2.5, "client-id", clientId);
    }

    /** One entry, keyed as the agent keys it ({@code name{k=v,k=v}}); {@code labels} are name, value pairs in order. */
    private static void series(Map<String, Object> m, String name, String type, double value, String... labels) {
        Map<String, String> labelMap = new LinkedHashMap<>();
        StringBuilder key = new StringBuilder(name);
        for (int i = 0; i < labels.length; i += 2) {
            labelMap.put(labels[i], labels[i + 1]);
            key.append(i == 0 ? "{" : ",").append(labels[i]).append('=').append(labels[i + 1]);
        }
        if (labels.length > 0) {
            key.append('}');
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("labels", labelMap);
        entry.put("type", type);
        entry.put("value", value);
        m.put(key.toString(), entry);
    }
}
