package io.roxxane.agent.sample;

import io.roxxane.schema.ColumnType;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One value of a struct type ({@link ColumnType#structOf}): a value or nothing per field, checked
 * against the field's type as it is set. Used as the values of the map columns whose entries have
 * several figures (a memory pool, a collector, a device).
 */
public final class Struct {
    private final ColumnType type;
    private final String[] names;
    private final ColumnType[] types;
    private final Object[] values;

    /** Each struct type's field names and types, worked out once: a struct is made per entry per sample. */
    private static final ConcurrentMap<ColumnType, Object[]> LAYOUTS = new ConcurrentHashMap<ColumnType, Object[]>();

    public Struct(ColumnType structType) {
        Object[] layout = LAYOUTS.get(structType);
        if (layout == null) {
            layout = layoutOf(structType);
            LAYOUTS.putIfAbsent(structType, layout);
        }
        this.type = structType;
        this.names = (String[]) layout[0];
        this.types = (ColumnType[]) layout[1];
        this.values = new Object[names.length];
    }

    private static Object[] layoutOf(ColumnType structType) {
        if (structType.kind() != ColumnType.Kind.STRUCT) {
            throw new IllegalArgumentException(structType + " is not a struct type");
        }
        List<String> fieldNames = structType.fieldNames();
        String[] names = fieldNames.toArray(new String[0]);
        ColumnType[] types = new ColumnType[names.length];
        for (int i = 0; i < names.length; i++) {
            types[i] = structType.fields().get(names[i]);
        }
        return new Object[] {names, types};
    }

    public ColumnType type() {
        return type;
    }

    public Struct set(String field, long value) {
        int i = index(field, ColumnType.Kind.BIGINT, ColumnType.Kind.INT);
        values[i] = value;
        return this;
    }

    /** NaN and infinities leave the field absent, as in a sample. */
    public Struct set(String field, double value) {
        int i = index(field, ColumnType.Kind.DOUBLE);
        values[i] = Double.isNaN(value) || Double.isInfinite(value) ? null : value;
        return this;
    }

    public Struct set(String field, boolean value) {
        values[index(field, ColumnType.Kind.BOOLEAN)] = value;
        return this;
    }

    /** Null leaves the field absent. */
    public Struct set(String field, String value) {
        values[index(field, ColumnType.Kind.STRING)] = value;
        return this;
    }

    /**
     * Sets a map field (string keys; values of the map's value type, e.g. String for
     * {@code map<string,string>}). Null or empty leaves the field absent.
     */
    public Struct set(String field, java.util.Map<String, ?> value) {
        int i = index(field, ColumnType.Kind.MAP);
        if (value == null || value.isEmpty()) {
            values[i] = null;
            return this;
        }
        ColumnType valueType = types[i].valueType();
        for (java.util.Map.Entry<String, ?> entry : value.entrySet()) {
            Object v = entry.getValue();
            boolean fits = valueType.kind() == ColumnType.Kind.STRING ? v instanceof String
                    : valueType.kind() == ColumnType.Kind.DOUBLE ? v instanceof Double
                    : valueType.kind() == ColumnType.Kind.BOOLEAN ? v instanceof Boolean : v instanceof Long;
            if (entry.getKey() == null || !fits) {
                throw new IllegalArgumentException("field " + field + " of " + type + ": entry " + entry.getKey()
                        + "=" + v + " is not a " + valueType);
            }
        }
        values[i] = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<String, Object>(value));
        return this;
    }

    /** Field count. */
    public int size() {
        return names.length;
    }

    public String name(int i) {
        return names[i];
    }

    /** The value of field {@code i}, or null when absent. */
    public Object get(int i) {
        return values[i];
    }

    /** The value of the named field, or null when absent. */
    public Object get(String field) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(field)) {
                return values[i];
            }
        }
        throw new IllegalArgumentException(type + " has no field " + field);
    }

    private int index(String field, ColumnType.Kind... allowed) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(field)) {
                for (ColumnType.Kind kind : allowed) {
                    if (types[i].kind() == kind) {
                        return i;
                    }
                }
                throw new IllegalArgumentException("field " + field + " of " + type + " is a " + types[i]);
            }
        }
        throw new IllegalArgumentException(type + " has no field " + field);
    }
}
