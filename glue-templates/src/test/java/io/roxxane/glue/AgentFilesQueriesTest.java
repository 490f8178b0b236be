package io.roxxane.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.glue.AgentSamples.Sample;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query of docs/queries run by DuckDB over files written by the real agent's local file
 * sink (the recording in {@code src/test/resources/agent-samples}, or
 * {@code -Droxxane.samples.dir}), with its result compared to what the same lines imply, computed
 * here in Java from the JSON (read with Jackson, not DuckDB).
 *
 * <p>Clean agent output has no lost, re-sent or dropped samples and spans less than three hours,
 * so for the seq, drop and growth queries the test also runs them on edited copies of the real
 * files: one line deleted (exactly that gap must be found), one line repeated (exactly that
 * duplicate), drops reported from one sample on (exactly that agent), and each agent's samples
 * spread over three consecutive hours (exactly the instances whose hourly maxima rose).
 */
class AgentFilesQueriesTest {
    private static final List<String> TESTED = List.of("dropped_samples_by_agent", "gc_pause_by_service_day",
            "growing_threads_or_metaspace", "heap_gc_by_service_hour", "host_headroom", "seq_gaps",
            "seq_loss_and_duplicates");
    private static final double MIB = 1024.0 * 1024;
    private static final long HOUR_MS = 3_600_000L;

    private final Path root = Path.of(System.getProperty("roxxane.samples.dir", "src/test/resources/agent-samples"));
    private final List<Sample> samples = AgentSamples.read(root);

    @TempDir
    Path copies;

    @Test
    void everyQueryFile_hasATestHere() throws Exception {
        List<String> tested = new ArrayList<>(TESTED);
        tested.addAll(SchemaTwoQueriesTest.TESTED);
        tested.addAll(AgentFilesAppMetricsQueriesTest.TESTED);
        assertEquals(tested.stream().sorted().toList(),
                QueryFile.readAll(Templates.queriesDir()).stream().map(QueryFile::name).sorted().toList(),
                "add a test on the agent's files for each new query file (here, AgentFilesSchemaTwoQueriesTest"
                        + " or AgentFilesAppMetricsQueriesTest)");
        assertTrue(samples.size() >= 10, "too few samples below " + root + ": " + samples.size());
        assertTrue(samples.stream().map(Sample::service).distinct().count() >= 2, "the recording should hold two services");
    }

    @Test
    void heapGcByServiceHour_oneRowPerServiceAndHourInTheFiles_valuesFromTheirSamples() throws SQLException {
        Map<String, List<Sample>> groups = group(samples, s -> s.service() + " " + s.hourUtc());
        List<Map<String, Object>> rows = run(root, "heap_gc_by_service_hour");

        assertEquals(List.copyOf(groups.keySet()), rows.stream().map(r -> r.get("service") + " " + r.get("hour_utc")).toList());
        for (Map<String, Object> row : rows) {
            List<Sample> g = groups.get(row.get("service") + " " + row.get("hour_utc"));
            String where = row.toString();
            long heapMin = g.stream().mapToLong(s -> s.lng("jvm_heap_used_bytes")).min().orElseThrow();
            long heapMax = g.stream().mapToLong(s -> s.lng("jvm_heap_used_bytes")).max().orElseThrow();
            double heapAvg = g.stream().mapToLong(s -> s.lng("jvm_heap_used_bytes")).average().orElseThrow();
            long gcTime = g.stream().mapToLong(s -> zero(s.optional("jvm_gc_young_time_ms")) + zero(s.optional("jvm_gc_old_time_ms"))).sum();
            long intervals = g.stream().mapToLong(s -> s.lng("interval_ms")).sum();

            assertEquals(g.size(), asLong(row.get("samples")), where);
            assertEquals(g.stream().map(s -> s.text("instance_id")).distinct().count(), asLong(row.get("instances")), where);
            double avg = asDouble(row.get("heap_used_avg_mib"));
            assertTrue(avg >= round(heapMin / MIB, 1) && avg <= round(heapMax / MIB, 1),
                    "average heap " + avg + " MiB outside the files' " + heapMin + ".." + heapMax + " bytes: " + where);
            assertNear(heapAvg / MIB, row.get("heap_used_avg_mib"), 1);
            assertNear(heapMax / MIB, row.get("heap_used_max_mib"), 1);
            assertNear(g.stream().mapToLong(s -> s.lng("jvm_heap_max_bytes")).max().orElseThrow() / MIB, row.get("heap_max_mib"), 1);
            assertEquals(sumOrNull(g, "jvm_gc_young_count"), longOrNull(row.get("gc_young_count")), where);
            assertEquals(sumOrNull(g, "jvm_gc_old_count"), longOrNull(row.get("gc_old_count")), where);
            assertEquals(gcTime, asLong(row.get("gc_time_ms")), where);
            assertNear((double) gcTime / intervals, row.get("gc_time_share"), 6);
            double share = asDouble(row.get("gc_time_share"));
            assertTrue(share >= 0 && share <= 1, where);
        }
    }

