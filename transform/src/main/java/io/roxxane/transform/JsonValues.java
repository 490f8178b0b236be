package io.roxxane.transform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Short, bounded descriptions of JSON values for error messages. */
final class JsonValues {
    private static final int MAX_QUOTED = 64;

    private JsonValues() {
    }

    /** What the parser's current value is, e.g. {@code a string}, {@code the decimal number 1.5}. */
    static String describe(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            return "nothing";
        }
        switch (token) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
                return "the integer " + abbreviate(parser.getText());
            case VALUE_NUMBER_FLOAT:
                return "the decimal number " + abbreviate(parser.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return token.name();
        }
    }

    /** What a JSON text that starts with this byte is, for one that is not an object. */
    static String describeStart(byte first) {
        switch (first) {
            case '[':
                return "a JSON array";
            case '"':
                return "a JSON string";
            case 't':
            case 'f':
                return "a JSON boolean";
            case 'n':
                return "JSON null";
            default:
                if (first == '-' || first >= '0' && first <= '9') {
                    return "a JSON number";
                }
                return String.format("not JSON (it starts with byte 0x%02x)", first & 0xFF);
        }
    }

    /** The text cut to a readable length, quoted. */
    static String abbreviate(String text) {
        if (text.length() <= MAX_QUOTED) {
            return "'" + text + "'";
        }
        return "'" + text.substring(0, MAX_QUOTED) + "…' (" + text.length() + " characters)";
    }

    /** Jackson's message without the source excerpt, first line only, bounded. */
    static String parseError(com.fasterxml.jackson.core.JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        if (message.length() > 200) {
            message = message.substring(0, 200) + "…";
        }
        if (e.getLocation() != null && e.getLocation().getByteOffset() >= 0) {
            message += " at byte " + e.getLocation().getByteOffset();
        }
        return message;
    }
}
