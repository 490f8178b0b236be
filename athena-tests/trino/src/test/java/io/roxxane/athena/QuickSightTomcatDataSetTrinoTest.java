package io.roxxane.athena;

import static io.roxxane.athena.data.AppMetricsFigures.BURST_FROM;
import static io.roxxane.athena.data.AppMetricsFigures.BURST_TO;
import static io.roxxane.athena.data.AppMetricsFigures.CHECKOUT_THREAD_LIMIT;
import static io.roxxane.athena.data.AppMetricsFigures.DOCKER_THREAD_LIMIT;
import static io.roxxane.athena.data.AppMetricsFigures.FIRST_WITH_MBEANS;
import static io.roxxane.athena.data.AppMetricsFigures.HTTP_POOL;
import static io.roxxane.athena.data.AppMetricsFigures.SLOW_SEQ;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roxxane.athena.QuickSightRun.Run;
import io.roxxane.athena.data.AppMetricsFigures;
import io.roxxane.athena.data.SampleFleet;
import io.roxxane.athena.data.SampleFleet.Instance;
import io.roxxane.athena.queries.AppMetricsExpectations;
import io.roxxane.athena.queries.QuickSightDataSet;
import io.roxxane.athena.queries.RowAssert;
import io.roxxane.schema.ServiceNames;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The guide's second QuickSight data set ({@code tomcat-data-set.json} in docs/quicksight.md: the
 * {@code app_metrics} map unnested, one row per sample and Tomcat thread pool) run by Trino as
 * Athena runs it for QuickSight: each row equal to the one computed in Java
 * ({@link AppMetricsExpectations#quickSightTomcatThreads}), rows of the fleet's deliberate figures
 * spelled out ({@link AppMetricsFigures}); the declared QuickSight column types fit the SQL's result
 * types. The fleet's {@code app_metrics} are all from the last two days (older partitions were
 * converted with the schema-1 table): the 14-day window's edge is tested with the first data set.
 */
@ExtendWith(DataLakeExtension.class)
class QuickSightTomcatDataSetTrinoTest {
    private static final List<String> SORT_KEYS = List.of("instance_id", "sample_time", "thread_pool");

    private final QuickSightDataSet dataSet = QuickSightDataSet.read(Repo.quickSightGuide(), "tomcat-data-set.json");

    @Test
    void tomcatDataSet_returnsOneRowPerSampleAndPoolOfTheLast14Days_asComputed(DataLake lake) {
        Run run = QuickSightRun.run(lake, dataSet);
        List<Map<String, Object>> actual = run.result().rows();

        RowAssert.assertRows("the QuickSight Tomcat data set",
                QuickSightRun.sorted(AppMetricsExpectations.quickSightTomcatThreads(lake.stored(), run.today()), SORT_KEYS),
                QuickSightRun.sorted(actual, SORT_KEYS), Map.of());
        SampleFleet fleet = lake.fleet();
        long withMBeans = fleet.ckPod.samples() - FIRST_WITH_MBEANS;
        assertEquals(Map.of(fleet.ckPod.id(), withMBeans, fleet.blPod.id(), withMBeans, fleet.blDocker.id(), withMBeans),
                actual.stream().collect(Collectors.groupingBy(r -> (String) r.get("instance_id"), Collectors.counting())),
                "a row per sample once the MBeans are there (the Docker host's two connectors in one: no pool label);"
                        + " none from the ECS task (no app_metrics), the pod upgraded before its stack, or schema-1 agents");
        String pod = fleet.ckPod.deployment().pod();
        assertRow(actual, row(fleet.ckPod, BURST_FROM, pod, HTTP_POOL, CHECKOUT_THREAD_LIMIT, CHECKOUT_THREAD_LIMIT, 1.0),
                "every thread busy");
        assertRow(actual, row(fleet.ckPod, SLOW_SEQ, pod, HTTP_POOL, null, CHECKOUT_THREAD_LIMIT, null),
                "the busy count not read in time: the limit alone, no share");
        assertRow(actual, row(fleet.blDocker, 4, fleet.blDocker.host(), null, AppMetricsFigures.dockerBusy(4), DOCKER_THREAD_LIMIT,
                AppMetricsFigures.dockerBusy(4) / DOCKER_THREAD_LIMIT), "no pod: the host; no pool label: the larger of both connectors");
        assertEquals(BURST_TO - BURST_FROM + 1, actual.stream().filter(r -> Double.valueOf(1.0).equals(r.get("busy_share"))).count(),
                "saturated during the burst only");
    }

    @Test
    void declaredColumnTypes_fitTheTypesTheSqlReturns(DataLake lake) {
        QuickSightRun.assertDeclaredTypesFit(lake, dataSet);
    }

    private static Map<String, Object> row(Instance instance, int seq, String pod, String pool, Double busy, Double limit,
            Double share) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sample_time", LocalDateTime.ofInstant(Instant.ofEpochMilli(instance.tsOf(seq)), ZoneOffset.UTC));
        row.put("service", ServiceNames.sanitize(instance.service()));
        row.put("pod", pod);
        row.put("instance_id", instance.id());
        row.put("thread_pool", pool);
        row.put("threads_busy", busy);
        row.put("thread_limit", limit);
        row.put("busy_share", share);
        return row;
    }

    private static void assertRow(List<Map<String, Object>> rows, Map<String, Object> expected, String what) {
        List<Map<String, Object>> found = rows.stream().filter(r -> r.get("instance_id").equals(expected.get("instance_id"))
                && r.get("sample_time").equals(expected.get("sample_time"))).toList();
        assertEquals(List.of(expected), found, what);
    }
}
