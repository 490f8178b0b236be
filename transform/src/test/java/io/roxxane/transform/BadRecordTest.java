package io.roxxane.transform;

import static io.roxxane.transform.TestEvents.sampleLine;
import static io.roxxane.transform.TestEvents.sampleTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roxxane.transform.TestEvents.TestRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per bad input of issue 5: the bad record sits between two good ones, comes back
 * ProcessingFailed with its data unchanged, the good ones pass, and the log names the problem.
 */
class BadRecordTest {
    // --- the record's data itself

    @Test
    void handleRequest_whenDataEmpty_failsTheRecordAlone() throws Exception {
        assertFailsAlone("", "data is empty");
    }

    @Test
    void handleRequest_whenDataMissing_failsTheRecordAlone() throws Exception {
        assertFailsAlone(null, "has no data");
    }

    @Test
    void handleRequest_whenDataNull_failsTheRecordAlone() throws Exception {
        ObjectNode event = (ObjectNode) TestEvents.MAPPER.readTree(goodBadGood("placeholder"));
        ((ObjectNode) event.get("records").get(1)).putNull("data");
        assertFailsAlone(TestEvents.MAPPER.writeValueAsBytes(event), "", "has no data");
    }

    @Test
    void handleRequest_whenDataIsInvalidBase64_failsTheRecordAlone() throws Exception {
        assertFailsAlone("not base64!", "not valid base64");
    }

    @Test
    void handleRequest_whenDataHasNonAsciiCharacters_failsTheRecordAndReturnsItUnchanged() throws Exception {
        assertFailsAlone("eyJ0cyI6MX0=\u00e9\u2603", "not valid base64");
    }

    // --- JSON

    @Test
    void handleRequest_whenSampleIsInvalidJson_failsTheRecordAlone() throws Exception {
        assertFailsAlone(b64("{\"ts\":1763900000000,\"service\":"), "not valid JSON");
    }

    @Test
    void handleRequest_whenSampleIsOnlyWhitespace_failsTheRecordAlone() throws Exception {
        assertFailsAlone(b64(" \n\t"), "empty or only whitespace");
    }

    @Test
    void handleRequest_whenSampleIsAnArray_failsTheRecordAlone() throws Exception {
        assertFailsAlone(b64("[" + sampleLine() + "]"), "a JSON array; a record must hold one JSON object");
    }

    @Test
    void handleRequest_whenSampleIsAString_failsTheRecordAlone() throws Exception {
        assertFailsAlone(b64("\"checkout\""), "a JSON string");
    }

    @Test
    void handleRequest_whenSampleIsANumber_failsTheRecordAlone() throws Exception {
        assertFailsAlone(b64("1763900000000"), "a JSON number");
    }

    @Test
    void handleRequest_whenSampleIsNull_failsTheRecordAlone() throws Exception {
        assertFailsAlone(b64("null"), "JSON null");
    }

    @Test
    void handleRequest_whenSeveralObjectsInOneRecord_failsTheRecordAlone() throws Exception {
        assertFailsAlone(b64(sampleLine() + "\n" + sampleLine() + "\n"), "more than one JSON value");
    }

    @Test
    void handleRequest_whenGarbageFollowsTheObject_failsTheRecordAlone() throws Exception {
        assertFailsAlone(b64(sampleLine() + " trailing"), "not valid JSON");
    }

    @Test
    void handleRequest_whenSampleIsUtf16_failsTheRecordAlone() throws Exception {
        assertFailsAlone(Base64.getEncoder().encodeToString(sampleLine().getBytes(StandardCharsets.UTF_16LE)),
                "not UTF-8");
    }

    @Test
    void handleRequest_whenSampleIsUtf32_failsTheRecordAlone() throws Exception {
        assertFailsAlone(Base64.getEncoder().encodeToString(sampleLine().getBytes(Charset.forName("UTF-32LE"))),
                "not UTF-8");
    }

    @Test
    void handleRequest_whenSampleIsBigEndianUtf16Or32_failsTheRecordAlone() throws Exception {
        for (String charset : List.of("UTF-16BE", "UTF-32BE")) {
            assertFailsAlone(Base64.getEncoder().encodeToString(sampleLine().getBytes(Charset.forName(charset))),
                    "not JSON (it starts with byte 0x00)");
        }
    }

    @Test
    void handleRequest_whenSampleHasInvalidUtf8_failsTheRecordAlone() throws Exception {
        byte[] bytes = sampleLine().replace("ip-10-0-0-1", "ip-10-0-0-\u00ff").getBytes(StandardCharsets.ISO_8859_1);
        assertFailsAlone(Base64.getEncoder().encodeToString(bytes), "Invalid UTF-8");
    }

