package io.roxxane.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.roxxane.schema.Column;
import io.roxxane.transform.TestEvents.TestRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast single pass ({@link FastSampleScanner}) against Jackson's pass on the same inputs:
 * whatever the fast pass accepts, Jackson's pass must accept with the same findings, and the whole
 * handler must answer byte for byte the same with and without it (result codes, data, partition
 * keys, reasons). Inputs: flat samples built from tricky keys and value texts (numbers at the
 * digit limits, leading zeros, exponents, escapes, overlong and surrogate UTF-8, control
 * characters, case lookalikes, duplicates, line breaks, trailing bytes), byte-mutated realistic
 * samples and random bytes. Seeded; the seed is in every failure message.
 */
class FastPathDifferentialTest {
    private static final long BASE_SEED = 0xfa57_0005L;
    private static final int SAMPLES = 40_000;
    private static final int EVENTS = 200;
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

    /** Raw byte sequences spliced into strings: invalid and edge UTF-8. */
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

    @Test
    void scan_whenFastPassAccepts_jacksonPassFindsTheSame() {
        FastSampleScanner fast = new FastSampleScanner();
        SampleScanner jacksonOnly = new SampleScanner(FirehoseTransformHandler.JSON, false);
        SampleScanner both = new SampleScanner(FirehoseTransformHandler.JSON, true);
        byte[] realistic = TestEvents.sampleLine().getBytes(StandardCharsets.UTF_8);
        int accepted = 0;
        int fellBack = 0;
        for (int n = 0; n < SAMPLES; n++) {
            long seed = BASE_SEED + n;
            Random random = new Random(seed);
            byte[] json = sample(random, realistic);
            String where = "seed " + seed + ", sample " + printable(json);
            ScannedSample expected = scanOrNull(jacksonOnly, json);
            String expectedReason = reasonOrNull(jacksonOnly, json);
            ScannedSample actual = scanOrNull(both, json);
            String actualReason = reasonOrNull(both, json);
            assertEquals(expectedReason, actualReason, where);
            assertSame(expected, actual, where);

            int start = 0;
            while (start < json.length && (json[start] == ' ' || json[start] == '\n' || json[start] == '\r'
                    || json[start] == '\t')) {
                start++;
            }
            if (start < json.length && json[start] == '{' && !(start + 1 < json.length && json[start + 1] == 0)) {
                ScannedSample direct = new ScannedSample();
                if (fast.tryScan(json, start, json.length, direct)) {
                    accepted++;
                    if (expected == null) {
                        fail(where + ": the fast pass accepts what Jackson's pass rejects: " + expectedReason);
                    }
                    assertSame(expected, direct, where);
                } else {
                    fellBack++;
                }
            }
        }
        System.out.println("differential: " + accepted + " samples accepted by the fast pass, " + fellBack
                + " left to Jackson's pass");
        // Both sides must be exercised, or the comparison proves little.
        assertTrue(accepted > SAMPLES / 10 && fellBack > SAMPLES / 10, "accepted " + accepted + ", fell back " + fellBack);
    }

    @Test
    void handleRequest_withAndWithoutFastPass_answersTheSameBytes() throws Exception {
        byte[] realistic = TestEvents.sampleLine().getBytes(StandardCharsets.UTF_8);
        for (int n = 0; n < EVENTS; n++) {
            long seed = BASE_SEED ^ (n * 0x9E3779B97F4A7C15L);
            Random random = new Random(seed);
            List<TestRecord> records = new ArrayList<>();
            int count = 1 + random.nextInt(20);
            for (int i = 0; i < count; i++) {
                Long arrival = random.nextInt(10) == 0 ? null : TestEvents.ARRIVAL + random.nextInt(1000);
                records.add(new TestRecord("r" + i, arrival,
                        java.util.Base64.getEncoder().encodeToString(sample(random, realistic))));
            }
            byte[] event = TestEvents.event(records);
            CapturingContext fastLog = new CapturingContext();
            CapturingContext jacksonLog = new CapturingContext();
            byte[] fast = invoke(new FirehoseTransformHandler(() -> TestEvents.NOW,
                    FirehoseTransformHandler.DEFAULT_RESPONSE_LIMIT_BYTES, true), event, fastLog);
            byte[] jackson = invoke(new FirehoseTransformHandler(() -> TestEvents.NOW,
                    FirehoseTransformHandler.DEFAULT_RESPONSE_LIMIT_BYTES, false), event, jacksonLog);
            assertArrayEquals(jackson, fast, "seed " + seed);
            assertEquals(jacksonLog.lines, fastLog.lines, "seed " + seed);
            ResponseContract.check(event, fast);
        }
    }

