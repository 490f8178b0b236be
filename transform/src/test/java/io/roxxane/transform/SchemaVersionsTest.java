package io.roxxane.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roxxane.schema.Column;
import io.roxxane.transform.TestEvents.TestRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fleet mid-upgrade: schema-1 and schema-2 samples in one event pass side by side. A column
 * means the same in every version, so a value is checked by its column's type whatever the
 * sample's schema_version says: a schema-1 sample that carries a schema-2 column keeps it when
 * the value fits and fails when it does not (it would otherwise fail the Parquet conversion).
 */
class SchemaVersionsTest {
    private static String schema1Line() {
        return new String(TestEvents.resource("samples/sample-schema-1.json"), StandardCharsets.UTF_8).strip();
    }

    @Test
    void schema1Fixture_hasExactlyTheSchema1Columns() throws Exception {
        JsonNode sample = TestEvents.MAPPER.readTree(schema1Line());
        for (Column column : Column.values()) {
            boolean expected = column.sinceVersion() == 1 && column != Column.ARRIVAL_TS;
            assertEquals(expected, sample.has(column.columnName()), column.columnName());
        }
        assertEquals(1, sample.get("schema_version").asInt());
        assertEquals(2, TestEvents.sampleTree().get("schema_version").asInt());
    }

    @Test
    void handleRequest_whenSchema1AndSchema2SamplesInOneEvent_keepsEachByteForByte() throws Exception {
        List<String> lines = List.of(schema1Line(), TestEvents.sampleLine(), schema1Line(), TestEvents.sampleLine());
        List<TestRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            records.add(TestRecord.of("r" + i, lines.get(i) + "\n"));
        }

        List<JsonNode> answers = TestEvents.invoke(TestEvents.event(records));

        for (int i = 0; i < lines.size(); i++) {
            assertEquals("Ok", answers.get(i).get("result").asText(), "record " + i);
            String line = lines.get(i);
            assertEquals(line.substring(0, line.length() - 1) + ",\"arrival_ts\":" + TestEvents.ARRIVAL + "}\n",
                    TestEvents.decode(answers.get(i)), "record " + i);
            assertEquals("checkout", answers.get(i).get("metadata").get("partitionKeys").get("service").asText());
        }
    }

    @Test
    void handleRequest_whenSchema1SampleCarriesAValidSchema2Column_keepsIt() throws Exception {
        String line = schema1Line();
        String withPools = line.substring(0, line.length() - 1)
                + ",\"jvm_memory_pools\":{\"G1 Old Gen\":{\"heap\":true,\"used_bytes\":1}},\"container_oom_kills\":0}";

        JsonNode answer = TestEvents.invoke(TestEvents.event(List.of(TestRecord.of("r", withPools)))).get(0);

        assertEquals("Ok", answer.get("result").asText());
        JsonNode data = TestEvents.decodeTree(answer);
        assertEquals(1, data.get("schema_version").asInt());
        assertEquals(1, data.get("jvm_memory_pools").get("G1 Old Gen").get("used_bytes").asLong());
    }

    @Test
    void handleRequest_whenSchema1SampleCarriesASchema2ColumnOfTheWrongShape_failsIt() throws Exception {
        String line = schema1Line();
        String bad = line.substring(0, line.length() - 1) + ",\"jvm_memory_pools\":[\"G1 Old Gen\"]}";
        CapturingContext context = new CapturingContext();

        JsonNode answer = TestEvents.MAPPER.readTree(TestEvents.invokeRaw(TestEvents.handler(),
                TestEvents.event(List.of(TestRecord.of("r", bad))), context)).get("records").get(0);

        assertEquals("ProcessingFailed", answer.get("result").asText());
        assertTrue(String.join("\n", context.lines).contains("column 'jvm_memory_pools' is map<string,struct<"),
                context.lines.toString());
    }

    @Test
    void handleRequest_whenSampleIsOfANewerSchema_passesItsUnknownColumnsThrough() throws Exception {
        String line = TestEvents.sampleLine().replace("\"schema_version\":2", "\"schema_version\":3");
        String newer = line.substring(0, line.length() - 1) + ",\"jvm_future_things\":{\"a b\":{\"x\":[1,2]}}}";

        JsonNode answer = TestEvents.invoke(TestEvents.event(List.of(TestRecord.of("r", newer)))).get(0);

        assertEquals("Ok", answer.get("result").asText());
        assertFalse(TestEvents.decodeTree(answer).get("jvm_future_things").isNull());
    }
}
