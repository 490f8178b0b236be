package io.roxxane.athena;

import io.roxxane.schema.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A typed column value ({@code ColumnValues}) in the shape Trino's client returns it: a {@code row}
 * as the list of its field values in the struct's order, maps and scalars as they are.
 */
final class TrinoValues {
    private TrinoValues() {
    }

    static Object asReturned(ColumnType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type.kind()) {
            case MAP -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> map.put((String) k, asReturned(type.valueType(), v)));
                yield map;
            }
            case STRUCT -> {
                List<Object> row = new ArrayList<>();
                Map<?, ?> fields = (Map<?, ?>) value;
                type.fields().forEach((name, field) -> row.add(asReturned(field, fields.get(name))));
                yield row;
            }
            default -> value;
        };
    }
}
