package io.roxxane.transform;

import static io.roxxane.transform.TestEvents.ARRIVAL;
import static io.roxxane.transform.TestEvents.decode;
import static io.roxxane.transform.TestEvents.decodeTree;
import static io.roxxane.transform.TestEvents.event;
import static io.roxxane.transform.TestEvents.invoke;
import static io.roxxane.transform.TestEvents.resource;
import static io.roxxane.transform.TestEvents.sampleLine;
import static io.roxxane.transform.TestEvents.sampleTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roxxane.schema.Column;
import io.roxxane.transform.TestEvents.TestRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Good input and the documented repairs. */
class FirehoseTransformHandlerTest {
    @Test
    void handleRequest_whenRecordedEvent_returnsEveryRecordOkWithPartitionKeys() throws Exception {
        List<JsonNode> records = invoke(resource("events/firehose-event-3-samples.json"));

        assertEquals(3, records.size());
        for (JsonNode record : records) {
            assertEquals("Ok", record.get("result").asText());
            JsonNode keys = record.get("metadata").get("partitionKeys");
            assertEquals("checkout", keys.get("service").asText());
            assertEquals("2025", keys.get("year").asText());
            assertEquals("11", keys.get("month").asText());
            assertEquals("23", keys.get("day").asText());
            assertEquals("12", keys.get("hour").asText());
        }
        assertEquals(1763900031513L, decodeTree(records.get(1)).get("arrival_ts").asLong());
    }

    @Test
    void handleRequest_whenSampleHasEveryColumn_keepsItByteForByteAndAppendsArrivalTs() throws Exception {
        String line = sampleLine();
        List<JsonNode> records = invoke(event(List.of(TestRecord.of("r1", line + "\n"))));

        String expected = line.substring(0, line.length() - 1) + ",\"arrival_ts\":" + ARRIVAL + "}\n";
        assertEquals(expected, decode(records.get(0)));
    }

    /**
     * The response's base64 reuses the record's own leading characters: whatever the line's length
     * modulo 3 and with or without leading whitespace, the data is exactly the expected line's
     * base64.
     */
    @Test
    void handleRequest_forEveryLengthModuloThree_encodesExactlyTheExpectedLine() throws Exception {
        String line = sampleLine();
        for (String lead : List.of("", " ", "  ")) {
            for (String pad : List.of("", "x", "xy", "xyz")) {
                String sample = lead + line.substring(0, line.length() - 1) + ",\"note\":\"" + pad + "\"}";
                List<JsonNode> records = invoke(event(List.of(TestRecord.of("r1", sample + "\n"))));

                String expected = line.substring(0, line.length() - 1) + ",\"note\":\"" + pad + "\",\"arrival_ts\":"
                        + ARRIVAL + "}\n";
                assertEquals(java.util.Base64.getEncoder().encodeToString(
                        expected.getBytes(java.nio.charset.StandardCharsets.UTF_8)), records.get(0).get("data").asText(),
                        "lead '" + lead + "', pad '" + pad + "'");
            }
        }
    }

    @Test
    void handleRequest_whenKinesisSourceEvent_ignoresTheExtraFields() throws Exception {
        List<JsonNode> records = invoke(resource("events/firehose-event-kinesis-source.json"));

        assertEquals("Ok", records.get(0).get("result").asText());
        assertEquals("orders-api", records.get(0).get("metadata").get("partitionKeys").get("service").asText());
    }

