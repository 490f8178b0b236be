package io.roxxane.glue;

import static io.roxxane.glue.SchemaTwoExpected.assertRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roxxane.schema.PartitionKeys;
import io.roxxane.schema.PartitionRule;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queries of the application MBeans' built-in sets (issue 22), run by DuckDB over the fixture's
 * fleet mid-upgrade: schema-1 rows without {@code app_metrics}, schema-2 rows with it (but for the
 * first samples of each JVM) in every partition. Each returns what the rows imply
 * ({@link AppMetricsExpected}) and finds what {@link AppMetricsFigures} planted.
 */
class AppMetricsQueriesTest {
    static final List<String> TESTED = List.of("app_hikari_pending", "app_kafka_consumer_lag", "app_tomcat_threads");
    private static final String CHECKOUT_POD = "checkout-7d9f8b6c5d-x2lqp";
    private static final String BILLING_POD = "billing-5f6d7c8b9a-k4m2n";
    /** UTC hours of the fixture: seq 0-59, 60-119, 120-179, 180-239. */
    private static final List<String> HOURS = List.of("2026-03-10 22:00", "2026-03-10 23:00", "2026-03-11 00:00",
            "2026-03-11 01:00");

    @TempDir
    static Path root;

    private static final SampleFixture FIXTURE = new SampleFixture();
    private static Connection connection;
    private static List<AppMetricsExpected.Row> rows;

    @BeforeAll
    static void load() throws Exception {
        FIXTURE.writeTo(root);
        connection = DriverManager.getConnection("jdbc:duckdb:");
        LocalSampleTable.createView(connection, LocalSampleTable.VIEW, root);
        rows = rows(FIXTURE.stored());
    }

