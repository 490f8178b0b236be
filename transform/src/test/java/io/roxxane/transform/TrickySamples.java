package io.roxxane.transform;

import io.roxxane.schema.Column;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Samples and events built from the parts parsers get wrong: numbers at the digit limits, leading
 * zeros, exponents, escapes, overlong and surrogate UTF-8, control characters, keys that differ
 * from a column only in case, duplicates, line breaks, trailing bytes. For {@link FuzzTest}.
 */
final class TrickySamples {
    private static final Column[] COLUMNS = Column.values();

    private static final String[] KEYS = {
        "ts", "service", "host", "pid", "schema_version", "tags", "arrival_ts", "host_cpu_utilization",
        "host_cpu_count", "jvm_threads_live", "agent_disabled_collectors", "jvm_heap_used_bytes",
        "TS", "Service", "HOST_CPU_COUNT", "Ts", "x_extra", "ts ", " ts", "t\\u0073", "s\u00e9rvice", "",
        "host_dis\u212a_read_bytes", "tags2", "a\"b", "k\\\\",
    };

    private static final String[] VALUES = {
        "0", "-0", "1", "-1", "01", "-01", "00", "1.0", "1.", ".5", "-", "+1", "1e5", "1E+5", "1e-5", "1e",
        "1e+", "-1.5e10", "0.0", "1763900000000", "1763900031512", "946684799999", "946684800000",
        "123456789", "1234567890", "-123456789", "2147483647", "2147483648", "-2147483648",
        "123456789012345678", "1234567890123456789", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "12345678901234567890123",
        "null", "nul", "nulll", "true", "false", "tru", "NaN", "Infinity", "-Infinity",
        "\"\"", "\"x\"", "\"checkout\"", "\"../../x\"", "\"a/b\"", "\"Inventory Service\"", "\"\\u0041\"",
        "\"\\u00\"", "\"\\uZZZZ\"", "\"\\x\"", "\"\\n\"", "\"\\/\"", "\"a\\\"b\"", "\"\\ud800\"", "\"\\\\\"",
        "\"\u00e9\"", "\"\u20ac\"", "\"\ud83d\ude00\"", "\"a\u0001b\"", "\"\t\"", "\"\u007f\"", "\"unterminated",
        "{}", "{\"a\":\"b\"}", "{\"a\":1}", "{\"a\":\"b\",}", "{\"a\":\"b\",\"c\":\"d\"}", "{\"a\" : \"b\" }",
        "{\"\\u0041\":\"b\"}", "{\"a\":null}", "{\"a\":{}}", "[]", "[1,2]", "{\"a\":[\"b\"]}", "{", "}",
    };

    /** JSON tokens and fragments of the event's own fields, to splice into an event. */
    private static final String[] EVENT_TOKENS = {
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\/", " ", "\n", "null", "0", "01", "-1", "1.5", "true",
        "\"records\":[]", "\"data\":null", "\"recordId\":\"x\"", "\"approximateArrivalTimestamp\":1",
        "\"data\":\"e30=\"", "\u00e9", "12345678901234567890",
    };

    /** Raw byte sequences: invalid and edge UTF-8, control characters, quotes. */
    private static final byte[][] RAW = {
        {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xC2, (byte) 0x80},
        {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xE0, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0x9F, (byte) 0xBF},
        {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF0, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82}, {0}, {0x1f},
        {0x7f}, {'\\'}, {'"'}, {'\n'}, {'\r'}, {'\t'},
    };

    private static final String[] SEPARATORS = {"", "", "", "", " ", "\t", "\n", "\r\n", "  "};

    private TrickySamples() {
    }

