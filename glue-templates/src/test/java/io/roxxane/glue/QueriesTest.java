package io.roxxane.glue;

import static io.roxxane.glue.SampleFixture.BL_B;
import static io.roxxane.glue.SampleFixture.BL_C;
import static io.roxxane.glue.SampleFixture.CK_A;
import static io.roxxane.glue.SampleFixture.CK_B;
import static io.roxxane.glue.SampleFixture.tsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.schema.PartitionKeys;
import io.roxxane.schema.PartitionRule;
import io.roxxane.schema.ServiceNames;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query of docs/queries, run by DuckDB over files in the local file sink's layout, returns
 * what the data implies. Expected values are computed here in Java from the rows written, not
 * from SQL.
 */
class QueriesTest {
    private static final List<String> TESTED = List.of("dropped_samples_by_agent", "gc_pause_by_service_day",
            "growing_threads_or_metaspace", "heap_gc_by_service_hour", "host_headroom", "seq_gaps",
            "seq_loss_and_duplicates");
    private static final double MIB = 1024.0 * 1024;
    private static final double GIB = 1024 * MIB;

    @TempDir
    static Path root;

    private static final SampleFixture FIXTURE = new SampleFixture();
    private static final List<Map<String, Object>> STORED = FIXTURE.stored();
    private static Connection connection;
    private static Map<String, QueryFile> queries;

    @BeforeAll
    static void load() throws Exception {
        FIXTURE.writeTo(root);
        connection = DriverManager.getConnection("jdbc:duckdb:");
        LocalSampleTable.createView(connection, LocalSampleTable.VIEW, root);
        queries = new TreeMap<>();
        for (QueryFile query : QueryFile.readAll(Templates.queriesDir())) {
            queries.put(query.name(), query);
        }
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void everyQueryFile_hasATestHere() {
        List<String> tested = new ArrayList<>(TESTED);
        tested.addAll(SchemaTwoQueriesTest.TESTED);
        tested.addAll(AppMetricsQueriesTest.TESTED);
        assertEquals(List.copyOf(queries.keySet()), tested.stream().sorted().toList(),
                "add a test for each new query file (here, in SchemaTwoQueriesTest for the schema-2 columns,"
                        + " or in AppMetricsQueriesTest for app_metrics)");
    }

    @Test
    void heapGcByServiceHour_matchesTheSamples() throws SQLException {
        Map<String, List<Map<String, Object>>> groups = group(r -> service(r) + " " + hourUtc(r));
        List<Map<String, Object>> rows = run("heap_gc_by_service_hour");

        assertEquals(8, groups.size(), "two services over four hours");
        assertEquals(List.copyOf(groups.keySet()), rows.stream().map(r -> r.get("service") + " " + r.get("hour_utc")).toList());
        for (Map<String, Object> row : rows) {
            List<Map<String, Object>> g = groups.get(row.get("service") + " " + row.get("hour_utc"));
            assertEquals(g.size(), asLong(row.get("samples")));
            assertEquals(g.stream().map(r -> r.get("instance_id")).distinct().count(), asLong(row.get("instances")));
            assertNear(g.stream().mapToLong(r -> lng(r, "jvm_heap_used_bytes")).average().orElseThrow() / MIB,
                    row.get("heap_used_avg_mib"), 1);
            assertNear(g.stream().mapToLong(r -> lng(r, "jvm_heap_used_bytes")).max().orElseThrow() / MIB,
                    row.get("heap_used_max_mib"), 1);
            assertNear(g.stream().mapToDouble(r -> (double) lng(r, "jvm_heap_used_bytes") / lng(r, "jvm_heap_max_bytes"))
                    .max().orElseThrow(), row.get("heap_used_max_ratio"), 4);
            assertEquals(sum(g, "jvm_gc_young_count"), asLong(row.get("gc_young_count")));
            assertEquals(sum(g, "jvm_gc_old_count"), asLong(row.get("gc_old_count")));
            long gcTime = sum(g, "jvm_gc_young_time_ms") + sum(g, "jvm_gc_old_time_ms");
            assertEquals(gcTime, asLong(row.get("gc_time_ms")));
            assertNear((double) gcTime / sum(g, "interval_ms"), row.get("gc_time_share"), 6);
        }
    }

    @Test
    void gcPauseByServiceDay_matchesNearestRankP95AndMax() throws SQLException {
        Map<String, List<Long>> pauses = new TreeMap<>();
        for (Map<String, Object> r : STORED) {
            if (r.containsKey("jvm_gc_max_pause_ms") && lng(r, "jvm_gc_young_count") + lng(r, "jvm_gc_old_count") > 0) {
                pauses.computeIfAbsent(service(r) + " " + dayUtc(r), k -> new ArrayList<>()).add(lng(r, "jvm_gc_max_pause_ms"));
            }
        }
        List<Map<String, Object>> rows = run("gc_pause_by_service_day");

        assertEquals(4, pauses.size(), "two services over two days");
        assertEquals(List.copyOf(pauses.keySet()), rows.stream().map(r -> r.get("service") + " " + r.get("day_utc")).toList());
        for (Map<String, Object> row : rows) {
            List<Long> sorted = pauses.get(row.get("service") + " " + row.get("day_utc")).stream().sorted().toList();
            assertEquals(sorted.size(), asLong(row.get("intervals_with_gc")));
            assertEquals(sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1), asLong(row.get("gc_pause_p95_ms")));
            assertEquals(sorted.get(sorted.size() - 1), asLong(row.get("gc_pause_max_ms")));
            assertTrue(asLong(row.get("gc_pause_max_ms")) >= 150, "an old collection happened every day: " + row);
        }
    }

