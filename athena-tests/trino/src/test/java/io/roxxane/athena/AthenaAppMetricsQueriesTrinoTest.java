package io.roxxane.athena;

import static io.roxxane.athena.data.AppMetricsFigures.BURST_FROM;
import static io.roxxane.athena.data.AppMetricsFigures.BURST_TO;
import static io.roxxane.athena.data.AppMetricsFigures.CHECKOUT_THREAD_LIMIT;
import static io.roxxane.athena.data.AppMetricsFigures.DOCKER_THREAD_LIMIT;
import static io.roxxane.athena.data.AppMetricsFigures.HTTP_POOL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roxxane.athena.data.AppMetricsFigures;
import io.roxxane.athena.data.SampleFleet;
import io.roxxane.athena.data.SampleFleet.Instance;
import io.roxxane.athena.data.StoredRow;
import io.roxxane.athena.queries.AppMetricsExpectations;
import io.roxxane.schema.ServiceNames;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The named queries over {@code app_metrics} (the application's MBeans: a map unnested through
 * {@code map_keys}, labels read behind {@code CASE WHEN contains(map_keys(…))}) run by Trino over the
 * fleet mid-upgrade: each returns exactly the rows computed in Java ({@link AppMetricsExpectations}),
 * and the figures the fleet was given ({@link AppMetricsFigures}) are spelled out, so that an
 * expectation that drifted along with a query would show. The schema-2 agents run from 23:10 UTC for
 * two hours: three UTC hours, the first two samples of each without MBeans.
 */
@ExtendWith(DataLakeExtension.class)
class AthenaAppMetricsQueriesTrinoTest {
    private static final String CHECKOUT = ServiceNames.sanitize(SampleFleet.CHECKOUT);
    private static final String BILLING = SampleFleet.BILLING;

    @Test
    void appTomcatThreads(DataLake lake) {
        List<Map<String, Object>> rows = NamedQueryRun.run(lake, "app_tomcat_threads", AppMetricsExpectations::tomcatThreads,
                Map.of("busy_avg", 2, "busy_max_share", 4));

        SampleFleet fleet = lake.fleet();
        List<String> hours = hours(lake, fleet.ckPod);
        String pod = fleet.ckPod.deployment().pod();
        assertEquals(List.of(CHECKOUT, pod, HTTP_POOL, hours.get(1), CHECKOUT_THREAD_LIMIT, CHECKOUT_THREAD_LIMIT, 1.0),
                fields(rows.get(0), "service", "pod", "thread_pool", "hour_utc", "busy_max", "thread_limit", "busy_max_share"),
                "the pool saturated at seq " + BURST_FROM + "-" + BURST_TO + " first");
        assertEquals(Set.of(CHECKOUT + " " + pod + " " + HTTP_POOL, BILLING + " " + fleet.blPod.deployment().pod() + " " + HTTP_POOL,
                        BILLING + " " + fleet.blDocker.host() + " null"),
                rows.stream().map(r -> r.get("service") + " " + r.get("pod") + " " + r.get("thread_pool")).collect(Collectors.toSet()),
                "the pods' pools, the Docker host's rule series (no pool label: NULL, the host for the pod); nothing from the"
                        + " ECS task (no app_metrics) or the pod upgraded before its stack (converted with schema 1)");
        assertEquals(47L, row(rows, "pod", pod, hours.get(0)).get("samples"),
                "seq 2-49, less seq " + AppMetricsFigures.SLOW_SEQ + " whose busy count was not read in time");
        assertEquals(List.of(
                        Arrays.asList(hours.get(0), 96L, 6.0, DOCKER_THREAD_LIMIT),
                        Arrays.asList(hours.get(1), 120L, 6.0, DOCKER_THREAD_LIMIT),
                        Arrays.asList(hours.get(2), 20L, 6.0, DOCKER_THREAD_LIMIT)),
                rows.stream().filter(r -> r.get("pod").equals(fleet.blDocker.host()))
                        .map(r -> fields(r, "hour_utc", "samples", "busy_max", "thread_limit")).toList(),
                "both connectors counted in one group, the larger figures win");
    }

