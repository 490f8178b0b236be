package io.roxxane.transform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.roxxane.schema.Column;
import java.io.IOException;

/**
 * Checks that a sample's value fits its column's type, as the Glue table and the Parquet
 * conversion will read it: BIGINT and INT integral numbers in range, DOUBLE any number, STRING a
 * string, STRING_MAP an object of strings. Strings are decoded, which proves they are valid UTF-8.
 */
final class ColumnValues {
    private ColumnValues() {
    }

    /**
     * Checks the parser's current value (not null) against the column; on return the parser is on
     * the value's last token.
     */
    static void check(JsonParser parser, Column column, JsonToken token) throws IOException, RejectedSample {
        switch (column.type()) {
            case BIGINT:
                if (token == JsonToken.VALUE_NUMBER_INT) {
                    if (parser.getTextLength() <= 18) {
                        return; // at most 18 digits: fits in 64 bits without parsing
                    }
                    JsonParser.NumberType type = parser.getNumberType();
                    if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                        return;
                    }
                }
                throw mismatch(parser, column, token, "an integral number from -2^63 to 2^63-1");
            case INT:
                if (token == JsonToken.VALUE_NUMBER_INT
                        && (parser.getTextLength() <= 9 || parser.getNumberType() == JsonParser.NumberType.INT)) {
                    return;
                }
                throw mismatch(parser, column, token, "an integral number from -2^31 to 2^31-1");
            case DOUBLE:
                if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
                    return;
                }
                throw mismatch(parser, column, token, "a number");
            case STRING:
                if (token == JsonToken.VALUE_STRING) {
                    parser.getTextCharacters();
                    return;
                }
                throw mismatch(parser, column, token, "a string");
            case STRING_MAP:
                if (token == JsonToken.START_OBJECT) {
                    checkStringMap(parser, column);
                    return;
                }
                throw mismatch(parser, column, token, "an object whose values are strings");
            default:
                throw new RejectedSample("column '" + column.columnName() + "' has type " + column.type()
                        + ", which this transform does not know");
        }
    }

    private static void checkStringMap(JsonParser parser, Column column) throws IOException, RejectedSample {
        String key;
        while ((key = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            if (value != JsonToken.VALUE_STRING) {
                throw new RejectedSample("column '" + column.columnName() + "' is " + column.type().glueType()
                        + ": the value of key " + JsonValues.abbreviate(key) + " is "
                        + JsonValues.describe(parser, value) + ", but every value must be a string");
            }
            parser.getTextCharacters();
        }
    }

    private static RejectedSample mismatch(JsonParser parser, Column column, JsonToken token, String allowed)
            throws IOException {
        return new RejectedSample("column '" + column.columnName() + "' is " + column.type().glueType()
                + " and needs " + allowed + " (or null); got " + JsonValues.describe(parser, token));
    }
}
