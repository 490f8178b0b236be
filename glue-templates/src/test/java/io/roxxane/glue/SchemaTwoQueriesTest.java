package io.roxxane.glue;

import static io.roxxane.glue.SchemaTwoExpected.assertRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roxxane.schema.PartitionKeys;
import io.roxxane.schema.PartitionRule;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queries that use schema-2 columns, run by DuckDB over the fixture's fleet mid-upgrade (two
 * schema-1 and two schema-2 agents, every partition holding both): each returns what the rows
 * imply ({@link SchemaTwoExpected}), and what the fixture planted ({@link SchemaTwoFigures}).
 */
class SchemaTwoQueriesTest {
    static final List<String> TESTED = List.of("container_cpu_throttling", "heap_by_pod", "memory_pools_near_max",
            "oom_kills_by_service");

    @TempDir
    static Path root;

    private static final SampleFixture FIXTURE = new SampleFixture();
    private static Connection connection;
    private static List<SchemaTwoExpected.Row> rows;

    @BeforeAll
    static void load() throws Exception {
        FIXTURE.writeTo(root);
        connection = DriverManager.getConnection("jdbc:duckdb:");
        LocalSampleTable.createView(connection, LocalSampleTable.VIEW, root);
        ObjectMapper json = new ObjectMapper();
        rows = FIXTURE.stored().stream().map(r -> {
            PartitionKeys keys = PartitionRule.keysFor((String) r.get("service"), ((Number) r.get("ts")).longValue());
            JsonNode node = json.valueToTree(r);
            return new SchemaTwoExpected.Row(node, keys.service(), keys.year() + "-" + keys.month() + "-" + keys.day());
        }).toList();
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    @Test
    void fixture_mixesBothSchemaVersionsInEveryPartition() throws Exception {
        List<Map<String, Object>> partitions = DuckDbQueries.rows(connection, "SELECT service, year, month, day, hour,"
                + " count(DISTINCT schema_version) AS versions, count(jvm_memory_pools) AS with_pools, count(*) AS n"
                + " FROM " + LocalSampleTable.VIEW + " GROUP BY ALL");
        assertEquals(8, partitions.size(), "two services over four hours");
        for (Map<String, Object> partition : partitions) {
            assertEquals(2L, ((Number) partition.get("versions")).longValue(), partition.toString());
            long withPools = ((Number) partition.get("with_pools")).longValue();
            assertTrue(withPools > 0 && withPools < ((Number) partition.get("n")).longValue(), partition.toString());
        }
    }

    @Test
    void containerCpuThrottling_listsTheThrottledPodOnly() throws Exception {
        List<Map<String, Object>> actual = run("container_cpu_throttling");

        assertRows(SchemaTwoExpected.containerCpuThrottling(rows), actual, "container_cpu_throttling");
        assertEquals(1, actual.size(), "billing is never throttled; schema-1 rows have no figures: " + actual);
        assertEquals("checkout-7d9f8b6c5d-x2lqp", actual.get(0).get("container"));
        assertEquals("shop", actual.get(0).get("namespace"));
    }

    @Test
    void memoryPoolsNearMax_findsThePlantedPools() throws Exception {
        List<Map<String, Object>> actual = run("memory_pools_near_max");

        assertRows(SchemaTwoExpected.memoryPoolsNearMax(rows), actual, "memory_pools_near_max");
        assertEquals(List.of("bl-b-0003 Compressed Class Space", "ck-b-0002 " + SchemaTwoFigures.CODE_HEAP, "ck-b-0002 G1 Old Gen"),
                actual.stream().map(r -> r.get("instance_id") + " " + r.get("pool")).sorted().toList());
    }

    @Test
    void oomKillsByService_countsTheKillsPerDay() throws Exception {
        List<Map<String, Object>> actual = run("oom_kills_by_service");

        assertRows(SchemaTwoExpected.oomKillsByService(rows), actual, "oom_kills_by_service");
        assertEquals(List.of("checkout-service 2026-03-11 2", "checkout-service 2026-03-10 1"),
                actual.stream().map(r -> r.get("service") + " " + r.get("day_utc") + " " + r.get("oom_kills")).toList());
    }

    @Test
    void heapByPod_onePerPodOfTheSchema2Agents() throws Exception {
        List<Map<String, Object>> actual = run("heap_by_pod");

        assertRows(SchemaTwoExpected.heapByPod(rows), actual, "heap_by_pod");
        assertEquals(List.of("billing-5f6d7c8b9a-k4m2n", "checkout-7d9f8b6c5d-x2lqp"),
                actual.stream().map(r -> (String) r.get("pod")).sorted().toList());
    }

    private static List<Map<String, Object>> run(String name) throws SQLException, java.io.IOException {
        QueryFile query = QueryFile.readAll(Templates.queriesDir()).stream().filter(q -> q.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no docs/queries/" + name + ".sql"));
        return DuckDbQueries.run(connection, query);
    }
}