    @Test
    void handleRequest_whenCalledWithNullContext_writesTheResponse() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FirehoseTransformHandler().handleRequest(
                new ByteArrayInputStream(resource("events/firehose-event-3-samples.json")), out, null);
        ResponseContract.check(resource("events/firehose-event-3-samples.json"), out.toByteArray());
    }

    @Test
    void handleRequest_whenRecordsArrayIsEmpty_returnsEmptyRecords() throws Exception {
        byte[] out = TestEvents.invokeRaw(TestEvents.handler(), event(List.of()));
        assertEquals("{\"records\":[]}", new String(out, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void handleRequest_whenTsMissing_repairsItWithTheArrivalTime() throws Exception {
        ObjectNode sample = sampleTree();
        sample.remove("ts");
        List<JsonNode> records = invoke(event(List.of(TestRecord.of("r1", TestEvents.json(sample)))));

        assertEquals("Ok", records.get(0).get("result").asText());
        assertEquals(ARRIVAL, decodeTree(records.get(0)).get("ts").asLong());
    }

    @Test
    void handleRequest_whenTsNull_repairsItWithTheArrivalTime() throws Exception {
        ObjectNode sample = sampleTree();
        sample.putNull("ts");
        List<JsonNode> records = invoke(event(List.of(TestRecord.of("r1", TestEvents.json(sample)))));

        assertEquals(ARRIVAL, decodeTree(records.get(0)).get("ts").asLong());
        assertFalse(decode(records.get(0)).contains("\"ts\":null"));
    }

    @Test
    void handleRequest_whenArrivalTimestampMissing_usesTheClock() throws Exception {
        byte[] event = event(List.of(new TestRecord("r1", null,
                java.util.Base64.getEncoder().encodeToString(sampleLine().getBytes()))));
        List<JsonNode> records = invoke(event);

        assertEquals(TestEvents.NOW, decodeTree(records.get(0)).get("arrival_ts").asLong());
    }

    @Test
    void handleRequest_whenArrivalTimestampNull_usesTheClock() throws Exception {
        ObjectNode event = (ObjectNode) TestEvents.MAPPER.readTree(event(List.of(TestRecord.of("r1", sampleLine()))));
        ((ObjectNode) event.get("records").get(0)).putNull("approximateArrivalTimestamp");
        List<JsonNode> records = invoke(TestEvents.MAPPER.writeValueAsBytes(event));

        assertEquals(TestEvents.NOW, decodeTree(records.get(0)).get("arrival_ts").asLong());
    }

    @Test
    void handleRequest_whenServiceNull_partitionsUnderTheFallback() throws Exception {
        ObjectNode sample = sampleTree();
        sample.putNull("service");
        List<JsonNode> records = invoke(event(List.of(TestRecord.of("r1", TestEvents.json(sample)))));

        assertEquals("unknown", records.get(0).get("metadata").get("partitionKeys").get("service").asText());
        assertTrue(decodeTree(records.get(0)).get("service").isNull(), "null stays null in the data");
    }

    @Test
    void handleRequest_whenServiceMissing_partitionsUnderTheFallback() throws Exception {
        ObjectNode sample = sampleTree();
        sample.remove("service");
        List<JsonNode> records = invoke(event(List.of(TestRecord.of("r1", TestEvents.json(sample)))));

        assertEquals("unknown", records.get(0).get("metadata").get("partitionKeys").get("service").asText());
    }

    @Test
    void handleRequest_whenSampleHasItsOwnArrivalTs_replacesIt() throws Exception {
        ObjectNode sample = sampleTree();
        sample.put("arrival_ts", 42L);
        List<JsonNode> records = invoke(event(List.of(TestRecord.of("r1", TestEvents.json(sample)))));

        String line = decode(records.get(0));
        assertEquals(line.indexOf("arrival_ts"), line.lastIndexOf("arrival_ts"), "one arrival_ts");
        assertEquals(ARRIVAL, decodeTree(records.get(0)).get("arrival_ts").asLong());
    }

    @Test
    void handleRequest_whenSampleSpansLines_returnsItAsOneLine() throws Exception {
        String pretty = TestEvents.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(sampleTree());
        assertTrue(pretty.contains("\n"));
        List<JsonNode> records = invoke(event(List.of(TestRecord.of("r1", "\r\n" + pretty.replace("\n", "\r\n")))));

        assertEquals("Ok", records.get(0).get("result").asText());
        ObjectNode expected = sampleTree();
        expected.put("arrival_ts", ARRIVAL);
        assertEquals(expected, decodeTree(records.get(0)));
    }

    @Test
    void handleRequest_whenUnknownKeys_passesThemThroughUntouched() throws Exception {
        String line = sampleLine();
        String extra = "\"custom\":{\"nested\":[1,\"two\",{\"three\":null}]},\"ratio\":1.5e3,\"note\":\"caf\u00e9\"";
        String sample = "{" + extra + "," + line.substring(1);
        List<JsonNode> records = invoke(event(List.of(TestRecord.of("r1", sample))));

        assertEquals("Ok", records.get(0).get("result").asText());
        assertTrue(decode(records.get(0)).startsWith("{" + extra + ","));
    }

    @Test
    void handleRequest_whenColumnsAreNull_keepsThemAsNull() throws Exception {
        ObjectNode sample = sampleTree();
        for (Column column : Column.values()) {
            if (column != Column.TS && column != Column.ARRIVAL_TS) {
                sample.putNull(column.columnName());
            }
        }
        List<JsonNode> records = invoke(event(List.of(TestRecord.of("r1", TestEvents.json(sample)))));

        JsonNode out = decodeTree(records.get(0));
        assertEquals("Ok", records.get(0).get("result").asText());
        assertTrue(out.get("jvm_heap_max_bytes").isNull());
        assertTrue(out.get("tags").isNull());
        assertEquals("unknown", records.get(0).get("metadata").get("partitionKeys").get("service").asText());
    }

    @Test
    void handleRequest_whenServicesAndHoursDiffer_partitionsEachSampleByItsOwn() throws Exception {
        ObjectNode a = sampleTree();
        a.put("service", "Checkout");
        a.put("ts", 1_763_899_199_999L); // 2025-11-23T11:59:59.999Z
        ObjectNode b = sampleTree();
        b.put("service", "billing");
        b.put("ts", 1_763_899_200_000L); // 12:00:00.000Z
        ObjectNode c = a.deepCopy();
        c.put("ts", 1_763_856_000_000L); // 2025-11-23T00:00:00Z
        List<JsonNode> records = invoke(event(List.of(TestRecord.of("a", TestEvents.json(a)),
                TestRecord.of("b", TestEvents.json(b)), TestRecord.of("c", TestEvents.json(c)))));

        assertEquals("checkout/11", key(records.get(0)));
        assertEquals("billing/12", key(records.get(1)));
        assertEquals("checkout/00", key(records.get(2)));
    }

    @Test
    void handleRequest_whenDataComesFirstAndIsEscaped_readsItAsItsStringValue() throws Exception {
        String base64 = java.util.Base64.getEncoder().encodeToString((sampleLine() + "\n").getBytes());
        String escaped = String.format("\\u%04x", (int) base64.charAt(0)) + base64.substring(1).replace("/", "\\/");
        String event = "{\"records\":[ {\"data\" : \"" + escaped + "\" ,\"approximateArrivalTimestamp\":" + ARRIVAL
                + ",\"recordId\":\"r1\"},{\"recordId\":\"r2\",\"approximateArrivalTimestamp\":" + ARRIVAL
                + ",\"data\":\"" + base64 + "\"\n}\t]}";
        List<JsonNode> records = invoke(event.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertEquals("Ok", records.get(0).get("result").asText());
        assertEquals("Ok", records.get(1).get("result").asText());
        assertEquals(decode(records.get(1)), decode(records.get(0)));
    }

    @Test
    void handleRequest_whenDone_leavesTheCallersStreamsOpen() throws Exception {
        boolean[] closed = new boolean[2];
        ByteArrayInputStream in = new ByteArrayInputStream(resource("events/firehose-event-3-samples.json")) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[1] = true;
            }
        };
        TestEvents.handler().handleRequest(in, out, null);

        assertFalse(closed[0] || closed[1], "input closed " + closed[0] + ", output closed " + closed[1]);
        ResponseContract.check(resource("events/firehose-event-3-samples.json"), out.toByteArray());
    }

    private static String key(JsonNode record) {
        JsonNode keys = record.get("metadata").get("partitionKeys");
        return keys.get("service").asText() + "/" + keys.get("hour").asText();
    }
}