    @Test
    void read_whenFastPassAccepts_jacksonPassReadsTheSameRecords() throws Exception {
        byte[][] recorded = {
            TestEvents.resource("events/firehose-event-3-samples.json"),
            TestEvents.resource("events/firehose-event-kinesis-source.json"),
        };
        String[] tokens = {"{", "}", "[", "]", ",", ":", "\"", "\\", "\\/", " ", "\n", "null", "0", "01", "-1", "1.5",
            "true", "\"records\":[]", "\"data\":null", "\"recordId\":\"x\"", "\"approximateArrivalTimestamp\":1",
            "\"data\":\"e30=\"", "\u00e9", "12345678901234567890"};
        int accepted = 0;
        int fellBack = 0;
        for (int n = 0; n < EVENTS * 10; n++) {
            long seed = BASE_SEED + 7 * n;
            Random random = new Random(seed);
            byte[] event;
            switch (random.nextInt(3)) {
                case 0:
                    event = recorded[random.nextInt(recorded.length)].clone();
                    break;
                case 1:
                    event = randomEvent(random);
                    break;
                default:
                    event = recorded[random.nextInt(recorded.length)];
            }
            if (random.nextInt(8) == 0) {
                // control characters, non-ASCII or a quote inside a record's data
                byte[] raw = RAW[random.nextInt(RAW.length)];
                String text = new String(event, StandardCharsets.ISO_8859_1);
                int data = text.indexOf("\"data\"");
                int at = data < 0 ? -1 : text.indexOf('"', text.indexOf(':', data) + 1) + 1 + random.nextInt(8);
                if (at > 0 && at < event.length) {
                    byte[] edited = new byte[event.length + raw.length];
                    System.arraycopy(event, 0, edited, 0, at);
                    System.arraycopy(raw, 0, edited, at, raw.length);
                    System.arraycopy(event, at, edited, at + raw.length, event.length - at);
                    event = edited;
                }
            }
            if (random.nextInt(10) == 0) {
                event = Arrays.copyOf(event, event.length + 2);
                event[event.length - 2] = (byte) "x{}],0 ".charAt(random.nextInt(7));
                event[event.length - 1] = '\n';
            }
            int edits = random.nextInt(3);
            for (int e = 0; e < edits && event.length > 0; e++) {
                int at = random.nextInt(event.length);
                byte[] token = random.nextInt(4) == 0 ? RAW[random.nextInt(RAW.length)]
                        : tokens[random.nextInt(tokens.length)].getBytes(StandardCharsets.UTF_8);
                int cut = random.nextInt(3) == 0 ? Math.min(event.length - at, random.nextInt(4)) : 0;
                byte[] edited = new byte[event.length - cut + token.length];
                System.arraycopy(event, 0, edited, 0, at);
                System.arraycopy(token, 0, edited, at, token.length);
                System.arraycopy(event, at + cut, edited, at + token.length, event.length - at - cut);
                event = edited;
            }
            String where = "seed " + seed + ", event " + printable(event);
            List<String> viaFast = new ArrayList<>();
            List<RecordData> fastData = new ArrayList<>();
            if (new FastEventReader(() -> TestEvents.NOW).read(event, (id, arrival, data) -> {
                viaFast.add(describe(id, arrival, data));
                fastData.add(data);
            })) {
                accepted++;
                List<String> viaJackson = new ArrayList<>();
                try {
                    new FirehoseEventReader(FirehoseTransformHandler.JSON, () -> TestEvents.NOW, false).read(
                            new java.io.ByteArrayInputStream(event), (id, arrival, data) -> viaJackson.add(describe(id, arrival, data)));
                    assertEquals(viaJackson, viaFast, where);
                } catch (InvalidEventException e) {
                    // Allowed only where the data is not plain ASCII, which makes the handler read again with Jackson.
                    boolean reread = false;
                    for (RecordData data : fastData) {
                        try {
                            data.requireVerified();
                        } catch (UnverifiedEventData expected) {
                            reread = true;
                        }
                    }
                    assertTrue(reread, where + ": the fast pass reads what Jackson's pass rejects: " + e.getMessage());
                }
            } else {
                fellBack++;
                assertTrue(viaFast.isEmpty(), where + ": the fast pass handed records over before giving up");
            }
            assertEquals(answer(event, false), answer(event, true), where);
        }
        System.out.println("differential: " + accepted + " events read by the fast pass, " + fellBack
                + " left to Jackson's pass");
        assertTrue(accepted > EVENTS && fellBack > EVENTS, "accepted " + accepted + ", fell back " + fellBack);
    }

