package io.roxxane.transform;

import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import java.util.HashMap;
import java.util.Map;

/** A struct type's fields as arrays, for a lookup by name without allocating; one per struct type of the schema. */
final class StructFields {
    private static final Map<ColumnType, StructFields> OF_SCHEMA = new HashMap<ColumnType, StructFields>();

    static {
        for (Column column : Column.values()) {
            register(column.type());
        }
    }

    private final String[] names;
    private final ColumnType[] types;
    private final String list;

    private StructFields(ColumnType struct) {
        int count = struct.fields().size();
        if (count > 64) {
            throw new IllegalArgumentException("more than 64 fields: " + struct);
        }
        names = new String[count];
        types = new ColumnType[count];
        int i = 0;
        for (Map.Entry<String, ColumnType> field : struct.fields().entrySet()) {
            names[i] = field.getKey();
            types[i] = field.getValue();
            i++;
        }
        StringBuilder joined = new StringBuilder();
        for (String name : names) {
            joined.append(joined.length() == 0 ? "" : ", ").append(name);
        }
        list = joined.toString();
    }

    private static void register(ColumnType type) {
        if (type.kind() == ColumnType.Kind.MAP) {
            register(type.valueType());
        } else if (type.kind() == ColumnType.Kind.STRUCT && !OF_SCHEMA.containsKey(type)) {
            OF_SCHEMA.put(type, new StructFields(type));
            for (ColumnType field : type.fields().values()) {
                register(field);
            }
        }
    }

    static StructFields of(ColumnType struct) {
        StructFields fields = OF_SCHEMA.get(struct);
        return fields != null ? fields : new StructFields(struct);
    }

    /** The field's index, or -1 when the struct has no such field. */
    int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    ColumnType type(int index) {
        return types[index];
    }

    /** The field names in order, comma-separated. */
    String list() {
        return list;
    }
}