    @Test
    void gcPauseByServiceDay_nearestRankP95AndMaxOfTheIntervalsWithACollection() throws SQLException {
        List<Sample> withGc = samples.stream().filter(s -> s.optional("jvm_gc_max_pause_ms") != null
                && zero(s.optional("jvm_gc_young_count")) + zero(s.optional("jvm_gc_old_count")) > 0).toList();
        Map<String, List<Sample>> groups = group(withGc, s -> s.service() + " " + s.dayUtc());
        List<Map<String, Object>> rows = run(root, "gc_pause_by_service_day");

        assertFalse(withGc.isEmpty(), "the recorded workloads collect garbage");
        assertEquals(List.copyOf(groups.keySet()), rows.stream().map(r -> r.get("service") + " " + r.get("day_utc")).toList());
        for (Map<String, Object> row : rows) {
            List<Long> pauses = groups.get(row.get("service") + " " + row.get("day_utc")).stream()
                    .map(s -> s.lng("jvm_gc_max_pause_ms")).sorted().toList();
            int rank = (int) Math.ceil(0.95 * pauses.size());
            assertEquals(pauses.size(), asLong(row.get("intervals_with_gc")), row.toString());
            assertEquals(pauses.get(rank - 1), asLong(row.get("gc_pause_p95_ms")), row.toString());
            assertEquals(pauses.get(pauses.size() - 1), asLong(row.get("gc_pause_max_ms")), row.toString());
        }
    }

