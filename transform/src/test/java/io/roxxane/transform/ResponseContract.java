package io.roxxane.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import io.roxxane.schema.PartitionKeys;
import io.roxxane.schema.PartitionRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The transform contract, checked on a request and its response independently of the
 * implementation: every record id once and in order; a known result; Ok data is one
 * newline-terminated JSON object whose known columns have their types, with arrival_ts and ts;
 * partition keys present, safe and equal to the schema's rule for the sample.
 */
final class ResponseContract {
    private static final Set<String> RESULTS = Set.of("Ok", "Dropped", "ProcessingFailed");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9_][a-z0-9_.-]{0,63}");

    private ResponseContract() {
    }

    static void check(byte[] event, byte[] response) throws IOException {
        JsonNode request = TestEvents.MAPPER.readTree(event);
        JsonNode answer = TestEvents.MAPPER.readTree(response);
        assertEquals(List.of("records"), fieldNames(answer), "response fields");
        JsonNode in = request.get("records");
        JsonNode out = answer.get("records");
        assertEquals(in.size(), out.size(), "one response record per input record");
        for (int i = 0; i < in.size(); i++) {
            checkRecord(in.get(i), out.get(i), i);
        }
    }

    private static void checkRecord(JsonNode in, JsonNode out, int i) throws IOException {
        String where = "records[" + i + "] ";
        assertEquals(in.get("recordId").asText(), out.get("recordId").asText(), where + "recordId, in order");
        String result = out.path("result").asText(null);
        assertTrue(RESULTS.contains(result), where + "result " + result);
        assertTrue(out.get("data").isTextual(), where + "data is a string");
        if (!"Ok".equals(result)) {
            String original = in.has("data") && !in.get("data").isNull() ? in.get("data").asText() : "";
            assertEquals(original, out.get("data").asText(), where + "failed data comes back unchanged");
            return;
        }
        long arrival = in.hasNonNull("approximateArrivalTimestamp")
                ? in.get("approximateArrivalTimestamp").asLong() : TestEvents.NOW;
        byte[] bytes = Base64.getDecoder().decode(out.get("data").asText());
        String line = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(line.endsWith("\n"), where + "ends with a newline");
        assertEquals(line.length() - 1, line.indexOf('\n'), where + "one line");
        assertFalse(line.contains("\r"), where + "no carriage return");
        JsonNode sample = singleObject(bytes, where);
        checkColumnTypes(sample, where);
        assertEquals(arrival, sample.get("arrival_ts").asLong(), where + "arrival_ts");
        assertTrue(sample.get("ts").isIntegralNumber(), where + "ts present");
        long ts = sample.get("ts").asLong();
        assertTrue(ts >= PartitionRule.MIN_TS_MS && ts <= SampleTransformer.latestTs(arrival), where + "ts range");
        JsonNode keys = out.path("metadata").path("partitionKeys");
        assertEquals(PartitionRule.KEYS, fieldNames(keys), where + "partition keys");
        String service = sample.hasNonNull("service") ? sample.get("service").asText() : null;
        PartitionKeys expected = PartitionRule.keysFor(service, ts);
        assertEquals(expected.service(), keys.get("service").asText(), where + "service key");
        assertEquals(expected.year(), keys.get("year").asText(), where + "year key");
        assertEquals(expected.month(), keys.get("month").asText(), where + "month key");
        assertEquals(expected.day(), keys.get("day").asText(), where + "day key");
        assertEquals(expected.hour(), keys.get("hour").asText(), where + "hour key");
        String serviceKey = keys.get("service").asText();
        assertTrue(SERVICE.matcher(serviceKey).matches() && !serviceKey.contains(".."), where + "safe service " + serviceKey);
        assertTrue(keys.get("year").asText().matches("\\d{4}"), where + "year");
        assertTrue(keys.get("month").asText().matches("0[1-9]|1[0-2]"), where + "month");
        assertTrue(keys.get("day").asText().matches("0[1-9]|[12]\\d|3[01]"), where + "day");
        assertTrue(keys.get("hour").asText().matches("[01]\\d|2[0-3]"), where + "hour");
    }

    private static JsonNode singleObject(byte[] bytes, String where) throws IOException {
        try (JsonParser parser = TestEvents.MAPPER.createParser(bytes)) {
            JsonNode node = TestEvents.MAPPER.readTree(parser);
            assertNotNull(node, where + "data holds JSON");
            assertTrue(node.isObject(), where + "data is an object");
            assertNull(parser.nextToken(), where + "nothing after the object");
            return node;
        }
    }

    /** Independent of ColumnValues: what the Parquet conversion needs of each known column. */
    static void checkColumnTypes(JsonNode sample, String where) {
        Iterator<Map.Entry<String, JsonNode>> fields = sample.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Column column = Column.byName(field.getKey());
            JsonNode value = field.getValue();
            if (column == null || value.isNull()) {
                continue;
            }
            boolean fits = fits(column.type(), value);
            if (!fits) {
                fail(where + "column " + column.columnName() + " has value " + value);
            }
        }
    }

    /** Whether a value (not null) fits a type as the Parquet conversion reads it; map values never null. */
    static boolean fits(ColumnType type, JsonNode value) {
        switch (type.kind()) {
            case BIGINT:
                return value.isIntegralNumber() && value.canConvertToLong();
            case INT:
                return value.isIntegralNumber() && value.canConvertToInt();
            case DOUBLE:
                return value.isNumber();
            case BOOLEAN:
                return value.isBoolean();
            case STRING:
                return value.isTextual();
            case MAP:
                boolean all = value.isObject();
                for (JsonNode entry : value) {
                    all &= !entry.isNull() && fits(type.valueType(), entry);
                }
                return all;
            case STRUCT:
                boolean known = value.isObject();
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                while (known && fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    ColumnType fieldType = type.fields().get(field.getKey());
                    known = fieldType != null && (field.getValue().isNull() || fits(fieldType, field.getValue()));
                }
                return known;
            default:
                return false;
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
