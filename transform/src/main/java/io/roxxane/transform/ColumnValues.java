package io.roxxane.transform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks that a sample's value fits its column's type, as the Glue table and the Parquet
 * conversion will read it: BIGINT and INT integral numbers in range, DOUBLE any number, BOOLEAN
 * true or false, STRING a string; a map an object whose keys are any strings, each once, and whose
 * values each fit the value type (never null); a struct an object of its own fields only, each at
 * most once, each null or of its type (absent fields are null), a field that is a map (an
 * application metric's labels) checked as a map. Strings are decoded, which proves they are valid
 * UTF-8. A reason names the column, the key and the field.
 */
final class ColumnValues {
    private ColumnValues() {
    }

    /**
     * Checks the parser's current value (not null) against the column; on return the parser is on
     * the value's last token.
     */
    static void check(JsonParser parser, Column column, JsonToken token) throws IOException, RejectedSample {
        if (!fits(parser, column, column.type(), token, null, null)) {
            throw new RejectedSample("column '" + column.columnName() + "' is " + column.type().glueType()
                    + " and needs " + needs(column.type()) + " (or null); got " + JsonValues.describe(parser, token));
        }
    }

    /**
     * Whether the scalar value fits; a map or struct is checked through to its end, and throws
     * naming the key or field when something inside does not fit.
     */
    private static boolean fits(JsonParser parser, Column column, ColumnType type, JsonToken token, String key,
            String field) throws IOException, RejectedSample {
        switch (type.kind()) {
            case BIGINT:
                return token == JsonToken.VALUE_NUMBER_INT
                        && (parser.getTextLength() <= 18 // at most 18 digits: fits in 64 bits without parsing
                        || parser.getNumberType() == JsonParser.NumberType.INT
                        || parser.getNumberType() == JsonParser.NumberType.LONG);
            case INT:
                return token == JsonToken.VALUE_NUMBER_INT
                        && (parser.getTextLength() <= 9 || parser.getNumberType() == JsonParser.NumberType.INT);
            case DOUBLE:
                return token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT;
            case BOOLEAN:
                return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
            case STRING:
                if (token != JsonToken.VALUE_STRING) {
                    return false;
                }
                parser.getTextCharacters();
                return true;
            case MAP:
                if (token != JsonToken.START_OBJECT) {
                    return false;
                }
                checkMap(parser, column, type, key, field);
                return true;
            case STRUCT:
                if (token != JsonToken.START_OBJECT) {
                    return false;
                }
                checkStruct(parser, column, type, key);
                return true;
            default:
                throw new RejectedSample("column '" + column.columnName() + "' has type " + type
                        + ", which this transform does not know");
        }
    }

    /**
     * A map: the column's value ({@code key} and {@code field} null), or a struct's field that is a
     * map (an application metric's labels: {@code key} the column's key, {@code field} the field).
     */
    private static void checkMap(JsonParser parser, Column column, ColumnType type, String key, String field)
            throws IOException, RejectedSample {
        ColumnType valueType = type.valueType();
        String first = null;
        Set<String> keys = null;
        String entry;
        while ((entry = parser.nextFieldName()) != null) {
            if (first == null) {
                first = entry;
            } else {
                if (keys == null) {
                    keys = new HashSet<String>();
                    keys.add(first);
                }
                if (!keys.add(entry)) {
                    throw new RejectedSample(where(column, key, field) + ": key " + JsonValues.abbreviate(entry)
                            + " appears more than once; each key at most once (the Parquet conversion's JSON reader"
                            + " fails the whole record on a repeated key)");
                }
            }
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_NULL || !fits(parser, column, valueType, value, entry, null)) {
                throw new RejectedSample(where(column, key, field) + " is " + type.glueType() + ": the value of key "
                        + JsonValues.abbreviate(entry) + " is " + JsonValues.describe(parser, value)
                        + ", but every value must be " + needs(valueType));
            }
        }
    }

    private static void checkStruct(JsonParser parser, Column column, ColumnType type, String key)
            throws IOException, RejectedSample {
        StructFields fields = StructFields.of(type);
        long seen = 0L;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            int index = fields.indexOf(name);
            if (index < 0) {
                throw new RejectedSample(where(column, key, null) + ": unknown field " + JsonValues.abbreviate(name)
                        + "; the fields are " + fields.list() + " (each optional)");
            }
            if ((seen & 1L << index) != 0) {
                throw new RejectedSample(where(column, key, null) + ": field '" + name
                        + "' appears more than once; each field at most once");
            }
            seen |= 1L << index;
            JsonToken value = parser.nextToken();
            ColumnType fieldType = fields.type(index);
            if (value != JsonToken.VALUE_NULL && !fits(parser, column, fieldType, value, key, name)) {
                throw new RejectedSample(where(column, key, null) + ": field '" + name + "' is " + fieldType.glueType()
                        + " and needs " + needs(fieldType) + " (or null); got " + JsonValues.describe(parser, value));
            }
        }
    }

    /** {@code column 'c'}, then {@code , key 'k'} inside a map, then {@code , field 'f'} inside its struct. */
    private static String where(Column column, String key, String field) {
        String where = "column '" + column.columnName() + "'";
        if (key != null) {
            where += ", key " + JsonValues.abbreviate(key);
        }
        return field == null ? where : where + ", field '" + field + "'";
    }

    /** What JSON value a type takes, for a reason. */
    private static String needs(ColumnType type) {
        switch (type.kind()) {
            case BIGINT:
                return "an integral number from -2^63 to 2^63-1";
            case INT:
                return "an integral number from -2^31 to 2^31-1";
            case DOUBLE:
                return "a number";
            case BOOLEAN:
                return "true or false";
            case STRING:
                return "a string";
            case MAP:
                return type.valueType().kind() == ColumnType.Kind.STRING
                        ? "an object whose values are strings"
                        : "an object whose values are each " + needs(type.valueType());
            default:
                return "an object with some of the fields " + StructFields.of(type).list();
        }
    }
}
