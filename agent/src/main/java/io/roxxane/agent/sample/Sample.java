package io.roxxane.agent.sample;

import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import java.util.Collections;
import java.util.Map;

/**
 * One sample being built: a value (or nothing) per {@link Column}. Setters check the value
 * against the column's type, so a collector cannot write a string into a number column. Not
 * thread-safe; one sample is built by the collector thread alone.
 */
public final class Sample {
    private static final Column[] COLUMNS = Column.values();

    private final Object[] values = new Object[COLUMNS.length];

    public Sample set(Column column, long value) {
        requireType(column, ColumnType.BIGINT, ColumnType.INT);
        if (column.type() == ColumnType.INT && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(column.columnName() + " is an int column; " + value + " does not fit");
        }
        values[column.ordinal()] = value;
        return this;
    }

    /** Sets a double; NaN and infinities leave the column absent (JSON cannot carry them). */
    public Sample set(Column column, double value) {
        requireType(column, ColumnType.DOUBLE);
        values[column.ordinal()] = Double.isNaN(value) || Double.isInfinite(value) ? null : value;
        return this;
    }

    /** Sets a string; null leaves the column absent. */
    public Sample set(Column column, String value) {
        requireType(column, ColumnType.STRING);
        values[column.ordinal()] = value;
        return this;
    }

    /**
     * Sets a map column: its values must be of the column's value type (String, Long, Double,
     * Boolean, or a {@link Struct} of the column's struct type). Null leaves the column absent;
     * so does an empty map, which says nothing a null does not.
     */
    public Sample set(Column column, Map<String, ?> value) {
        if (column.type().kind() != ColumnType.Kind.MAP) {
            throw new IllegalArgumentException(column.columnName() + " is a " + column.type().glueType() + " column");
        }
        if (value == null || value.isEmpty()) {
            values[column.ordinal()] = null;
            return this;
        }
        ColumnType valueType = column.type().valueType();
        for (Map.Entry<String, ?> entry : value.entrySet()) {
            if (entry.getKey() == null || !fits(valueType, entry.getValue())) {
                throw new IllegalArgumentException(column.columnName() + ": entry " + entry.getKey() + "="
                        + entry.getValue() + " is not a " + valueType.glueType());
            }
        }
        values[column.ordinal()] = Collections.unmodifiableMap(value);
        return this;
    }

    private static boolean fits(ColumnType type, Object value) {
        switch (type.kind()) {
            case STRING:
                return value instanceof String;
            case BIGINT:
            case INT:
                return value instanceof Long;
            case DOUBLE:
                return value instanceof Double;
            case BOOLEAN:
                return value instanceof Boolean;
            case STRUCT:
                return value instanceof Struct && ((Struct) value).type().equals(type);
            default:
                return false;
        }
    }

    /** The value, or null when absent: a Long, Double, String or Map. */
    public Object get(Column column) {
        return values[column.ordinal()];
    }

    public boolean has(Column column) {
        return values[column.ordinal()] != null;
    }

    /** The long value, or {@code orElse} when absent. */
    public long getLong(Column column, long orElse) {
        Object value = values[column.ordinal()];
        return value instanceof Long ? (Long) value : orElse;
    }

    private static void requireType(Column column, ColumnType... allowed) {
        for (ColumnType type : allowed) {
            if (column.type() == type) {
                return;
            }
        }
        throw new IllegalArgumentException(column.columnName() + " is a " + column.type().glueType() + " column");
    }
}