    /** The rows as Athena gives them: the JSON, the sanitised service and the UTC hour of the partition. */
    static List<AppMetricsExpected.Row> rows(List<Map<String, Object>> stored) {
        ObjectMapper json = new ObjectMapper();
        return stored.stream().map(r -> {
            PartitionKeys keys = PartitionRule.keysFor((String) r.get("service"), ((Number) r.get("ts")).longValue());
            return new AppMetricsExpected.Row(json.valueToTree(r), keys.service(),
                    keys.year() + "-" + keys.month() + "-" + keys.day() + " " + keys.hour() + ":00");
        }).toList();
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    @Test
    void fixture_everyPartitionHasRowsWithAndWithoutAppMetrics_andSchema2RowsWithout() throws Exception {
        List<Map<String, Object>> partitions = DuckDbQueries.rows(connection, "SELECT service, year, month, day, hour,"
                + " count(app_metrics) AS with_app, count(agent_jmx_skipped) AS with_skipped, count(*) AS n"
                + " FROM " + LocalSampleTable.VIEW + " GROUP BY ALL");
        assertEquals(8, partitions.size(), "two services over four hours");
        for (Map<String, Object> partition : partitions) {
            long withApp = ((Number) partition.get("with_app")).longValue();
            assertTrue(withApp > 0 && withApp < ((Number) partition.get("n")).longValue(), partition.toString());
            assertEquals(withApp, ((Number) partition.get("with_skipped")).longValue(), partition.toString());
        }
        List<Map<String, Object>> starting = DuckDbQueries.rows(connection, "SELECT instance_id, seq FROM "
                + LocalSampleTable.VIEW + " WHERE schema_version = 2 AND app_metrics IS NULL ORDER BY instance_id, seq");
        assertEquals(List.of("bl-b-0003 0", "bl-b-0003 1", "ck-b-0002 0", "ck-b-0002 1"),
                starting.stream().map(r -> r.get("instance_id") + " " + r.get("seq")).toList(), "before the MBeans are there");
    }

    @Test
    void tomcatThreads_putsTheSaturatedPoolFirst_perPodPoolAndHour() throws Exception {
        List<Map<String, Object>> actual = run("app_tomcat_threads");

        assertRows(AppMetricsExpected.tomcatThreads(rows), actual, "app_tomcat_threads", AppMetricsExpected.ROUNDED);
        assertEquals(8, actual.size(), "two pods over four hours; schema-1 rows have no app_metrics: " + actual);
        Map<String, Object> saturated = actual.get(0);
        assertEquals(List.of("checkout-service", CHECKOUT_POD, "http-nio-8080", HOURS.get(2)),
                List.of(saturated.get("service"), saturated.get("pod"), saturated.get("thread_pool"), saturated.get("hour_utc")));
        assertEquals(1.0, ((Number) saturated.get("busy_max_share")).doubleValue());
        assertEquals(200.0, saturated.get("thread_limit"));
        assertTrue(actual.stream().skip(1).allMatch(r -> ((Number) r.get("busy_max_share")).doubleValue() < 0.2), actual.toString());
        Map<String, Object> slowHour = actual.stream()
                .filter(r -> CHECKOUT_POD.equals(r.get("pod")) && HOURS.get(1).equals(r.get("hour_utc"))).findFirst().orElseThrow();
        assertEquals(59L, ((Number) slowHour.get("samples")).longValue(), "seq 77's busy count was not read in time");
        assertEquals(4, actual.stream().filter(r -> BILLING_POD.equals(r.get("pod"))).count());
    }

    @Test
    void hikariPending_findsTheWaitDuringTheBurstOnly() throws Exception {
        List<Map<String, Object>> actual = run("app_hikari_pending");

        assertRows(AppMetricsExpected.hikariPending(rows), actual, "app_hikari_pending", AppMetricsExpected.ROUNDED);
        assertEquals(8, actual.size(), "two pools over four hours: " + actual);
        Map<String, Object> waited = actual.get(0);
        assertEquals(List.of("checkout-service", "HikariPool-1", HOURS.get(2)),
                List.of(waited.get("service"), waited.get("pool_name"), waited.get("hour_utc")));
        assertTrue(((Number) waited.get("pending_max")).doubleValue() >= 1, waited.toString());
        assertEquals(10.0, waited.get("used_max"), "every connection in use");
        assertEquals(10.0, waited.get("pool_max"));
        assertTrue(actual.stream().skip(1).allMatch(r -> ((Number) r.get("pending_max")).doubleValue() == 0), actual.toString());
        assertEquals(List.of(5.0), actual.stream().filter(r -> "billing-db".equals(r.get("pool_name")))
                .map(r -> r.get("pool_max")).distinct().toList());
    }

    @Test
    void kafkaConsumerLag_putsTheConsumerFallingBehindFirst_consumersOnly() throws Exception {
        List<Map<String, Object>> actual = run("app_kafka_consumer_lag");

        assertRows(AppMetricsExpected.kafkaConsumerLag(rows), actual, "app_kafka_consumer_lag", AppMetricsExpected.ROUNDED);
        assertEquals(8, actual.size(), "two consumers over four hours; the producer and checkout have none: " + actual);
        Map<String, Object> behind = actual.get(0);
        assertEquals(List.of("billing", "billing-invoices-0", HOURS.get(3)),
                List.of(behind.get("service"), behind.get("client_id"), behind.get("hour_utc")));
        assertTrue(((Number) behind.get("lag_max")).doubleValue() >= AppMetricsFigures.LAG_TOP, behind.toString());
        assertTrue(actual.stream().allMatch(r -> ((Number) r.get("records_consumed")).doubleValue() > 0), actual.toString());
        assertEquals(List.of("billing-invoices-0", "billing-payments-0"),
                actual.stream().map(r -> (String) r.get("client_id")).distinct().sorted().toList());
    }

    private static List<Map<String, Object>> run(String name) throws Exception {
        QueryFile query = QueryFile.readAll(Templates.queriesDir()).stream().filter(q -> q.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no docs/queries/" + name + ".sql"));
        return DuckDbQueries.run(connection, query);
    }
}
