package io.roxxane.athena.data;

import io.roxxane.schema.Column;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON value as the column's type holds it, in the Java types Trino's client returns: BIGINT
 * {@link Long}, INT {@link Integer}, DOUBLE {@link Double}, STRING {@link String}, a string map
 * {@link Map}. New column types (schema 2) get their case here.
 */
public final class ColumnValues {
    private ColumnValues() {
    }

    public static Object typed(Column column, Object json) {
        if (json == null) {
            return null;
        }
        return switch (column.type()) {
            case BIGINT -> ((Number) json).longValue();
            case INT -> ((Number) json).intValue();
            case DOUBLE -> ((Number) json).doubleValue();
            case STRING -> (String) json;
            case STRING_MAP -> {
                Map<String, String> map = new LinkedHashMap<>();
                ((Map<?, ?>) json).forEach((k, v) -> map.put((String) k, (String) v));
                yield map;
            }
        };
    }
}
