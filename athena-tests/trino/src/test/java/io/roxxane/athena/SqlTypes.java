package io.roxxane.athena;

import io.roxxane.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL type Athena (Trino) shows for a schema type, written down from the schema's
 * {@code ColumnType} alone (a row's field names quoted, as Trino shows them): independent of the template's Glue type text and of Trino's translation
 * of it, so that a wrong Glue type or a wrong translation shows.
 */
final class SqlTypes {
    private SqlTypes() {
    }

    static String of(ColumnType type) {
        return of(type, false);
    }

    /** As {@code SHOW CREATE TABLE} writes it: {@code ROW(name type, …)}, names unquoted. */
    static String inDdl(ColumnType type) {
        return of(type, true);
    }

    private static String of(ColumnType type, boolean ddl) {
        return switch (type.kind()) {
            case BIGINT -> "bigint";
            case INT -> "integer";
            case DOUBLE -> "double";
            case BOOLEAN -> "boolean";
            case STRING -> "varchar";
            case MAP -> "map(varchar, " + of(type.valueType(), ddl) + ")";
            case STRUCT -> {
                List<String> fields = new ArrayList<>();
                type.fields().forEach((name, field) -> fields.add((ddl ? name : "\"" + name + "\"") + " " + of(field, ddl)));
                yield (ddl ? "ROW(" : "row(") + String.join(", ", fields) + ")";
            }
        };
    }
}
