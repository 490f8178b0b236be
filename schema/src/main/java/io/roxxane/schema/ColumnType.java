package io.roxxane.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The type of a column, as Glue, Athena and Parquet name it, and how JSON must carry it. Scalars
 * ({@link #BIGINT}, {@link #INT}, {@link #DOUBLE}, {@link #BOOLEAN}, {@link #STRING}) and, for the
 * columns whose set of keys is open (memory pools, collectors, devices, mounts, attributes), maps
 * with string keys ({@link #mapOf}) whose values may be structs ({@link #structOf}); a struct's
 * field is a scalar or a map of scalars (the labels of an application metric). Immutable; two types
 * are equal when their Glue types are.
 */
public final class ColumnType {
    /** What a type is, for code that handles each in turn. */
    public enum Kind {
        /** 64-bit signed integer; JSON integral number. */
        BIGINT,
        /** 32-bit signed integer; JSON integral number. */
        INT,
        /** 64-bit IEEE float; JSON number. */
        DOUBLE,
        /** JSON true or false. */
        BOOLEAN,
        /** UTF-8 text; JSON string. */
        STRING,
        /** String keys to values of one type; JSON object. */
        MAP,
        /** Named fields, each of its own type, any of them absent (null); JSON object. */
        STRUCT
    }

    public static final ColumnType BIGINT = new ColumnType(Kind.BIGINT, "bigint", null, null);
    public static final ColumnType INT = new ColumnType(Kind.INT, "int", null, null);
    public static final ColumnType DOUBLE = new ColumnType(Kind.DOUBLE, "double", null, null);
    public static final ColumnType BOOLEAN = new ColumnType(Kind.BOOLEAN, "boolean", null, null);
    public static final ColumnType STRING = new ColumnType(Kind.STRING, "string", null, null);
    /** String keys to string values: tags, resource attributes. */
    public static final ColumnType STRING_MAP = mapOf(STRING);

    private final Kind kind;
    private final String glueType;
    private final ColumnType valueType;
    private final Map<String, ColumnType> fields;

    private ColumnType(Kind kind, String glueType, ColumnType valueType, Map<String, ColumnType> fields) {
        this.kind = kind;
        this.glueType = glueType;
        this.valueType = valueType;
        this.fields = fields;
    }

    /** {@code map<string,V>}. */
    public static ColumnType mapOf(ColumnType valueType) {
        return new ColumnType(Kind.MAP, "map<string," + valueType.glueType + ">", valueType, null);
    }

    /**
     * {@code struct<name:type,...>}, from name and type pairs in order. A field is a scalar or a map
     * whose values are scalars; a struct in a struct is refused (Firehose's Parquet conversion and
     * the transform's checks stay two levels deep).
     */
    public static ColumnType structOf(Object... namesAndTypes) {
        if (namesAndTypes.length == 0 || namesAndTypes.length % 2 != 0) {
            throw new IllegalArgumentException("expected name, type pairs: " + Arrays.toString(namesAndTypes));
        }
        Map<String, ColumnType> fields = new LinkedHashMap<String, ColumnType>();
        StringBuilder glue = new StringBuilder("struct<");
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            String name = (String) namesAndTypes[i];
            ColumnType type = (ColumnType) namesAndTypes[i + 1];
            if (!name.matches("[a-z][a-z0-9_]*") || fields.put(name, type) != null) {
                throw new IllegalArgumentException("bad or repeated struct field name: " + name);
            }
            if (type.kind == Kind.STRUCT || (type.kind == Kind.MAP && !type.valueType.isScalar())) {
                throw new IllegalArgumentException("struct fields are scalars or maps of scalars here: " + name);
            }
            glue.append(i == 0 ? "" : ",").append(name).append(':').append(type.glueType);
        }
        return new ColumnType(Kind.STRUCT, glue.append('>').toString(), null,
                Collections.unmodifiableMap(fields));
    }

    public Kind kind() {
        return kind;
    }

    /** The type as written in a Glue table, a CloudFormation template or Athena DDL. */
    public String glueType() {
        return glueType;
    }

    /** A map's value type; null for the others. */
    public ColumnType valueType() {
        return valueType;
    }

    /** A struct's fields in order, by name; empty for the others. */
    public Map<String, ColumnType> fields() {
        return fields == null ? Collections.<String, ColumnType>emptyMap() : fields;
    }

    /** A struct's field names in order; empty for the others. */
    public List<String> fieldNames() {
        return new ArrayList<String>(fields().keySet());
    }

    /** Whether JSON carries this type as a number, string or boolean rather than an object. */
    public boolean isScalar() {
        return kind != Kind.MAP && kind != Kind.STRUCT;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnType && ((ColumnType) o).glueType.equals(glueType);
    }

    @Override
    public int hashCode() {
        return glueType.hashCode();
    }

    @Override
    public String toString() {
        return glueType;
    }
}