    @Test
    void hostHeadroom_matchesTheSamples_busiestHostFirst() throws SQLException {
        Map<String, List<Map<String, Object>>> hosts = group(r -> (String) r.get("host"));
        List<Map<String, Object>> rows = run("host_headroom");

        assertEquals(List.of("host-b", "host-a", "host-c"), rows.stream().map(r -> r.get("host")).toList());
        for (Map<String, Object> row : rows) {
            List<Map<String, Object>> g = hosts.get((String) row.get("host"));
            List<Double> cpu = g.stream().map(r -> (Double) r.get("host_cpu_utilization")).sorted().toList();
            double p95 = cpu.get((int) Math.ceil(0.95 * cpu.size()) - 1);
            assertEquals(g.size(), asLong(row.get("samples")));
            assertEquals(((Number) g.get(0).get("host_cpu_count")).longValue(), asLong(row.get("cpu_count")));
            assertNear(cpu.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), row.get("cpu_avg"), 4);
            assertNear(p95, row.get("cpu_p95"), 4);
            assertNear(cpu.get(cpu.size() - 1), row.get("cpu_max"), 4);
            assertNear(1 - p95, row.get("cpu_headroom_p95"), 4);
            assertNear(lng(g.get(0), "host_memory_total_bytes") / GIB, row.get("memory_total_gib"), 2);
            assertNear(g.stream().mapToLong(r -> lng(r, "host_memory_available_bytes")).min().orElseThrow() / GIB,
                    row.get("memory_available_min_gib"), 2);
            assertNear(g.stream().mapToDouble(r -> (double) lng(r, "host_memory_available_bytes")
                    / lng(r, "host_memory_total_bytes")).min().orElseThrow(), row.get("memory_headroom_min"), 4);
            assertNear(g.stream().mapToLong(r -> lng(r, "host_swap_used_bytes")).max().orElseThrow() / MIB,
                    row.get("swap_used_max_mib"), 1);
        }
        assertEquals(0.97, (Double) rows.get(0).get("cpu_max"), 1e-9, "the spike on host-b");
    }

    @Test
    void growingThreadsOrMetaspace_findsExactlyTheGrowingInstances() throws SQLException {
        List<Map<String, Object>> rows = run("growing_threads_or_metaspace");

        Map<String, String> growing = new LinkedHashMap<>();
        rows.forEach(r -> growing.put((String) r.get("instance_id"), (String) r.get("growing")));
        assertEquals(Map.of(CK_B.id(), "threads", BL_B.id(), "metaspace"), growing);
        assertEquals(List.of(BL_B.id(), CK_B.id()), List.copyOf(growing.keySet()), "ordered by service, instance");
        for (Map<String, Object> row : rows) {
            String id = (String) row.get("instance_id");
            TreeMap<String, Long> threads = hourlyMax(id, "jvm_threads_live");
            TreeMap<String, Long> metaspace = hourlyMax(id, "jvm_metaspace_used_bytes");
            assertEquals(4L, asLong(row.get("hours")));
            assertEquals(threads.firstKey(), row.get("first_hour_utc"));
            assertEquals(threads.lastKey(), row.get("last_hour_utc"));
            assertEquals(threads.firstEntry().getValue(), asLong(row.get("threads_first")));
            assertEquals(threads.lastEntry().getValue(), asLong(row.get("threads_last")));
            assertNear(metaspace.firstEntry().getValue() / MIB, row.get("metaspace_first_mib"), 1);
            assertNear(metaspace.lastEntry().getValue() / MIB, row.get("metaspace_last_mib"), 1);
        }
        for (SampleFixture.Instance flat : List.of(CK_A, BL_C)) {
            assertTrue(hourlyMax(flat.id(), "jvm_threads_live").values().stream().distinct().count() == 1,
                    "the fixture keeps " + flat.id() + " flat");
        }
    }

    @Test
    void seqLossAndDuplicates_countsWhatWasLostAndResent() throws SQLException {
        List<Map<String, Object>> rows = run("seq_loss_and_duplicates");

        assertEquals(List.of(
                        lossRow(CK_A, 236, 236, 0, 239, 4, 0),
                        lossRow(BL_B, 239, 239, 0, 239, 1, 0),
                        lossRow(BL_C, 244, 240, 0, 239, 0, 4)),
                rows);
        for (Map<String, Object> row : rows) {
            List<Map<String, Object>> g = group(r -> (String) r.get("instance_id")).get((String) row.get("instance_id"));
            Set<Long> distinct = g.stream().map(r -> lng(r, "seq")).collect(Collectors.toSet());
            assertEquals(g.size(), asLong(row.get("rows_stored")));
            assertEquals(distinct.size(), asLong(row.get("samples_distinct")));
        }
    }

    @Test
    void seqGaps_listsEveryRunOfLostSamples() throws SQLException {
        List<Map<String, Object>> rows = run("seq_gaps");

        assertEquals(List.of(
                        gapRow(BL_B, 150, 150),
                        gapRow(CK_A, 50, 52),
                        gapRow(CK_A, 120, 120)),
                rows);
    }

    @Test
    void droppedSamplesByAgent_findsTheAgentThatDropped() throws SQLException {
        List<Map<String, Object>> rows = run("dropped_samples_by_agent");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("service", "checkout-service");
        expected.put("host", CK_A.host());
        expected.put("instance_id", CK_A.id());
        expected.put("dropped_samples", 4L);
        expected.put("first_dropping_ts", tsOf(CK_A, 53));
        expected.put("last_sample_ts", tsOf(CK_A, 239));
        expected.put("delivery_failures", 2L);
        expected.put("delivery_retries", 9L);
        assertEquals(List.of(expected), rows);
    }

    private static List<Map<String, Object>> run(String name) throws SQLException {
        QueryFile query = queries.get(name);
        assertTrue(query != null, "no docs/queries/" + name + ".sql");
        List<Map<String, Object>> rows = DuckDbQueries.run(connection, query);
        List<Map<String, Object>> normalised = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> copy = new LinkedHashMap<>();
            row.forEach((k, v) -> copy.put(k, v instanceof Number n && !(v instanceof Double) ? (Object) n.longValue() : v));
            normalised.add(copy);
        }
        return normalised;
    }

    private static Map<String, Object> lossRow(SampleFixture.Instance i, long rowsStored, long distinct, long first,
            long last, long lost, long duplicated) {
        Map<String, Object> row = identity(i);
        row.put("rows_stored", rowsStored);
        row.put("samples_distinct", distinct);
        row.put("seq_first", first);
        row.put("seq_last", last);
        row.put("samples_lost", lost);
        row.put("rows_duplicated", duplicated);
        return row;
    }

    private static Map<String, Object> gapRow(SampleFixture.Instance i, long firstMissing, long lastMissing) {
        Map<String, Object> row = identity(i);
        row.put("first_missing_seq", firstMissing);
        row.put("last_missing_seq", lastMissing);
        row.put("missing", lastMissing - firstMissing + 1);
        row.put("gap_after_ts", tsOf(i, firstMissing - 1));
        row.put("gap_before_ts", tsOf(i, lastMissing + 1));
        return row;
    }

    private static Map<String, Object> identity(SampleFixture.Instance i) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("service", ServiceNames.sanitize(i.service()));
        row.put("host", i.host());
        row.put("instance_id", i.id());
        return row;
    }

    private static TreeMap<String, Long> hourlyMax(String instanceId, String column) {
        TreeMap<String, Long> result = new TreeMap<>();
        for (Map<String, Object> r : STORED) {
            if (instanceId.equals(r.get("instance_id"))) {
                result.merge(hourUtc(r), lng(r, column), Math::max);
            }
        }
        return result;
    }

    private static Map<String, List<Map<String, Object>>> group(Function<Map<String, Object>, String> key) {
        return STORED.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }

    private static PartitionKeys keys(Map<String, Object> r) {
        return PartitionRule.keysFor((String) r.get("service"), lng(r, "ts"));
    }

    private static String service(Map<String, Object> r) {
        return keys(r).service();
    }

    private static String hourUtc(Map<String, Object> r) {
        PartitionKeys k = keys(r);
        return k.year() + "-" + k.month() + "-" + k.day() + " " + k.hour() + ":00";
    }

    private static String dayUtc(Map<String, Object> r) {
        PartitionKeys k = keys(r);
        return k.year() + "-" + k.month() + "-" + k.day();
    }

    private static long lng(Map<String, Object> r, String column) {
        return ((Number) r.get(column)).longValue();
    }

    private static long sum(List<Map<String, Object>> rows, String column) {
        return rows.stream().mapToLong(r -> lng(r, column)).sum();
    }

    private static long asLong(Object value) {
        return ((Number) value).longValue();
    }

    /** The query rounds to {@code digits}; the exact value must lie within half a unit of it. */
    private static void assertNear(double exact, Object rounded, int digits) {
        double halfUnit = 0.5 * Math.pow(10, -digits);
        assertEquals(exact, ((Number) rounded).doubleValue(), halfUnit + 1e-9,
                "rounded to " + digits + " digits");
    }
}
