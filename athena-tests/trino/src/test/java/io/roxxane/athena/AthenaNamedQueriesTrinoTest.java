package io.roxxane.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.athena.data.SampleFleet;
import io.roxxane.athena.data.StoredRow;
import io.roxxane.athena.queries.Expectations;
import io.roxxane.athena.queries.NamedQuery;
import io.roxxane.schema.ServiceNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every named query of the Athena template, run by Trino (Athena engine version 3) in the named
 * query's database on the Parquet files Hive's SerDes wrote, returns exactly the rows computed in
 * Java from what was sent ({@link Expectations}). A few rows are also spelled out from the
 * fleet's deliberate faults, so that an expectation that drifted along with a query would show.
 */
@ExtendWith(DataLakeExtension.class)
class AthenaNamedQueriesTrinoTest {
    /**
     * The named queries with a test here or, for the schema-2 ones, in {@link AthenaSchemaTwoQueriesTrinoTest} and (those
     * over {@code app_metrics}) {@link AthenaAppMetricsQueriesTrinoTest}.
     */
    private static final List<String> TESTED = List.of("app_hikari_pending", "app_kafka_consumer_lag", "app_tomcat_threads",
            "container_cpu_throttling", "dropped_samples_by_agent", "gc_pause_by_service_day", "growing_threads_or_metaspace",
            "heap_by_pod", "heap_gc_by_service_hour", "host_headroom", "memory_pools_near_max", "oom_kills_by_service", "seq_gaps",
            "seq_loss_and_duplicates");

    @Test
    void everyNamedQuery_hasATest_andRunsInTheTablesDatabase(DataLake lake) {
        Map<String, NamedQuery> queries = NamedQueryRun.queries();
        assertEquals(TESTED, List.copyOf(queries.keySet()), "add a test for each named query of the template");
        for (NamedQuery query : queries.values()) {
            assertEquals(lake.template().parameter("DatabaseName"), query.database(), query.name());
            assertTrue(query.sql().contains(" " + lake.table().name() + "\n"), query.name() + " reads " + lake.table().name());
        }
    }

    @Test
    void heapGcByServiceHour(DataLake lake) {
        List<Map<String, Object>> rows = run(lake, "heap_gc_by_service_hour", Expectations::heapGcByServiceHour,
                Map.of("heap_used_avg_mib", 1, "heap_used_max_mib", 1, "heap_max_mib", 1, "heap_used_max_ratio", 4,
                        "gc_time_share", 6));

        assertTrue(rows.stream().anyMatch(r -> r.get("service").equals("unknown") && r.get("heap_used_avg_mib") == null
                && Long.valueOf(0).equals(r.get("instances"))), "the all-null sample is an hour of its own, without heap");
    }

    @Test
    void gcPauseByServiceDay(DataLake lake) {
        List<Map<String, Object>> rows = run(lake, "gc_pause_by_service_day", Expectations::gcPauseByServiceDay, Map.of());

        assertTrue(rows.size() >= 5, "checkout and billing on two days, and more: " + rows);
    }

    @Test
    void hostHeadroom(DataLake lake) {
        List<Map<String, Object>> rows = run(lake, "host_headroom", Expectations::hostHeadroom,
                Map.of("cpu_avg", 4, "cpu_p95", 4, "cpu_max", 4, "cpu_headroom_p95", 4, "memory_total_gib", 2,
                        "memory_available_min_gib", 2, "memory_headroom_min", 4, "swap_used_max_mib", 1));

        assertEquals(0.97, (Double) rows.stream().filter(r -> r.get("host").equals("host-b")).findFirst().orElseThrow()
                .get("cpu_max"), 1e-9, "the spike on host-b");
    }

    @Test
    void growingThreadsOrMetaspace(DataLake lake) {
        List<Map<String, Object>> rows = run(lake, "growing_threads_or_metaspace", Expectations::growingThreadsOrMetaspace,
                Map.of("metaspace_first_mib", 1, "metaspace_last_mib", 1));

        Map<String, String> growing = new LinkedHashMap<>();
        rows.forEach(r -> growing.put((String) r.get("instance_id"), (String) r.get("growing")));
        SampleFleet fleet = lake.fleet();
        assertEquals(Map.of(fleet.blB.id(), "metaspace", fleet.ckB.id(), "threads"), growing);
    }

    @Test
    void seqLossAndDuplicates(DataLake lake) {
        List<Map<String, Object>> rows = run(lake, "seq_loss_and_duplicates", Expectations::seqLossAndDuplicates, Map.of());

        SampleFleet fleet = lake.fleet();
        assertEquals(List.of(fleet.ckA.id(), fleet.blB.id(), fleet.blC.id()),
                rows.stream().map(r -> r.get("instance_id")).filter(id -> id != null).toList());
        Map<String, Object> ckA = rows.get(0);
        assertEquals(List.of(236L, 236L, 0L, 239L, 4L, 0L), List.of(ckA.get("rows_stored"), ckA.get("samples_distinct"),
                ckA.get("seq_first"), ckA.get("seq_last"), ckA.get("samples_lost"), ckA.get("rows_duplicated")));
        Map<String, Object> blC = rows.get(2);
        assertEquals(List.of(244L, 240L, 0L, 4L), List.of(blC.get("rows_stored"), blC.get("samples_distinct"),
                blC.get("samples_lost"), blC.get("rows_duplicated")));
    }

    @Test
    void seqGaps(DataLake lake) {
        List<Map<String, Object>> rows = run(lake, "seq_gaps", Expectations::seqGaps, Map.of());

        SampleFleet fleet = lake.fleet();
        assertEquals(List.of(
                        fleet.blB.id() + " 150-150 after " + fleet.blB.tsOf(149),
                        fleet.ckA.id() + " 50-52 after " + fleet.ckA.tsOf(49),
                        fleet.ckA.id() + " 120-120 after " + fleet.ckA.tsOf(119)),
                rows.stream().map(r -> r.get("instance_id") + " " + r.get("first_missing_seq") + "-" + r.get("last_missing_seq")
                        + " after " + r.get("gap_after_ts")).toList());
    }

    @Test
    void droppedSamplesByAgent(DataLake lake) {
        List<Map<String, Object>> rows = run(lake, "dropped_samples_by_agent", Expectations::droppedSamplesByAgent, Map.of());

        SampleFleet fleet = lake.fleet();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("service", ServiceNames.sanitize(SampleFleet.CHECKOUT));
        expected.put("host", fleet.ckA.host());
        expected.put("instance_id", fleet.ckA.id());
        expected.put("dropped_samples", 4L);
        expected.put("first_dropping_ts", fleet.ckA.tsOf(53));
        expected.put("last_sample_ts", fleet.ckA.tsOf(SampleFleet.SAMPLES - 1));
        expected.put("delivery_failures", 2L);
        expected.put("delivery_retries", 9L);
        assertEquals(List.of(expected), rows);
    }

    private static List<Map<String, Object>> run(DataLake lake, String name,
            Function<List<StoredRow>, List<Map<String, Object>>> expectation, Map<String, Integer> rounded) {
        return NamedQueryRun.run(lake, name, expectation, rounded);
    }
}
