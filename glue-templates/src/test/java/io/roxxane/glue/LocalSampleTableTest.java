package io.roxxane.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.schema.Column;
import io.roxxane.schema.PartitionRule;
import io.roxxane.schema.ServiceNames;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB reads the local file sink's layout with the schema's exact types and Athena's partition keys. */
class LocalSampleTableTest {
    @TempDir
    static Path root;

    private static final SampleFixture FIXTURE = new SampleFixture();
    private static Connection connection;

    @BeforeAll
    static void load() throws SQLException {
        FIXTURE.writeTo(root);
        connection = DriverManager.getConnection("jdbc:duckdb:");
        LocalSampleTable.createView(connection, LocalSampleTable.VIEW, root);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void view_hasSchemaColumnsWithExactTypes_thenPartitionKeysAsVarchar() throws SQLException {
        List<Map<String, Object>> described = DuckDbQueries.rows(connection, "DESCRIBE " + LocalSampleTable.VIEW);
        List<String> expectedData = new ArrayList<>();
        for (Column column : Column.tableColumns()) {
            expectedData.add(column.columnName() + " " + LocalSampleTable.duckDbType(column.type()));
        }
        // DuckDB prints a struct field that is one of its keywords quoted (host_file_systems' "type").
        List<String> actual = described.stream()
                .map(r -> r.get("column_name") + " " + String.valueOf(r.get("column_type")).replace("\"", "")).toList();

        assertEquals(expectedData, actual.subList(0, expectedData.size()));
        Set<String> partitions = new HashSet<>(actual.subList(expectedData.size(), actual.size()));
        Set<String> expectedPartitions = new HashSet<>();
        PartitionRule.KEYS.forEach(k -> expectedPartitions.add(k + " VARCHAR"));
        assertEquals(expectedPartitions, partitions);
    }

    @Test
    void view_readsEveryStoredRow() throws SQLException {
        Object count = DuckDbQueries.rows(connection, "SELECT count(*) AS n FROM " + LocalSampleTable.VIEW).get(0).get("n");

        assertEquals((long) FIXTURE.stored().size(), ((Number) count).longValue());
    }

    @Test
    void service_isTheSanitisedPathValue_notTheRawJsonValue() throws SQLException {
        Set<Object> services = new HashSet<>();
        DuckDbQueries.rows(connection, "SELECT DISTINCT service FROM " + LocalSampleTable.VIEW)
                .forEach(r -> services.add(r.get("service")));

        assertEquals(Set.of(ServiceNames.sanitize(SampleFixture.CHECKOUT), SampleFixture.BILLING), services);
        assertTrue(services.contains("checkout-service"), services.toString());
    }

    @Test
    void service_whenAlsoInTheColumnsMap_isStillThePathValue() throws SQLException {
        String withService = LocalSampleTable.readJson(root).replace("columns = {", "columns = {'service': 'VARCHAR', ");
        Set<Object> services = new HashSet<>();
        DuckDbQueries.rows(connection, "SELECT DISTINCT service FROM " + withService)
                .forEach(r -> services.add(r.get("service")));

        assertEquals(Set.of("checkout-service", SampleFixture.BILLING), services,
                "DuckDB changed how a Hive key that is also a JSON key is read; update docs/queries/README.md");
    }

    @Test
    void tags_readAsAMapOfStrings() throws SQLException {
        List<Map<String, Object>> rows = DuckDbQueries.rows(connection,
                "SELECT DISTINCT tags['team'] AS team FROM " + LocalSampleTable.VIEW + " WHERE instance_id = 'ck-a-0001'");

        assertEquals(List.of(Map.of("team", "shop")), rows);
    }

    @Test
    void read_whenAValueHasTheWrongType_fails(@TempDir Path other) throws Exception {
        Path dir = other.resolve("service=x/year=2026/month=03/day=10/hour=22");
        Files.createDirectories(dir);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("a.json.gz")))) {
            out.write("{\"ts\":1773180000000,\"service\":\"x\",\"seq\":\"not a number\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            LocalSampleTable.createView(c, "bad", other);

            SQLException e = assertThrows(SQLException.class, () -> DuckDbQueries.rows(c, "SELECT seq FROM bad"));
            assertTrue(e.getMessage().contains("not a number") && e.getMessage().contains("a.json.gz"), e.getMessage());
        }
    }
}
