package io.roxxane.agent.hostsafety;

import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import io.roxxane.schema.PartitionRule;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * DuckDB reading a file sink directory as the Athena table, every column typed from the schema and
 * the partition keys from the path as text: what {@code glue-templates}' LocalSampleTable does,
 * for the agent's own tests of the queries.
 */
final class DuckDbTable {
    private DuckDbTable() {
    }

    static String duckDbType(ColumnType type) {
        switch (type.kind()) {
            case BIGINT:
                return "BIGINT";
            case INT:
                return "INTEGER";
            case DOUBLE:
                return "DOUBLE";
            case BOOLEAN:
                return "BOOLEAN";
            case STRING:
                return "VARCHAR";
            case MAP:
                return "MAP(VARCHAR, " + duckDbType(type.valueType()) + ")";
            default:
                return type.fields().entrySet().stream().map(f -> f.getKey() + " " + duckDbType(f.getValue()))
                        .collect(Collectors.joining(", ", "STRUCT(", ")"));
        }
    }

    static void create(Connection connection, String view, Path root) throws SQLException {
        StringJoiner columns = new StringJoiner(", ", "{", "}");
        for (Column column : Column.tableColumns()) {
            columns.add(quote(column.columnName()) + ": " + quote(duckDbType(column.type())));
        }
        StringJoiner hiveTypes = new StringJoiner(", ", "{", "}");
        for (String key : PartitionRule.KEYS) {
            hiveTypes.add(quote(key) + ": 'VARCHAR'");
        }
        String glob = root.toAbsolutePath().toString().replace('\\', '/') + "/**/*.json.gz";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE VIEW " + view + " AS SELECT * FROM read_json(" + quote(glob)
                    + ", format = 'newline_delimited', compression = 'gzip', hive_partitioning = true, hive_types = "
                    + hiveTypes + ", columns = " + columns + ")");
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
