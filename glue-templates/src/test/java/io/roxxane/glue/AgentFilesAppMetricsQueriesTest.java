package io.roxxane.glue;

import static io.roxxane.glue.SchemaTwoExpected.assertRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roxxane.glue.AgentSamples.Sample;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app_* queries over files the real agent wrote (see {@link AgentFilesQueriesTest}): over the
 * recording as it is (its agents read no application MBean: the queries run and find nothing), and
 * over a copy in which the longest-running agent's samples carry {@code app_metrics} of a Tomcat
 * pool, a HikariCP pool and a Kafka consumer, outside Kubernetes (the pod is the host), while the
 * other agent's stay as recorded. Expected rows come from the JSON ({@link AppMetricsExpected}).
 */
class AgentFilesAppMetricsQueriesTest {
    static final List<String> TESTED = AppMetricsQueriesTest.TESTED;
    private static final Map<String, Function<List<AppMetricsExpected.Row>, List<Map<String, Object>>>> EXPECTED = Map.of(
            "app_hikari_pending", AppMetricsExpected::hikariPending,
            "app_kafka_consumer_lag", AppMetricsExpected::kafkaConsumerLag,
            "app_tomcat_threads", AppMetricsExpected::tomcatThreads);

    private final Path root = Path.of(System.getProperty("roxxane.samples.dir", "src/test/resources/agent-samples"));
    private final List<Sample> samples = AgentSamples.read(root);

    @TempDir
    Path copies;

    @Test
    void everyAppQuery_hasAnExpectation() {
        assertEquals(TESTED, EXPECTED.keySet().stream().sorted().toList());
    }

    @Test
    void appQueries_onTheRecording_returnWhatItsLinesImply() throws Exception {
        for (String query : TESTED) {
            assertRows(EXPECTED.get(query).apply(rows(samples)), run(root, query), query, AppMetricsExpected.ROUNDED);
        }
    }

    @Test
    void appQueries_whenOneAgentOfTheRecordingReadsMBeans_findItsSeries() throws Exception {
        List<Sample> upgraded = longestInstance();
        String instanceId = upgraded.get(0).text("instance_id");
        List<Sample> edited = new ArrayList<>();
        for (Sample sample : samples) {
            Sample copy = sample.copy();
            if (copy.text("instance_id").equals(instanceId)) {
                addAppMetrics(copy.json(), copy.lng("seq"));
            }
            edited.add(copy);
        }
        Path copy = copies.resolve("with-mbeans");
        List<Sample> written = AgentSamples.write(edited, copy);

        for (String query : TESTED) {
            List<Map<String, Object>> expected = EXPECTED.get(query).apply(rows(written));
            assertFalse(expected.isEmpty(), query + " should find the agent that reads MBeans");
            assertRows(expected, run(copy, query), query, AppMetricsExpected.ROUNDED);
        }
        assertEquals(List.of(upgraded.get(0).text("host")),
                run(copy, "app_tomcat_threads").stream().map(r -> r.get("pod")).distinct().toList(), "no pod: the host");
    }

    /** What a schema-2 agent of a Spring Boot service with a Kafka consumer adds; busier with every sample. */
    private static void addAppMetrics(ObjectNode json, long seq) {
        json.put("schema_version", 2);
        json.put("agent_jmx_skipped", 0L);
        ObjectNode metrics = json.putObject("app_metrics");
        series(metrics, "tomcat.thread.busy.count", "gauge", 1 + seq % 7, "tomcat.thread.pool.name", "http-nio-8080");
        series(metrics, "tomcat.thread.limit", "gauge", 200, "tomcat.thread.pool.name", "http-nio-8080");
        series(metrics, "db.client.connection.count", "gauge", seq % 4, "db.client.connection.pool.name", "HikariPool-1",
                "db.client.connection.state", "used");
        series(metrics, "db.client.connection.pending_requests", "gauge", seq % 5 == 4 ? 2 : 0,
                "db.client.connection.pool.name", "HikariPool-1");
        series(metrics, "db.client.connection.max", "gauge", 10, "db.client.connection.pool.name", "HikariPool-1");
        series(metrics, "kafka.consumer.records-lag-max", "gauge", 10 * seq, "client-id", "orders-consumer-1");
        series(metrics, "kafka.consumer.records-consumed-total", "counter", 25, "client-id", "orders-consumer-1");
    }

    private static void series(ObjectNode metrics, String name, String type, double value, String... labels) {
        StringBuilder key = new StringBuilder(name);
        ObjectNode entry = metrics.objectNode();
        entry.put("name", name);
        ObjectNode labelNode = entry.putObject("labels");
        for (int i = 0; i < labels.length; i += 2) {
            labelNode.put(labels[i], labels[i + 1]);
            key.append(i == 0 ? "{" : ",").append(labels[i]).append('=').append(labels[i + 1]);
        }
        entry.put("type", type);
        entry.put("value", value);
        metrics.set(labels.length == 0 ? name : key.append('}').toString(), entry);
    }

    private static List<AppMetricsExpected.Row> rows(List<Sample> samples) {
        return samples.stream().map(s -> new AppMetricsExpected.Row(s.json(), s.service(), s.hourUtc())).toList();
    }

    private List<Sample> longestInstance() {
        return samples.stream().collect(java.util.stream.Collectors.groupingBy(s -> s.text("instance_id"))).values().stream()
                .max(Comparator.comparingInt(List::size)).orElseThrow();
    }

    private static List<Map<String, Object>> run(Path dir, String name) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            LocalSampleTable.createView(connection, LocalSampleTable.VIEW, dir);
            QueryFile query = QueryFile.readAll(Templates.queriesDir()).stream().filter(q -> q.name().equals(name))
                    .findFirst().orElseThrow();
            return DuckDbQueries.run(connection, query);
        }
    }
}
