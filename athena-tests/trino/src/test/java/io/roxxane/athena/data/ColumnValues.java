package io.roxxane.athena.data;

import io.roxxane.schema.ColumnType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON value as the column's type holds it: BIGINT {@link Long}, INT {@link Integer}, DOUBLE
 * {@link Double}, BOOLEAN {@link Boolean}, STRING {@link String}, a map {@link Map} of typed values
 * in the order sent, a struct a {@link Map} of every field in the struct's order (absent or null:
 * null). Computed from what was sent, by the schema's type, never from what was read.
 */
public final class ColumnValues {
    private ColumnValues() {
    }

    public static Object typed(ColumnType type, Object json) {
        if (json == null) {
            return null;
        }
        return switch (type.kind()) {
            case BIGINT -> ((Number) json).longValue();
            case INT -> ((Number) json).intValue();
            case DOUBLE -> ((Number) json).doubleValue();
            case BOOLEAN -> (Boolean) json;
            case STRING -> (String) json;
            case MAP -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((Map<?, ?>) json).forEach((k, v) -> map.put((String) k, typed(type.valueType(), v)));
                yield map;
            }
            case STRUCT -> {
                Map<String, Object> struct = new LinkedHashMap<>();
                Map<?, ?> fields = (Map<?, ?>) json;
                type.fields().forEach((name, fieldType) -> struct.put(name, typed(fieldType, fields.get(name))));
                yield struct;
            }
        };
    }
}
