package io.roxxane.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Builds transformation events in the recorded Firehose shape and runs the handler on them. */
final class TestEvents {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** What the test handler's clock says: stands in for missing arrival timestamps. */
    static final long NOW = 1_763_900_040_000L;
    static final long ARRIVAL = 1_763_900_031_512L;

    private TestEvents() {
    }

    /** One record of an event; {@code data} null leaves the field out, {@code arrival} null too. */
    record TestRecord(String recordId, Long arrival, String data) {
        static TestRecord of(String recordId, byte[] sample) {
            return new TestRecord(recordId, ARRIVAL, Base64.getEncoder().encodeToString(sample));
        }

        static TestRecord of(String recordId, String sample) {
            return of(recordId, sample.getBytes(StandardCharsets.UTF_8));
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = TestEvents.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture sample with every column, as one line without the newline. */
    static String sampleLine() {
        return new String(resource("samples/sample-all-columns.json"), StandardCharsets.UTF_8).strip();
    }

    /** The fixture sample as a mutable tree. */
    static ObjectNode sampleTree() {
        try {
            return (ObjectNode) MAPPER.readTree(sampleLine());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An event with the recorded envelope of the 3-sample fixture and these records. */
    static byte[] event(List<TestRecord> records) {
        try {
            ObjectNode event = (ObjectNode) MAPPER.readTree(resource("events/firehose-event-3-samples.json"));
            ArrayNode array = event.putArray("records");
            for (TestRecord record : records) {
                ObjectNode node = array.addObject();
                node.put("recordId", record.recordId());
                if (record.arrival() != null) {
                    node.put("approximateArrivalTimestamp", record.arrival());
                }
                if (record.data() != null) {
                    node.put("data", record.data());
                }
            }
            return MAPPER.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A handler whose clock is {@link #NOW}. */
    static FirehoseTransformHandler handler() {
        return new FirehoseTransformHandler(() -> NOW, FirehoseTransformHandler.DEFAULT_RESPONSE_LIMIT_BYTES);
    }

    static byte[] invokeRaw(FirehoseTransformHandler handler, byte[] event) throws IOException {
        return invokeRaw(handler, event, null);
    }

    static byte[] invokeRaw(FirehoseTransformHandler handler, byte[] event,
            com.amazonaws.services.lambda.runtime.Context context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, context);
        return out.toByteArray();
    }

    /** Runs the handler and checks the whole response contract; returns the response's records. */
    static List<JsonNode> invoke(byte[] event) throws IOException {
        byte[] response = invokeRaw(handler(), event);
        ResponseContract.check(event, response);
        List<JsonNode> records = new ArrayList<>();
        MAPPER.readTree(response).get("records").forEach(records::add);
        return records;
    }

    static String decode(JsonNode record) {
        return new String(Base64.getDecoder().decode(record.get("data").asText()), StandardCharsets.UTF_8);
    }

    static JsonNode decodeTree(JsonNode record) throws IOException {
        return MAPPER.readTree(decode(record));
    }
}
