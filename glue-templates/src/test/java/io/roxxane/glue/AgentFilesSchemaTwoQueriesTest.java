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
 * The schema-2 queries over files the real agent wrote (see {@link AgentFilesQueriesTest}): over
 * the recording as it is, and over a copy in which the longest-running agent's samples carry
 * schema-2 figures (Kubernetes pod, throttling, an OOM kill, a pool near its max) while the others
 * stay as recorded, a fleet mid-upgrade. Expected rows come from the JSON ({@link SchemaTwoExpected}).
 * Recordings of schema-1 agents hold none of these columns, so there the queries must run and find nothing.
 */
class AgentFilesSchemaTwoQueriesTest {
    private static final Map<String, Function<List<SchemaTwoExpected.Row>, List<Map<String, Object>>>> EXPECTED = Map.of(
            "container_cpu_throttling", SchemaTwoExpected::containerCpuThrottling,
            "heap_by_pod", SchemaTwoExpected::heapByPod,
            "memory_pools_near_max", SchemaTwoExpected::memoryPoolsNearMax,
            "oom_kills_by_service", SchemaTwoExpected::oomKillsByService);

    private final Path root = Path.of(System.getProperty("roxxane.samples.dir", "src/test/resources/agent-samples"));
    private final List<Sample> samples = AgentSamples.read(root);

    @TempDir
    Path copies;

    @Test
    void everySchemaTwoQuery_hasAnExpectation() {
        assertEquals(SchemaTwoQueriesTest.TESTED, EXPECTED.keySet().stream().sorted().toList());
    }

    @Test
    void schemaTwoQueries_onTheRecording_returnWhatItsLinesImply() throws Exception {
        for (String query : SchemaTwoQueriesTest.TESTED) {
            assertRows(EXPECTED.get(query).apply(rows(samples)), run(root, query), query);
        }
    }

    @Test
    void schemaTwoQueries_whenOneAgentOfTheRecordingWritesSchema2_findItsFigures() throws Exception {
        List<Sample> upgraded = longestInstance();
        String instanceId = upgraded.get(0).text("instance_id");
        long oomSeq = upgraded.get(upgraded.size() / 2).lng("seq");
        List<Sample> edited = new ArrayList<>();
        for (Sample sample : samples) {
            Sample copy = sample.copy();
            if (copy.text("instance_id").equals(instanceId)) {
                addSchemaTwoFigures(copy.json(), copy.lng("seq"), oomSeq);
            }
            edited.add(copy);
        }
        Path copy = copies.resolve("upgraded");
        List<Sample> written = AgentSamples.write(edited, copy);

        for (String query : SchemaTwoQueriesTest.TESTED) {
            List<Map<String, Object>> expected = EXPECTED.get(query).apply(rows(written));
            assertFalse(expected.isEmpty(), query + " should find the upgraded agent");
            assertRows(expected, run(copy, query), query);
        }
    }

    /** What a schema-2 agent in a throttled pod would add; the code heap always above 90 % of its max. */
    private static void addSchemaTwoFigures(ObjectNode json, long seq, long oomSeq) {
        json.put("schema_version", 2);
        json.put("k8s_namespace_name", "recorded");
        json.put("k8s_pod_name", "recorded-pod-0");
        json.put("container_cpu_limit", 1.5);
        json.put("container_cpu_periods", 100L);
        json.put("container_cpu_throttled_periods", seq % 3);
        json.put("container_cpu_throttled_ms", 7 * (seq % 3));
        json.put("container_oom_kills", seq == oomSeq ? 1L : 0L);
        json.put("container_memory_limit_bytes", 4L << 30);
        json.put("container_memory_working_set_bytes", (1L << 30) + seq * 4096);
        ObjectNode pools = json.putObject("jvm_memory_pools");
        pools.putObject("G1 Old Gen").put("heap", true).put("used_bytes", json.path("jvm_heap_used_bytes").asLong() / 2)
                .put("max_bytes", json.path("jvm_heap_max_bytes").asLong());
        pools.putObject("CodeHeap 'non-nmethods'").put("heap", false).put("used_bytes", 5_300_000 + seq * 1000)
                .put("max_bytes", 5_840_896L);
        pools.putObject("Metaspace").put("heap", false).put("used_bytes", json.path("jvm_metaspace_used_bytes").asLong());
    }

    private static List<SchemaTwoExpected.Row> rows(List<Sample> samples) {
        return samples.stream().map(s -> new SchemaTwoExpected.Row(s.json(), s.service(), s.dayUtc())).toList();
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