    @Test
    void appHikariPending(DataLake lake) {
        List<Map<String, Object>> rows = NamedQueryRun.run(lake, "app_hikari_pending", AppMetricsExpectations::hikariPending,
                Map.of("pending_avg", 2));

        List<String> hours = hours(lake, lake.fleet().ckPod);
        assertEquals(List.of(
                        CHECKOUT + " HikariPool-1 " + hours.get(1) + " " + AppMetricsFigures.checkoutPending(BURST_TO),
                        BILLING + " billing-db " + hours.get(0) + " 0.0",
                        BILLING + " billing-db " + hours.get(1) + " 0.0",
                        BILLING + " billing-db " + hours.get(2) + " 0.0",
                        BILLING + " null " + hours.get(0) + " 0.0",
                        BILLING + " null " + hours.get(1) + " 0.0",
                        BILLING + " null " + hours.get(2) + " 0.0",
                        CHECKOUT + " HikariPool-1 " + hours.get(0) + " 0.0",
                        CHECKOUT + " HikariPool-1 " + hours.get(2) + " 0.0"),
                rows.stream().map(r -> r.get("service") + " " + r.get("pool_name") + " " + r.get("hour_utc") + " "
                        + r.get("pending_max")).toList(),
                "threads waited in the checkout pod's burst only; pools with a pending of 0 still have rows, the Docker"
                        + " host's rule series too (no pool label: NULL, last among equals)");
        assertEquals(List.of(10.0, 10.0), fields(rows.get(0), "used_max", "pool_max"), "every connection in use");
        rows.stream().filter(r -> "billing-db".equals(r.get("pool_name"))).forEach(r ->
                assertEquals(List.of(0.0, 5.0), fields(r, "pending_avg", "pool_max"), r.toString()));
        rows.stream().filter(r -> r.get("pool_name") == null).forEach(r -> assertEquals(Arrays.asList(null, null),
                fields(r, "used_max", "pool_max"), "the rule's count has no state label, and it reads no maximum: " + r));
    }

    @Test
    void appKafkaConsumerLag(DataLake lake) {
        List<Map<String, Object>> rows = NamedQueryRun.run(lake, "app_kafka_consumer_lag", AppMetricsExpectations::kafkaConsumerLag,
                Map.of("lag_avg", 1));

        SampleFleet fleet = lake.fleet();
        List<String> hours = hours(lake, fleet.blPod);
        assertEquals(List.of(
                        "billing-invoices-0 " + hours.get(2) + " " + AppMetricsFigures.invoicesLag(fleet.blPod.samples() - 1),
                        "billing-invoices-0 " + hours.get(0) + " 39.0",
                        "billing-invoices-0 " + hours.get(1) + " 39.0",
                        "billing-payments-0 " + hours.get(0) + " 19.0",
                        "billing-payments-0 " + hours.get(1) + " 19.0",
                        "billing-payments-0 " + hours.get(2) + " 19.0",
                        "billing-audit-0 " + hours.get(0) + " null",
                        "billing-audit-0 " + hours.get(1) + " null",
                        "billing-audit-0 " + hours.get(2) + " null"),
                rows.stream().map(r -> r.get("client_id") + " " + r.get("hour_utc") + " " + r.get("lag_max")).toList(),
                "the consumer falling behind in the last hour first, the consumer without partitions (no lag series) last;"
                        + " the producer is no consumer");
        assertEquals(Set.of(BILLING), rows.stream().map(r -> r.get("service")).collect(Collectors.toSet()));
        rows.stream().filter(r -> "billing-audit-0".equals(r.get("client_id"))).forEach(r ->
                assertEquals(Arrays.asList(0L, null, 0.0), fields(r, "samples", "lag_avg", "records_consumed"), r.toString()));
    }

    /** The UTC hours of an instance's stored rows, in order. */
    private static List<String> hours(DataLake lake, Instance instance) {
        List<String> hours = lake.stored().stream().filter(r -> instance.id().equals(r.str("instance_id"))).map(StoredRow::hourUtc)
                .distinct().sorted().toList();
        assertEquals(3, hours.size(), instance.id() + " runs across three UTC hours: " + hours);
        return hours;
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String column, String value, String hour) {
        return rows.stream().filter(r -> value.equals(r.get(column)) && hour.equals(r.get("hour_utc"))).findFirst().orElseThrow();
    }

    private static List<Object> fields(Map<String, Object> row, String... columns) {
        return Arrays.stream(columns).map(row::get).toList();
    }
}
