package io.roxxane.agent.hostsafety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in sets against the real libraries in a child JVM running the built jar (file sink,
 * interval=1s): embedded Tomcat 11 serving its own loopback requests, a HikariCP 7 pool over H2 with
 * its MBeans on (made after the agent started), Kafka 4 clients with no broker. Every expected
 * figure is what the host says it did. Then the Athena queries of the sets run in DuckDB over the
 * files the agent wrote.
 */
class AppMBeansIT {
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final Map<String, String> NO_LABELS = Map.of();

    static Stream<Jdk> jdks() {
        return Jdk.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void builtinSets_reportWhatTheHostDid_andTheQueriesAnswer(Jdk jdk) throws Exception {
        Path dir = Hosts.scratch("app-mbeans");
        List<String> command = AppHosts.command(jdk, "apps", "apps", "AppsHost",
                "sink=file,dir=" + dir + ",interval=1s,roll_time=1s,service=orders-api");
        Child child = Child.start(command, dir.getParent(), Map.of("OTEL_RESOURCE_ATTRIBUTES", "k8s.pod.name=orders-api-7d9f"));
        try {
            assertNotNull(child.awaitLine("host: ready"::equals, STEP), child.describe());
            // the request counters' first reading (no increase yet) must come before the host acts
            awaitSample(dir, s -> AppSamples.value(s, "tomcat.request.count", NO_LABELS) != null, child);
            child.send("go");
            String acted = child.awaitLine(l -> l.startsWith("host: acted "), STEP);
            assertNotNull(acted, child.describe());
            Map<String, Integer> did = numbers(acted);
            assertEquals(15, did.get("requests"), acted);
            assertEquals(300, did.get("posted-bytes"), acted);
            assertEquals(3, did.get("errors"), acted);
            assertEquals(2, did.get("held"), acted);

            Map<String, Object> during = awaitSample(dir, s -> Double.valueOf(1).equals(
                    AppSamples.value(s, "db.client.connection.pending_requests", Map.of("db.client.connection.pool.name", "orders")))
                    && Double.valueOf(2).equals(AppSamples.value(s, "tomcat.thread.busy.count", NO_LABELS))
                    && AppSamples.value(s, "kafka.consumer.records-lag-max", Map.of("client-id", "lag-fixture")) != null, child);
            Map<String, String> pool = Map.of("db.client.connection.pool.name", "orders");
            assertEquals(5.0, AppSamples.value(during, "db.client.connection.count", with(pool, "db.client.connection.state", "used")));
            assertEquals(0.0, AppSamples.value(during, "db.client.connection.count", with(pool, "db.client.connection.state", "idle")));
            assertEquals(5.0, AppSamples.value(during, "hikaricp.connections", pool));
            assertEquals(5.0, AppSamples.value(during, "db.client.connection.max", pool));
            assertEquals(5.0, AppSamples.value(during, "db.client.connection.idle.min", pool));
            assertEquals(17.0, AppSamples.value(during, "tomcat.thread.limit", NO_LABELS), "maxThreads");
            assertEquals(2.0, AppSamples.value(during, "tomcat.session.active.count", Map.of("tomcat.context", "/app")));
            assertEquals(42.0, AppSamples.value(during, "kafka.consumer.records-lag-max", Map.of("client-id", "lag-fixture")));
            assertEquals("gauge", AppSamples.metrics(during).values().stream()
                    .filter(e -> e.get("name").equals("tomcat.thread.busy.count")).findFirst().orElseThrow().get("type"));

            child.send("release");
            assertNotNull(child.awaitLine("host: released"::equals, STEP), child.describe());
            double expectedRequests = did.get("requests") + did.get("errors") + did.get("held");
            awaitSample(dir, s -> AppSamples.sum(AppSamples.read(dir), "tomcat.request.count", NO_LABELS) >= expectedRequests
                    && Double.valueOf(0).equals(AppSamples.value(s, "db.client.connection.count",
                            with(pool, "db.client.connection.state", "used"))), child);
            child.send("exit");
            assertNotNull(child.awaitLine("host: exiting"::equals, STEP), child.describe());
            assertEquals(0, child.waitFor(STEP), child.describe());
        } finally {
            child.destroy();
        }

        List<Map<String, Object>> samples = AppSamples.read(dir);
        String out = child.describe();
        assertEquals(20.0, AppSamples.sum(samples, "tomcat.request.count", NO_LABELS), "10 ok, 3 posts, 2 sessions, 2 held, 3 errors\n" + out);
        assertEquals(3.0, AppSamples.sum(samples, "tomcat.error.count", NO_LABELS), out);
        assertTrue(AppSamples.sum(samples, "tomcat.network.io", Map.of("network.io.direction", "transmit")) > 0, out);
        assertEquals(300.0, AppSamples.sum(samples, "tomcat.network.io", Map.of("network.io.direction", "receive")),
                "request bodies received: three posts of 100 bytes\n" + out);
        assertTrue(AppSamples.sum(samples, "tomcat.request.duration.sum", NO_LABELS) > 0, out);
        Map<String, String> producer = Map.of("client-id", "roxxane-producer");
        assertEquals(3.0, AppSamples.sum(samples, "kafka.producer.record-error-total", producer),
                "three sends with no broker, each failed\n" + out);
        assertEquals(0.0, AppSamples.sum(samples, "kafka.consumer.records-consumed-total", Map.of("client-id", "roxxane-consumer")), out);
        assertNotNull(AppSamples.first(samples, s -> AppSamples.value(s, "kafka.consumer.records-consumed-total",
                Map.of("client-id", "roxxane-consumer")) != null), "the consumer's counter is read\n" + out);
        Map<String, Object> last = samples.get(samples.size() - 1);
        assertEquals(0L, last.get("agent_jmx_skipped"), out);
        for (int i = 0; i < samples.size(); i++) {
            assertEquals((long) i, samples.get(i).get("seq"), "no sample skipped");
        }
        assertFalse(child.stderr().stream().anyMatch(l -> l.startsWith("[roxxane]") && !l.contains("started")),
                "no agent problem: " + child.stderr());

        queries(dir, jdk);
    }

    /** The three Athena queries of the sets, in DuckDB over the files the agent just wrote. */
    private static void queries(Path dir, Jdk jdk) throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDbTable.create(duck, "roxxane_samples", dir);
            List<Map<String, Object>> threads = run(duck, "app_tomcat_threads.sql");
            assertEquals(1, threads.size(), threads.toString());
            Map<String, Object> row = threads.get(0);
            assertEquals("orders-api", row.get("service"));
            assertEquals("orders-api-7d9f", row.get("pod"));
            assertTrue(String.valueOf(row.get("thread_pool")).startsWith("http-nio-"), row.toString());
            assertEquals(2.0, row.get("busy_max"));
            assertEquals(17.0, row.get("thread_limit"));
            assertEquals(Math.round(2.0 / 17 * 10_000) / 10_000.0, ((Number) row.get("busy_max_share")).doubleValue(), 1e-9);

            List<Map<String, Object>> hikari = run(duck, "app_hikari_pending.sql");
            assertEquals(1, hikari.size(), hikari.toString());
            assertEquals("orders", hikari.get(0).get("pool_name"));
            assertEquals(1.0, hikari.get(0).get("pending_max"));
            assertEquals(5.0, hikari.get(0).get("used_max"));
            assertEquals(5.0, hikari.get(0).get("pool_max"));

            List<Map<String, Object>> lag = run(duck, "app_kafka_consumer_lag.sql");
            assertEquals("lag-fixture", lag.get(0).get("client_id"), lag.toString());
            assertEquals(42.0, lag.get(0).get("lag_max"));
            Map<String, Object> consumer = lag.stream().filter(r -> "roxxane-consumer".equals(r.get("client_id")))
                    .findFirst().orElseThrow(() -> new AssertionError(jdk + ": " + lag));
            assertEquals(null, consumer.get("lag_max"), "no broker, no partitions: no lag");
            assertEquals(0.0, ((Number) consumer.get("records_consumed")).doubleValue());
        }
    }

    private static List<Map<String, Object>> run(Connection duck, String file) throws Exception {
        String sql = new String(Files.readAllBytes(queriesDir().resolve(file)), StandardCharsets.UTF_8)
                .replace("${TableName}", "roxxane_samples");
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = duck.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), result.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static Path queriesDir() {
        Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs").resolve("queries"))) {
            dir = dir.getParent();
        }
        assertNotNull(dir, "docs/queries not found above " + System.getProperty("user.dir"));
        return dir.resolve("docs").resolve("queries");
    }

    private static Map<String, Object> awaitSample(Path dir, Predicate<Map<String, Object>> test, Child child)
            throws InterruptedException {
        long deadline = System.nanoTime() + STEP.toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> samples = AppSamples.read(dir);
            for (int i = samples.size() - 1; i >= 0; i--) {
                if (test.test(samples.get(i))) {
                    return samples.get(i);
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no sample as expected within " + STEP + "; last: "
                + lastOf(AppSamples.read(dir)) + "\n" + child.describe());
    }

    private static Object lastOf(List<Map<String, Object>> samples) {
        return samples.isEmpty() ? "none" : samples.get(samples.size() - 1).get("app_metrics");
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(labels);
        more.put(name, value);
        return more;
    }

    private static Map<String, Integer> numbers(String line) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile("([a-z-]+)=(\\d+)").matcher(line);
        while (matcher.find()) {
            numbers.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
        }
        return numbers;
    }

}