    @Test
    void handleRequest_whenSampleIsLargerThanAFirehoseRecord_failsTheRecordAlone() throws Exception {
        ObjectNode sample = sampleTree();
        sample.put("padding", "x".repeat(SampleCodec.MAX_SAMPLE_BYTES));
        assertFailsAlone(b64(TestEvents.json(sample)), "larger than 1024000 bytes");
    }

    @Test
    void handleRequest_whenAStringNestedUnderAnUnknownKeyIsNotUtf8_failsTheRecordAlone() throws Exception {
        String line = sampleLine();
        String sample = line.substring(0, line.length() - 1) + ",\"custom\":{\"a\":[\"ok\",\"b\u00c3(\"]}}";
        assertFailsAlone(Base64.getEncoder().encodeToString(sample.getBytes(StandardCharsets.ISO_8859_1)),
                "Invalid UTF-8");
    }

    // --- ts

    @Test
    void handleRequest_whenTsIsAString_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("ts", "\"1763900000000\""), "column 'ts' is bigint and needs an integral number");
    }

    @Test
    void handleRequest_whenTsIsDecimal_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("ts", "1.7639e12"), "got the decimal number '1.7639e12'");
    }

    @Test
    void handleRequest_whenTsIsBeyondLongRange_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("ts", "17639000000000000000000"), "column 'ts' is bigint");
    }

    @Test
    void handleRequest_whenTsIsFarInTheFuture_failsTheRecordAlone() throws Exception {
        long tooLate = TestEvents.ARRIVAL + SampleTransformer.MAX_FUTURE_SKEW_MS + 1;
        assertFailsAlone(withRaw("ts", Long.toString(tooLate)), "more than 24 h after the record's arrival");
    }

    @Test
    void handleRequest_whenTsIsBefore2000_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("ts", "946684799999"), "before 2000-01-01");
    }

    @Test
    void handleRequest_whenTsIsInSeconds_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("ts", "1763900000"), "before 2000-01-01");
    }

    // --- service: repaired (sanitised partition key, the original kept in the data) or failed

    @Test
    void handleRequest_whenServiceClimbsDirectories_sanitisesThePartitionKey() throws Exception {
        assertEquals("x", okServiceKey("\"../../x\""));
    }

    @Test
    void handleRequest_whenServiceHasSlashes_sanitisesThePartitionKey() throws Exception {
        assertEquals("team-a-checkout", okServiceKey("\"/team/a//checkout/\""));
    }

    @Test
    void handleRequest_whenServiceIs10000Characters_boundsThePartitionKey() throws Exception {
        String key = okServiceKey("\"" + "Checkout".repeat(1250) + "\"");
        assertEquals(64, key.length());
        assertTrue(key.startsWith("checkoutcheckout"));
    }

    @Test
    void handleRequest_whenServiceHasEscapedControlCharacters_sanitisesThePartitionKey() throws Exception {
        assertEquals("check-out", okServiceKey("\"check\\u0000\\n\\u001bout\""));
    }

    @Test
    void handleRequest_whenServiceHasRawControlCharacters_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("service", "\"check\u0001out\""), "not valid JSON");
    }

    @Test
    void handleRequest_whenServiceHasNonUtf8Bytes_failsTheRecordAlone() throws Exception {
        byte[] bytes = withRawLine("service", "\"check\u00c3(out\"").getBytes(StandardCharsets.ISO_8859_1);
        assertFailsAlone(Base64.getEncoder().encodeToString(bytes), "Invalid UTF-8");
    }

    @Test
    void handleRequest_whenServiceIsOnlyDotsAndSlashes_partitionsUnderTheFallback() throws Exception {
        assertEquals("unknown", okServiceKey("\"../..//.\""));
    }

    @Test
    void handleRequest_whenServiceIsNotAString_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("service", "{\"name\":\"checkout\"}"), "column 'service' is string");
    }

    // --- values whose type does not fit the column

    @Test
    void handleRequest_whenBigintColumnHoldsAString_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("jvm_heap_used_bytes", "\"123456789\""),
                "column 'jvm_heap_used_bytes' is bigint and needs an integral number from -2^63 to 2^63-1 (or null); got a string");
    }

    @Test
    void handleRequest_whenBigintColumnHoldsADecimal_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("pid", "4242.5"), "column 'pid' is bigint");
    }

    @Test
    void handleRequest_whenIntColumnHoldsAnIntegralDecimal_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("schema_version", "1.0"),
                "column 'schema_version' is int and needs an integral number from -2^31 to 2^31-1 (or null);"
                        + " got the decimal number '1.0'");
    }

    @Test
    void handleRequest_whenDoubleColumnHoldsANumberInAString_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("host_cpu_utilization", "\"42\""),
                "column 'host_cpu_utilization' is double and needs a number (or null); got a string");
    }

    @Test
    void handleRequest_whenIntColumnIsOutOfRange_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("jvm_threads_live", "2147483648"),
                "column 'jvm_threads_live' is int and needs an integral number from -2^31 to 2^31-1");
    }

    @Test
    void handleRequest_whenDoubleColumnHoldsABoolean_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("host_cpu_utilization", "true"), "column 'host_cpu_utilization' is double");
    }

    @Test
    void handleRequest_whenStringColumnHoldsANumber_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("host", "42"), "column 'host' is string and needs a string");
    }

    @Test
    void handleRequest_whenTagsIsAnArray_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("tags", "[\"env=prod\"]"), "column 'tags' is map<string,string>");
    }

    @Test
    void handleRequest_whenTagValueIsNotAString_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("tags", "{\"env\":\"prod\",\"replicas\":3}"),
                "the value of key 'replicas' is the integer '3', but every value must be a string");
    }

    @Test
    void handleRequest_whenColumnAppearsTwice_failsTheRecordAlone() throws Exception {
        String line = sampleLine();
        assertFailsAlone(b64(line.substring(0, line.length() - 1) + ",\"pid\":1}"), "key 'pid' appears more than once");
    }

    @Test
    void handleRequest_whenKeyDiffersFromAColumnOnlyInCase_failsTheRecordAlone() throws Exception {
        String line = sampleLine();
        assertFailsAlone(b64(line.substring(0, line.length() - 1) + ",\"Host_CPU_Utilization\":\"high\"}"),
                "differs from column 'host_cpu_utilization' only in case");
    }

    // --- helpers

    static String b64(String sample) {
        return Base64.getEncoder().encodeToString(sample.getBytes(StandardCharsets.UTF_8));
    }

    /** The fixture line with the column's value replaced by raw JSON text. */
    static String withRawLine(String column, String rawValue) {
        ObjectNode sample = sampleTree();
        sample.put(column, "\u0000placeholder");
        return TestEvents.json(sample).replace("\"\\u0000placeholder\"", rawValue);
    }

    static String withRaw(String column, String rawValue) {
        return b64(withRawLine(column, rawValue));
    }

    /** An event of [good, bad, good] records, the bad one with this data (null: none). */
    private static byte[] goodBadGood(String data) {
        String good = b64(sampleLine());
        return TestEvents.event(List.of(new TestRecord("good-1", TestEvents.ARRIVAL, good),
                new TestRecord("bad", TestEvents.ARRIVAL, data), new TestRecord("good-2", TestEvents.ARRIVAL, good)));
    }

    static void assertFailsAlone(String data, String reasonFragment) throws Exception {
        assertFailsAlone(goodBadGood(data), data == null ? "" : data, reasonFragment);
    }

    /** Runs [good, bad, good]: the bad record fails with its data unchanged, the log names the problem. */
    private static void assertFailsAlone(byte[] event, String badData, String reasonFragment) throws Exception {
        CapturingContext context = new CapturingContext();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TestEvents.handler().handleRequest(new ByteArrayInputStream(event), out, context);
        ResponseContract.check(event, out.toByteArray());

        JsonNode records = TestEvents.MAPPER.readTree(out.toByteArray()).get("records");
        assertEquals("Ok", records.get(0).get("result").asText());
        assertEquals("ProcessingFailed", records.get(1).get("result").asText());
        assertEquals(badData, records.get(1).get("data").asText());
        assertEquals("Ok", records.get(2).get("result").asText());
        String logged = String.join("\n", context.lines);
        assertTrue(logged.contains("record bad ProcessingFailed: ") && logged.contains(reasonFragment),
                "log names the problem '" + reasonFragment + "': " + logged);
        assertTrue(logged.contains("1 of 3 records ProcessingFailed"), logged);
    }

    /** Runs one record with this raw service value; it must pass; returns its service partition key. */
    private static String okServiceKey(String rawService) throws Exception {
        List<JsonNode> records = TestEvents.invoke(TestEvents.event(List.of(
                new TestRecord("r", TestEvents.ARRIVAL, withRaw("service", rawService)))));
        assertEquals("Ok", records.get(0).get("result").asText());
        JsonNode data = TestEvents.decodeTree(records.get(0));
        assertEquals(TestEvents.MAPPER.readTree(rawService).asText(), data.get("service").asText(),
                "the service as sent stays in the data");
        return records.get(0).get("metadata").get("partitionKeys").get("service").asText();
    }
}
