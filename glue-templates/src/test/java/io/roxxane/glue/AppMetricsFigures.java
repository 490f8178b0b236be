package io.roxxane.glue;

import io.roxxane.schema.Column;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The {@code app_metrics} of the fixture's schema-2 instances, as the agent's built-in sets and a
 * {@code jmx_config} rule write them (series key {@code name{label=value,…}}; a counter's value its
 * increase over the interval), from a random source of its own. Absent in the first two samples of
 * each instance (the application has not registered its MBeans yet), and so is
 * {@code agent_jmx_skipped}. What the app_* queries must find:
 * <ul>
 *   <li>{@code ck-b-0002} (checkout, Tomcat and HikariCP): Tomcat's {@code http-nio-8080} pool (limit
 *       200) saturated at seq {@value #BURST_FROM}-{@value #BURST_TO} (busy 200), when
 *       {@code HikariPool-1} (max 10) has all its connections in use and threads waiting for one;
 *       at seq {@value #SLOW_SEQ} the busy-thread getter ran late: its series is missing and counted
 *       in {@code agent_jmx_skipped};</li>
 *   <li>{@code bl-b-0003} (billing, Tomcat, HikariCP, Kafka): a quiet Tomcat pool (limit 50) and pool
 *       {@code billing-db} (max 5) never waiting; consumer {@code billing-invoices-0} falling behind
 *       in the last hour (lag rising to {@value #LAG_TOP}+), {@code billing-payments-0} keeping up;
 *       a producer and a rule's series that no query reads.</li>
 * </ul>
 */
final class AppMetricsFigures {
    static final int BURST_FROM = 130;
    static final int BURST_TO = 139;
    static final int SLOW_SEQ = 77;
    static final int LAG_FROM = 180;
    static final int LAG_TOP = 9_000;
    private static final int FIRST_WITH_MBEANS = 2;

    private final boolean checkout;
    private final Random random;

    AppMetricsFigures(SampleFixture.Instance instance) {
        this.checkout = instance == SampleFixture.CK_B;
        this.random = new Random(instance.pid() * 31 + 22);
    }

    /** Puts {@code app_metrics} and {@code agent_jmx_skipped} for sample {@code seq}, unless the MBeans are not there yet. */
    void put(Map<Column, Object> v, int seq) {
        if (seq < FIRST_WITH_MBEANS) {
            return;
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        long skipped = checkout ? checkout(metrics, seq) : billing(metrics, seq);
        v.put(Column.APP_METRICS, metrics);
        v.put(Column.AGENT_JMX_SKIPPED, skipped);
    }

    private long checkout(Map<String, Object> m, int seq) {
        boolean burst = seq >= BURST_FROM && seq <= BURST_TO;
        String pool = "http-nio-8080";
        series(m, "tomcat.request.count", "counter", burst ? 2_400 + random.nextInt(600) : 300 + random.nextInt(900),
                "tomcat.request.processor.name", pool);
        series(m, "tomcat.thread.count", "gauge", burst ? 200 : 25 + random.nextInt(10), "tomcat.thread.pool.name", pool);
        if (seq != SLOW_SEQ) {
            series(m, "tomcat.thread.busy.count", "gauge", burst ? 200 : 3 + random.nextInt(30), "tomcat.thread.pool.name", pool);
        }
        series(m, "tomcat.thread.limit", "gauge", 200, "tomcat.thread.pool.name", pool);
        int used = burst ? 10 : 1 + random.nextInt(7);
        hikari(m, "HikariPool-1", used, 10 - used, burst ? 1 + random.nextInt(40) : 0, 10);
        return seq == SLOW_SEQ ? 1 : 0;
    }

    private long billing(Map<String, Object> m, int seq) {
        String pool = "http-nio-8080";
        series(m, "tomcat.thread.count", "gauge", 10, "tomcat.thread.pool.name", pool);
        series(m, "tomcat.thread.busy.count", "gauge", 1 + random.nextInt(9), "tomcat.thread.pool.name", pool);
        series(m, "tomcat.thread.limit", "gauge", 50, "tomcat.thread.pool.name", pool);
        int used = random.nextInt(4);
        hikari(m, "billing-db", used, 5 - used, 0, 5);
        int behind = seq >= LAG_FROM ? (seq - LAG_FROM) * LAG_TOP / (SampleFixture.SAMPLES_PER_INSTANCE - 1 - LAG_FROM) : 0;
        consumer(m, "billing-invoices-0", behind + random.nextInt(150), 200 + random.nextInt(400));
        consumer(m, "billing-payments-0", random.nextInt(20), 50 + random.nextInt(100));
        series(m, "kafka.producer.record-send-rate", "gauge", 5 + random.nextInt(50) / 10.0, "client-id", "billing-producer-1");
        series(m, "kafka.producer.record-send-total", "counter", 300 + random.nextInt(300), "client-id", "billing-producer-1");
        series(m, "billing_invoices_open", "untyped", 1_000 + random.nextInt(200));
        return 0;
    }

    private static void hikari(Map<String, Object> m, String pool, int used, int idle, int pending, int max) {
        String name = "db.client.connection.pool.name";
        String state = "db.client.connection.state";
        series(m, "db.client.connection.count", "gauge", used, name, pool, state, "used");
        series(m, "db.client.connection.count", "gauge", idle, name, pool, state, "idle");
        series(m, "db.client.connection.pending_requests", "gauge", pending, name, pool);
        series(m, "hikaricp.connections", "gauge", used + idle, name, pool);
        series(m, "db.client.connection.max", "gauge", max, name, pool);
        series(m, "db.client.connection.idle.min", "gauge", max, name, pool);
    }

    private static void consumer(Map<String, Object> m, String clientId, int lag, int consumed) {
        series(m, "kafka.consumer.records-lag-max", "gauge", lag, "client-id", clientId);
        series(m, "kafka.consumer.records-consumed-total", "counter", consumed, "client-id", clientId);
        series(m, "kafka.consumer.fetch-rate", "gauge", 2.5, "client-id", clientId);
    }

    /** One entry, keyed as the agent keys it; {@code labels} are name, value pairs in order. */
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