    /** The handler's response, or the InvalidEventException's message. */
    private static String answer(byte[] event, boolean fastPath) throws Exception {
        try {
            return new String(invoke(new FirehoseTransformHandler(() -> TestEvents.NOW,
                    FirehoseTransformHandler.DEFAULT_RESPONSE_LIMIT_BYTES, fastPath), event, new CapturingContext()),
                    StandardCharsets.UTF_8);
        } catch (InvalidEventException e) {
            return "InvalidEventException: " + e.getMessage();
        }
    }

    private static String describe(String id, long arrival, RecordData data) {
        return id + "|" + arrival + "|" + (data.isMissing() ? "MISSING" : Arrays.toString(data.raw()));
    }

    private static byte[] randomEvent(Random random) {
        List<TestRecord> records = new ArrayList<>();
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            String id = random.nextInt(5) == 0 ? "id\"\u00e9\\" + i : "4959" + random.nextInt(1_000_000);
            Long arrival = random.nextInt(6) == 0 ? null : random.nextInt(6) == 0 ? Long.MAX_VALUE : TestEvents.ARRIVAL + i;
            String data = random.nextInt(6) == 0 ? null : random.nextInt(6) == 0 ? "e30/+" + random.nextInt(9)
                    : java.util.Base64.getEncoder().encodeToString(("{\"ts\":" + i + "}").getBytes(StandardCharsets.UTF_8));
            records.add(new TestRecord(id, arrival, data));
        }
        return TestEvents.event(records);
    }

    private static byte[] invoke(FirehoseTransformHandler handler, byte[] event, CapturingContext context)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new java.io.ByteArrayInputStream(event), out, context);
        return out.toByteArray();
    }

    /** A flat sample of tricky parts, a mutated realistic sample, or random bytes. */
    private static byte[] sample(Random random, byte[] realistic) {
        switch (random.nextInt(10)) {
            case 0:
                return mutate(random, realistic);
            case 1: {
                byte[] bytes = new byte[random.nextInt(40)];
                random.nextBytes(bytes);
                return bytes;
            }
            case 2:
                return realistic.clone();
            default:
                return flatSample(random);
        }
    }

    private static byte[] flatSample(Random random) {
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
            write(out, "\"" + key + "\"");
            write(out, separator(random));
            write(out, random.nextInt(50) == 0 ? "" : ":");
            write(out, separator(random));
            writeValue(out, random, key);
            write(out, separator(random));
        }
        if (random.nextInt(30) != 0) {
            out.write('}');
        }
        switch (random.nextInt(12)) {
            case 0:
                write(out, "\n");
                break;
            case 1:
                write(out, " \r\n\t ");
                break;
            case 2:
                write(out, "{}");
                break;
            case 3:
                write(out, " x");
                break;
            default:
        }
        return out.toByteArray();
    }

    private static void writeValue(ByteArrayOutputStream out, Random random, String key) {
        int kind = random.nextInt(10);
        if (kind < 2) {
            // a plausible value for the key, so that samples are often valid
            if (key.equals("ts")) {
                write(out, Long.toString(TestEvents.ARRIVAL - random.nextInt(100_000_000)));
            } else if (key.equals("tags")) {
                write(out, "{\"env\":\"prod\",\"team\":\"" + (char) ('a' + random.nextInt(26)) + "\"}");
            } else if (key.equals("service") || key.equals("host")) {
                write(out, "\"svc-" + random.nextInt(8) + "\"");
            } else {
                write(out, Integer.toString(random.nextInt(1000)));
            }
        } else if (kind < 4) {
            // a string with random tricky bytes inside
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
            // the tags map with tricky keys and values
            out.write('{');
            int entries = random.nextInt(4);
            for (int e = 0; e < entries; e++) {
                if (e > 0) {
                    out.write(',');
                }
                write(out, separator(random));
                write(out, random.nextInt(4) == 0 ? VALUES[random.nextInt(VALUES.length)] : "\"k" + e + "\"");
                write(out, separator(random) + ":" + separator(random));
                write(out, random.nextInt(3) == 0 ? VALUES[random.nextInt(VALUES.length)] : "\"v\"");
            }
            write(out, separator(random));
            out.write('}');
        } else {
            write(out, VALUES[random.nextInt(VALUES.length)]);
        }
    }

    private static String separator(Random random) {
        return random.nextInt(4) == 0 ? SEPARATORS[random.nextInt(SEPARATORS.length)] : "";
    }

    private static void write(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }

    /** Overwrites, deletes or inserts a few bytes, or truncates. */
    private static byte[] mutate(Random random, byte[] original) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(4)) {
                case 0:
                    bytes[at] = (byte) random.nextInt(256);
                    break;
                case 1:
                    bytes = Arrays.copyOf(bytes, at);
                    break;
                case 2: {
                    byte[] shorter = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                    bytes = shorter;
                    break;
                }
                default: {
                    byte[] raw = random.nextBoolean() ? RAW[random.nextInt(RAW.length)]
                            : VALUES[random.nextInt(VALUES.length)].getBytes(StandardCharsets.UTF_8);
                    byte[] longer = new byte[bytes.length + raw.length];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    System.arraycopy(raw, 0, longer, at, raw.length);
                    System.arraycopy(bytes, at, longer, at + raw.length, bytes.length - at);
                    bytes = longer;
                }
            }
        }
        return bytes;
    }

    private static ScannedSample scanOrNull(SampleScanner scanner, byte[] json) {
        try {
            return scanner.scan(json, json.length);
        } catch (RejectedSample e) {
            return null;
        }
    }

    private static String reasonOrNull(SampleScanner scanner, byte[] json) {
        try {
            scanner.scan(json, json.length);
            return null;
        } catch (RejectedSample e) {
            return e.getMessage();
        }
    }

    private static void assertSame(ScannedSample expected, ScannedSample actual, String where) {
        if (expected == null || actual == null) {
            assertEquals(expected == null, actual == null, where);
            return;
        }
        assertEquals(expected.start, actual.start, where + ": start");
        assertEquals(expected.end, actual.end, where + ": end");
        assertEquals(expected.hasTs, actual.hasTs, where + ": hasTs");
        if (expected.hasTs) {
            assertEquals(expected.ts, actual.ts, where + ": ts");
        }
        assertEquals(expected.service, actual.service, where + ": service");
        assertEquals(expected.hasArrivalTs, actual.hasArrivalTs, where + ": hasArrivalTs");
        assertEquals(expected.singleLine, actual.singleLine, where + ": singleLine");
    }

    private static String printable(byte[] json) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(json.length, 300); i++) {
            int b = json[i] & 0xFF;
            s.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return s.toString();
    }
}
