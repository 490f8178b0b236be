package io.roxxane.glue;

import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import io.roxxane.schema.PartitionRule;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;

/**
 * The one place that makes DuckDB read a local-file-sink directory
 * ({@code DIR/service=…/year=…/month=…/day=…/hour=…/*.json.gz}) as the Athena table.
 *
 * <p>The columns map is built from {@link Column#tableColumns()} so every type is exact (no
 * sniffing), and the five partition keys come from the Hive path as VARCHAR, like the Glue
 * table's {@code string} keys. The JSON's own {@code service} key (the raw name) is not in the
 * columns map: {@code service} is the sanitised path value, as in Athena. (Were {@code service}
 * listed in the map too, DuckDB would still return the path value: with
 * {@code hive_partitioning = true} the partition value wins.) Keys not in the map are ignored.
 */
public final class LocalSampleTable {
    /** The view name the query tests put in place of {@code ${TableName}}. */
    public static final String VIEW = "roxxane_samples";

    private LocalSampleTable() {
    }

    /** The DuckDB type that reads a column of this Glue type exactly. */
    public static String duckDbType(ColumnType type) {
        return switch (type.kind()) {
            case BIGINT -> "BIGINT";
            case INT -> "INTEGER";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case STRING -> "VARCHAR";
            case MAP -> "MAP(VARCHAR, " + duckDbType(type.valueType()) + ")";
            case STRUCT -> type.fields().entrySet().stream()
                    .map(f -> f.getKey() + " " + duckDbType(f.getValue()))
                    .collect(java.util.stream.Collectors.joining(", ", "STRUCT(", ")"));
        };
    }

    /** The {@code read_json(...)} table function over every sample file below {@code root}. */
    public static String readJson(Path root) {
        StringJoiner columns = new StringJoiner(", ", "{", "}");
        for (Column column : Column.tableColumns()) {
            columns.add(quote(column.columnName()) + ": " + quote(duckDbType(column.type())));
        }
        StringJoiner hiveTypes = new StringJoiner(", ", "{", "}");
        for (String key : PartitionRule.KEYS) {
            hiveTypes.add(quote(key) + ": 'VARCHAR'");
        }
        String glob = root.toAbsolutePath().toString().replace('\\', '/') + "/**/*.json.gz";
        return "read_json(" + quote(glob)
                + ", format = 'newline_delimited', compression = 'gzip'"
                + ", hive_partitioning = true, hive_types = " + hiveTypes
                + ", columns = " + columns + ")";
    }

    /** Creates (or replaces) the view {@code name} over the samples below {@code root}. */
    public static void createView(Connection connection, String name, Path root) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE VIEW " + name + " AS SELECT * FROM " + readJson(root));
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
