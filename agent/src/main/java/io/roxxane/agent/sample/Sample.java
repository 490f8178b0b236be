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

    public Sample set(Column column, Map<String, String> value) {
        requireType(column, ColumnType.STRING_MAP);
        values[column.ordinal()] = value == null ? null : Collections.unmodifiableMap(value);
        return this;
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