    @Test
    void hostHeadroom_perHostOfTheFiles_cpuAndMemoryFromTheirSamples() throws SQLException {
        Map<String, List<Sample>> groups = group(samples.stream().filter(s -> s.optionalDouble("host_cpu_utilization") != null).toList(),
                s -> s.text("host"));
        List<Map<String, Object>> rows = run(root, "host_headroom");

        assertEquals(new TreeSet<>(groups.keySet()), rows.stream().map(r -> (String) r.get("host")).collect(Collectors.toCollection(TreeSet::new)));
        for (Map<String, Object> row : rows) {
            List<Sample> g = groups.get((String) row.get("host"));
            List<Double> cpu = g.stream().map(s -> s.optionalDouble("host_cpu_utilization")).sorted().toList();
            double p95 = cpu.get((int) Math.ceil(0.95 * cpu.size()) - 1);
            double memoryHeadroom = g.stream().mapToDouble(s -> (double) s.lng("host_memory_available_bytes")
                    / s.lng("host_memory_total_bytes")).min().orElseThrow();
            assertEquals(g.size(), asLong(row.get("samples")), row.toString());
            assertEquals(g.stream().mapToLong(s -> s.lng("host_cpu_count")).max().orElseThrow(), asLong(row.get("cpu_count")));
            assertNear(cpu.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), row.get("cpu_avg"), 4);
            assertNear(p95, row.get("cpu_p95"), 4);
            assertNear(cpu.get(cpu.size() - 1), row.get("cpu_max"), 4);
            assertNear(1 - p95, row.get("cpu_headroom_p95"), 4);
            assertNear(memoryHeadroom, row.get("memory_headroom_min"), 4);
            assertTrue(asDouble(row.get("cpu_max")) <= 1 && asDouble(row.get("memory_headroom_min")) > 0, row.toString());
        }
    }

    @Test
    void seqQueries_onTheCleanFiles_findNoLossNoDuplicate() throws SQLException {
        for (Map.Entry<String, List<Sample>> instance : group(samples, s -> s.text("instance_id")).entrySet()) {
            List<Long> seqs = instance.getValue().stream().map(s -> s.lng("seq")).sorted().toList();
            assertEquals(seqs.size(), seqs.get(seqs.size() - 1) - seqs.get(0) + 1,
                    "the recording itself has a gap or duplicate in " + instance.getKey() + ": " + seqs);
        }
        assertEquals(List.of(), run(root, "seq_loss_and_duplicates"));
        assertEquals(List.of(), run(root, "seq_gaps"));
    }

    @Test
    void seqQueries_whenOneLineIsDeletedFromACopy_findExactlyThatGap() throws SQLException {
        List<Sample> instance = longestInstance();
        Sample removed = instance.get(instance.size() / 2);
        long seq = removed.lng("seq");
        List<Sample> edited = new ArrayList<>(samples);
        assertTrue(edited.remove(removed));
        Path copy = copies.resolve("deleted");
        AgentSamples.write(edited, copy);

        List<Map<String, Object>> gaps = run(copy, "seq_gaps");
        assertEquals(1, gaps.size(), gaps.toString());
        Map<String, Object> gap = gaps.get(0);
        assertEquals(removed.text("instance_id"), gap.get("instance_id"));
        assertEquals(removed.service(), gap.get("service"));
        assertEquals(removed.text("host"), gap.get("host"));
        assertEquals(seq, asLong(gap.get("first_missing_seq")));
        assertEquals(seq, asLong(gap.get("last_missing_seq")));
        assertEquals(1, asLong(gap.get("missing")));
        assertEquals(bySeq(instance, seq - 1).lng("ts"), asLong(gap.get("gap_after_ts")));
        assertEquals(bySeq(instance, seq + 1).lng("ts"), asLong(gap.get("gap_before_ts")));

        List<Map<String, Object>> losses = run(copy, "seq_loss_and_duplicates");
        assertEquals(1, losses.size(), losses.toString());
        Map<String, Object> loss = losses.get(0);
        assertEquals(removed.text("instance_id"), loss.get("instance_id"));
        assertEquals(instance.size() - 1, asLong(loss.get("rows_stored")));
        assertEquals(instance.size() - 1, asLong(loss.get("samples_distinct")));
        assertEquals(instance.get(0).lng("seq"), asLong(loss.get("seq_first")));
        assertEquals(instance.get(instance.size() - 1).lng("seq"), asLong(loss.get("seq_last")));
        assertEquals(1, asLong(loss.get("samples_lost")));
        assertEquals(0, asLong(loss.get("rows_duplicated")));
    }

    @Test
    void seqQueries_whenOneLineIsRepeatedInACopy_findExactlyThatDuplicateAndNoGap() throws SQLException {
        List<Sample> instance = longestInstance();
        Sample resent = instance.get(instance.size() / 3);
        List<Sample> edited = new ArrayList<>(samples);
        edited.add(edited.indexOf(resent) + 1, resent.copy());
        Path copy = copies.resolve("repeated");
        AgentSamples.write(edited, copy);

        List<Map<String, Object>> losses = run(copy, "seq_loss_and_duplicates");
        assertEquals(1, losses.size(), losses.toString());
        Map<String, Object> loss = losses.get(0);
        assertEquals(resent.text("instance_id"), loss.get("instance_id"));
        assertEquals(instance.size() + 1, asLong(loss.get("rows_stored")));
        assertEquals(instance.size(), asLong(loss.get("samples_distinct")));
        assertEquals(0, asLong(loss.get("samples_lost")));
        assertEquals(1, asLong(loss.get("rows_duplicated")));
        assertEquals(List.of(), run(copy, "seq_gaps"), "a re-sent sample is no gap");
    }

    @Test
    void droppedSamplesByAgent_onTheCleanFilesNone_inACopyWithDropsExactlyThatAgent() throws SQLException {
        assertEquals(0, samples.stream().mapToLong(s -> s.lng("agent_dropped_samples")).max().orElseThrow(),
                "the recording itself reports drops");
        assertEquals(List.of(), run(root, "dropped_samples_by_agent"));

        List<Sample> instance = longestInstance();
        long fromSeq = instance.get(instance.size() / 2).lng("seq");
        String instanceId = instance.get(0).text("instance_id");
        List<Sample> edited = new ArrayList<>();
        for (Sample sample : samples) {
            Sample copy = sample.copy();
            if (copy.text("instance_id").equals(instanceId) && copy.lng("seq") >= fromSeq) {
                copy.json().put("agent_dropped_samples", 3 + (copy.lng("seq") - fromSeq)); // cumulative
            }
            edited.add(copy);
        }
        Path copy = copies.resolve("dropped");
        AgentSamples.write(edited, copy);

        List<Map<String, Object>> rows = run(copy, "dropped_samples_by_agent");
        assertEquals(1, rows.size(), rows.toString());
        Map<String, Object> row = rows.get(0);
        long lastSeq = instance.get(instance.size() - 1).lng("seq");
        assertEquals(instanceId, row.get("instance_id"));
        assertEquals(instance.get(0).service(), row.get("service"));
        assertEquals(3 + lastSeq - fromSeq, asLong(row.get("dropped_samples")));
        assertEquals(bySeq(instance, fromSeq).lng("ts"), asLong(row.get("first_dropping_ts")));
        assertEquals(instance.stream().mapToLong(s -> s.lng("ts")).max().orElseThrow(), asLong(row.get("last_sample_ts")));
        assertEquals(instance.stream().mapToLong(s -> s.lng("agent_failures")).max().orElseThrow(), asLong(row.get("delivery_failures")));
        assertEquals(instance.stream().mapToLong(s -> s.lng("agent_retries")).max().orElseThrow(), asLong(row.get("delivery_retries")));
    }

    @Test
    void growingThreadsOrMetaspace_onTheFilesNone_spreadOverThreeHoursExactlyTheRisingInstances() throws SQLException {
        assertEquals(growing(samples), run(root, "growing_threads_or_metaspace").stream().map(AgentFilesQueriesTest::growthRow).toList());

        // Each agent's samples, in seq order, split in thirds, the k-th third moved k hours later:
        // the hourly maxima are those of the real run's beginning, middle and end.
        List<Sample> spread = new ArrayList<>();
        for (List<Sample> instance : group(samples, s -> s.text("instance_id")).values()) {
            List<Sample> ordered = instance.stream().sorted(Comparator.comparingLong(s -> s.lng("seq"))).toList();
            for (int i = 0; i < ordered.size(); i++) {
                Sample copy = ordered.get(i).copy();
                copy.json().put("ts", copy.lng("ts") + (3L * i / ordered.size()) * HOUR_MS);
                spread.add(copy);
            }
        }
        Path copy = copies.resolve("spread");
        List<Sample> written = AgentSamples.write(spread, copy);
        List<List<Object>> expected = growing(written);
        List<List<Object>> actual = run(copy, "growing_threads_or_metaspace").stream().map(AgentFilesQueriesTest::growthRow).toList();

        assertEquals(expected, actual);
        assertFalse(expected.isEmpty(), "a JVM's metaspace grows while it starts: some instance should be found");
    }

    /** The instances the growth query should list: [instance_id, growing, hours, threads_first, threads_last]. */
    private static List<List<Object>> growing(List<Sample> samples) {
        List<List<Object>> result = new ArrayList<>();
        Map<String, List<Sample>> byInstance = group(samples, s -> s.service() + " " + s.text("instance_id"));
        for (List<Sample> instance : byInstance.values()) {
            TreeMap<String, long[]> hourly = new TreeMap<>();
            for (Sample s : instance) {
                long[] max = hourly.computeIfAbsent(s.hourUtc(), h -> new long[] {Long.MIN_VALUE, Long.MIN_VALUE});
                max[0] = Math.max(max[0], s.lng("jvm_threads_live"));
                max[1] = Math.max(max[1], s.lng("jvm_metaspace_used_bytes"));
            }
            List<long[]> hours = List.copyOf(hourly.values());
            long threadsStep = Long.MAX_VALUE;
            long metaspaceStep = Long.MAX_VALUE;
            for (int i = 1; i < hours.size(); i++) {
                threadsStep = Math.min(threadsStep, hours.get(i)[0] - hours.get(i - 1)[0]);
                metaspaceStep = Math.min(metaspaceStep, hours.get(i)[1] - hours.get(i - 1)[1]);
            }
            if (hours.size() >= 3 && (threadsStep > 0 || metaspaceStep > 0)) {
                String what = threadsStep > 0 && metaspaceStep > 0 ? "threads+metaspace" : threadsStep > 0 ? "threads" : "metaspace";
                result.add(List.of(instance.get(0).text("instance_id"), what, (long) hours.size(), hours.get(0)[0],
                        hours.get(hours.size() - 1)[0]));
            }
        }
        result.sort(Comparator.comparing((List<Object> r) -> samples.stream().filter(s -> s.text("instance_id").equals(r.get(0)))
                .findFirst().orElseThrow().service()).thenComparing(r -> (String) r.get(0)));
        return result;
    }

    private static List<Object> growthRow(Map<String, Object> row) {
        return List.of(row.get("instance_id"), row.get("growing"), asLong(row.get("hours")), asLong(row.get("threads_first")),
                asLong(row.get("threads_last")));
    }

    private List<Sample> longestInstance() {
        List<Sample> longest = group(samples, s -> s.text("instance_id")).values().stream()
                .max(Comparator.comparingInt(List::size)).orElseThrow();
        assertTrue(longest.size() >= 5, "an agent run of at least 5 samples is needed");
        return longest.stream().sorted(Comparator.comparingLong(s -> s.lng("seq"))).toList();
    }

    private static Sample bySeq(List<Sample> instance, long seq) {
        return instance.stream().filter(s -> s.lng("seq") == seq).findFirst().orElseThrow();
    }

    private static Map<String, List<Sample>> group(List<Sample> samples, Function<Sample, String> key) {
        return samples.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }

    private static List<Map<String, Object>> run(Path dir, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            LocalSampleTable.createView(connection, LocalSampleTable.VIEW, dir);
            QueryFile query = QueryFile.readAll(Templates.queriesDir()).stream().filter(q -> q.name().equals(name))
                    .findFirst().orElseThrow();
            List<Map<String, Object>> rows = DuckDbQueries.run(connection, query);
            System.out.println("[AgentFilesQueriesTest] " + name + " on " + dir.getFileName() + ": " + rows.size() + " rows");
            rows.stream().limit(3).forEach(r -> System.out.println("    " + new LinkedHashMap<>(r)));
            return rows;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long zero(Long value) {
        return value == null ? 0 : value;
    }

    private static Long sumOrNull(List<Sample> g, String key) {
        List<Long> values = g.stream().map(s -> s.optional(key)).filter(Objects::nonNull).toList();
        return values.isEmpty() ? null : values.stream().mapToLong(Long::longValue).sum();
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : asLong(value);
    }

    private static long asLong(Object value) {
        return ((Number) value).longValue();
    }

    private static double asDouble(Object value) {
        return ((Number) value).doubleValue();
    }

    private static double round(double value, int digits) {
        return java.math.BigDecimal.valueOf(value).setScale(digits, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /** The query rounds to {@code digits}; the exact value must lie within half a unit of it. */
    private static void assertNear(double exact, Object rounded, int digits) {
        assertEquals(exact, asDouble(rounded), 0.5 * Math.pow(10, -digits) + 1e-9, "rounded to " + digits + " digits");
    }
}