    /** A flat object of tricky keys and values, often in schema order, sometimes malformed. */
    static byte[] flatSample(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, SEPARATORS[random.nextInt(3)]);
        out.write('{');
        int fields = random.nextInt(12);
        boolean inOrder = random.nextBoolean();
        int nextColumn = 0;
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                write(out, random.nextInt(40) == 0 ? ",," : ",");
            }
            write(out, separator(random));
            String key;
            if (inOrder && nextColumn < COLUMNS.length && random.nextInt(4) != 0) {
                key = COLUMNS[nextColumn++].columnName();
                nextColumn += random.nextInt(2);
            } else if (random.nextBoolean()) {
                key = COLUMNS[random.nextInt(COLUMNS.length)].columnName();
            } else {
                key = KEYS[random.nextInt(KEYS.length)];
            }
            write(out, "\"" + key + "\"" + separator(random) + (random.nextInt(50) == 0 ? "" : ":") + separator(random));
            writeValue(out, random, key);
            write(out, separator(random));
        }
        if (random.nextInt(30) != 0) {
            out.write('}');
        }
        write(out, new String[] {"\n", " \r\n\t ", "{}", " x", "", "", "", "", "", "", "", ""}[random.nextInt(12)]);
        return out.toByteArray();
    }

    /**
     * The bytes with one to three edits: a byte replaced or removed, the rest cut off, or a
     * structural character, tricky value or raw sequence inserted.
     */
    static byte[] mutate(Random random, byte[] original) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(4)) {
                case 0:
                    bytes[at] = (byte) random.nextInt(256);
                    break;
                case 1:
                    bytes = java.util.Arrays.copyOf(bytes, at);
                    break;
                case 2:
                    bytes = splice(bytes, at, 1, new byte[0]);
                    break;
                default:
                    bytes = splice(bytes, at, 0, insertion(random));
            }
        }
        return bytes;
    }

    /**
     * A whole event with raw bytes inside a record's data, JSON tokens spliced in or bytes cut out,
     * or trailing bytes after it; any of these, or none.
     */
    static byte[] mutateEvent(Random random, byte[] event) {
        byte[] bytes = event;
        if (random.nextInt(8) == 0) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int data = text.indexOf("\"data\"");
            int at = data < 0 ? -1 : text.indexOf('"', text.indexOf(':', data) + 1) + 1 + random.nextInt(8);
            if (at > 0 && at < bytes.length) {
                bytes = splice(bytes, at, 0, RAW[random.nextInt(RAW.length)]);
            }
        }
        if (random.nextInt(10) == 0) {
            bytes = splice(bytes, bytes.length, 0, new byte[] {(byte) "x{}],0 ".charAt(random.nextInt(7)), '\n'});
        }
        int edits = random.nextInt(3);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            byte[] token = random.nextInt(4) == 0 ? RAW[random.nextInt(RAW.length)]
                    : EVENT_TOKENS[random.nextInt(EVENT_TOKENS.length)].getBytes(StandardCharsets.UTF_8);
            int cut = random.nextInt(3) == 0 ? Math.min(bytes.length - at, random.nextInt(4)) : 0;
            bytes = splice(bytes, at, cut, token);
        }
        return bytes;
    }

    private static byte[] insertion(Random random) {
        switch (random.nextInt(3)) {
            case 0:
                return new byte[] {(byte) "{}[]\",:\n0-e".charAt(random.nextInt(11))};
            case 1:
                return RAW[random.nextInt(RAW.length)];
            default:
                return VALUES[random.nextInt(VALUES.length)].getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void writeValue(ByteArrayOutputStream out, Random random, String key) {
        int kind = random.nextInt(10);
        if (kind < 2) {
            // a plausible value for the key, so that samples are often valid
            if (key.equals(Column.TS.columnName())) {
                write(out, Long.toString(TestEvents.ARRIVAL - random.nextInt(100_000_000)));
            } else if (key.equals(Column.TAGS.columnName())) {
                write(out, "{\"env\":\"prod\",\"team\":\"" + (char) ('a' + random.nextInt(26)) + "\"}");
            } else if (key.equals(Column.SERVICE.columnName()) || key.equals(Column.HOST.columnName())) {
                write(out, "\"svc-" + random.nextInt(8) + "\"");
            } else {
                write(out, Integer.toString(random.nextInt(1000)));
            }
        } else if (kind < 4) {
            // a string with tricky parts and raw bytes inside
            out.write('"');
            int parts = random.nextInt(5);
            for (int p = 0; p < parts; p++) {
                if (random.nextBoolean()) {
                    write(out, VALUES[random.nextInt(VALUES.length)].replace("\"", ""));
                } else {
                    byte[] raw = RAW[random.nextInt(RAW.length)];
                    out.write(raw, 0, raw.length);
                }
            }
            out.write('"');
        } else if (kind < 5) {
            // a map with tricky keys and values
            out.write('{');
            int entries = random.nextInt(4);
            for (int e = 0; e < entries; e++) {
                write(out, (e > 0 ? "," : "") + separator(random));
                write(out, random.nextInt(4) == 0 ? VALUES[random.nextInt(VALUES.length)] : "\"k" + e + "\"");
                write(out, separator(random) + ":" + separator(random));
                write(out, random.nextInt(3) == 0 ? VALUES[random.nextInt(VALUES.length)] : "\"v\"");
            }
            write(out, separator(random) + "}");
        } else {
            write(out, VALUES[random.nextInt(VALUES.length)]);
        }
    }

    private static byte[] splice(byte[] bytes, int at, int cut, byte[] insert) {
        byte[] edited = new byte[bytes.length - cut + insert.length];
        System.arraycopy(bytes, 0, edited, 0, at);
        System.arraycopy(insert, 0, edited, at, insert.length);
        System.arraycopy(bytes, at + cut, edited, at + insert.length, bytes.length - at - cut);
        return edited;
    }

    private static String separator(Random random) {
        return random.nextInt(4) == 0 ? SEPARATORS[random.nextInt(SEPARATORS.length)] : "";
    }

    private static void write(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }
}
