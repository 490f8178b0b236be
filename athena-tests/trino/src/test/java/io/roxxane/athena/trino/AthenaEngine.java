package io.roxxane.athena.trino;

import static io.trino.testing.TestingSession.testSessionBuilder;

import com.google.inject.Key;
import io.airlift.log.Level;
import io.airlift.log.Logging;
import io.trino.Session;
import io.trino.plugin.hive.HivePlugin;
import io.trino.spi.NodeVersion;
import io.trino.spi.type.TimeZoneKey;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Athena engine version 3 in process: Trino 483, one coordinator, the Hive connector as the
 * {@code awsdatacatalog} catalog (Athena's name for the Glue Data Catalog) on the file metastore
 * and the local file system below {@code root}; sessions in UTC, as Athena's, in database
 * {@code roxxane}, as the named queries' {@code Database}.
 */
public final class AthenaEngine implements AutoCloseable {
    public static final String CATALOG = "awsdatacatalog";

    private final DistributedQueryRunner runner;
    private final long startupMillis;

    public AthenaEngine(Path root, String database) throws Exception {
        Logging logging = Logging.initialize();
        logging.setLevel("io.trino", Level.WARN);
        logging.setLevel("io.airlift", Level.WARN);
        long start = System.nanoTime();
        Session session = testSessionBuilder().setCatalog(CATALOG).setSchema(database)
                .setTimeZoneKey(TimeZoneKey.UTC_KEY).build();
        runner = DistributedQueryRunner.builder(session).setWorkerCount(0).build();
        try {
            runner.installPlugin(new HivePlugin());
            runner.createCatalog(CATALOG, "hive", Map.of(
                    "hive.metastore", "file",
                    "hive.metastore.catalog.dir", TrinoGlueCatalog.CATALOG_DIR,
                    "fs.local.enabled", "true",
                    "local.location", root.toString()));
        } catch (RuntimeException e) {
            runner.close();
            throw e;
        }
        startupMillis = (System.nanoTime() - start) / 1_000_000;
    }

    public long startupMillis() {
        return startupMillis;
    }

    /** The engine's version, which the file metastore writes into and checks in every file. */
    public NodeVersion nodeVersion() {
        return runner.getCoordinator().getInstance(Key.get(NodeVersion.class));
    }

    /** Runs one statement; a failure carries Trino's message. Rows are lists of their fields, maps and arrays plain Java. */
    public Result query(String sql) {
        MaterializedResult result = runner.execute(sql);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MaterializedRow row : result.getMaterializedRows()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < result.getColumnNames().size(); i++) {
                values.put(result.getColumnNames().get(i), plain(row.getField(i)));
            }
            rows.add(values);
        }
        return new Result(result.getColumnNames(), result.getTypes().stream().map(t -> t.getDisplayName()).toList(), rows);
    }

    /** A value as plain Java: a {@code row} (Trino's client gives a {@link MaterializedRow}) as the list of its fields. */
    private static Object plain(Object value) {
        if (value instanceof MaterializedRow row) {
            return row.getFields().stream().map(AthenaEngine::plain).collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> plain = new LinkedHashMap<>();
            map.forEach((k, v) -> plain.put(k, plain(v)));
            return plain;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AthenaEngine::plain).collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
        }
        return value;
    }

    @Override
    public void close() {
        runner.close();
    }

    /** Column names, Trino type names ({@code bigint}, {@code map(varchar, varchar)}) and rows by column name. */
    public record Result(List<String> columns, List<String> types, List<Map<String, Object>> rows) {
        public String type(String column) {
            return types.get(columns.indexOf(column));
        }
    }
}
