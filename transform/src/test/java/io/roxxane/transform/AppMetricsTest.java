package io.roxxane.transform;

import static io.roxxane.transform.BadRecordTest.assertFailsAlone;
import static io.roxxane.transform.BadRecordTest.withRaw;
import static io.roxxane.transform.BadRecordTest.withRawLine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.roxxane.transform.TestEvents.TestRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code app_metrics} (issue 22), a map of structs one of whose fields, {@code labels}, is a map of
 * strings, and {@code agent_jmx_skipped}: what the agent writes passes byte for byte; each bad value
 * fails its record alone, the reason naming the column, the series key, the field and, inside the
 * labels, the label.
 */
class AppMetricsTest {
    private static final String BUSY = "tomcat.thread.busy.count{tomcat.thread.pool.name=http-nio-8080}";

    /** One entry under {@link #BUSY}, with these fields as raw JSON. */
    private static String entry(String fields) {
        return "{\"" + BUSY + "\":{" + fields + "}}";
    }

    @Test
    void handleRequest_whenLabelValueIsNotAString_namesColumnKeyFieldAndLabel() throws Exception {
        assertFailsAlone(withRaw("app_metrics", entry("\"name\":\"tomcat.thread.busy.count\",\"labels\":"
                        + "{\"tomcat.thread.pool.name\":8080},\"type\":\"gauge\",\"value\":7.0")),
                "column 'app_metrics', key '" + BUSY + "', field 'labels' is map<string,string>: the value of key"
                        + " 'tomcat.thread.pool.name' is the integer '8080', but every value must be a string");
    }

    @Test
    void handleRequest_whenLabelValueIsNullOrAnObject_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("app_metrics", entry("\"labels\":{\"pool\":null}")),
                "field 'labels' is map<string,string>: the value of key 'pool' is null, but every value must be a string");
        assertFailsAlone(withRaw("app_metrics", entry("\"labels\":{\"pool\":{\"name\":\"a\"}}")),
                "field 'labels' is map<string,string>: the value of key 'pool' is an object, but every value must be a string");
    }

    @Test
    void handleRequest_whenLabelAppearsTwice_namesTheLabel() throws Exception {
        assertFailsAlone(withRaw("app_metrics", entry("\"labels\":{\"pool\":\"a\",\"pool\":\"b\"}")),
                "column 'app_metrics', key '" + BUSY + "', field 'labels': key 'pool' appears more than once");
    }

    @Test
    void handleRequest_whenLabelsIsNotAnObject_namesTheField() throws Exception {
        assertFailsAlone(withRaw("app_metrics", entry("\"labels\":[\"pool=a\"]")),
                "column 'app_metrics', key '" + BUSY + "': field 'labels' is map<string,string> and needs an object"
                        + " whose values are strings (or null); got an array");
        assertFailsAlone(withRaw("app_metrics", entry("\"labels\":\"pool=a\"")), "field 'labels' is map<string,string>");
    }

    @Test
    void handleRequest_whenValueIsNotANumber_namesTheField() throws Exception {
        assertFailsAlone(withRaw("app_metrics", entry("\"value\":\"7\"")),
                "column 'app_metrics', key '" + BUSY + "': field 'value' is double and needs a number (or null); got a string");
        assertFailsAlone(withRaw("app_metrics", entry("\"value\":true")), "field 'value' is double");
        assertFailsAlone(withRaw("app_metrics", entry("\"value\":[7]")), "field 'value' is double");
    }

    @Test
    void handleRequest_whenNameOrTypeIsNotAString_namesTheField() throws Exception {
        assertFailsAlone(withRaw("app_metrics", entry("\"type\":1")),
                "field 'type' is string and needs a string (or null); got the integer '1'");
        assertFailsAlone(withRaw("app_metrics", entry("\"name\":{\"text\":\"x\"}")), "field 'name' is string");
    }

    @Test
    void handleRequest_whenEntryHasAFieldOfNoStruct_namesTheFields() throws Exception {
        assertFailsAlone(withRaw("app_metrics", entry("\"value\":7.0,\"unit\":\"threads\"")),
                "key '" + BUSY + "': unknown field 'unit'; the fields are name, labels, type, value (each optional)");
        assertFailsAlone(withRaw("app_metrics", entry("\"Value\":7.0")), "unknown field 'Value'");
        assertFailsAlone(withRaw("app_metrics", entry("\"value\":7.0,\"value\":8.0")), "field 'value' appears more than once");
    }

    @Test
    void handleRequest_whenEntryIsNotAnObject_namesTheKey() throws Exception {
        assertFailsAlone(withRaw("app_metrics", "{\"" + BUSY + "\":7.0}"),
                "column 'app_metrics' is map<string,struct<name:string,labels:map<string,string>,type:string,value:double>>:"
                        + " the value of key '" + BUSY + "' is the decimal number '7.0', but every value must be an object"
                        + " with some of the fields name, labels, type, value");
        assertFailsAlone(withRaw("app_metrics", "{\"" + BUSY + "\":null}"), "the value of key '" + BUSY + "' is null");
        assertFailsAlone(withRaw("app_metrics", "[{\"name\":\"x\"}]"), "column 'app_metrics' is map<string,struct<");
    }

    @Test
    void handleRequest_whenJmxSkippedIsNotABigint_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("agent_jmx_skipped", "1.5"), "column 'agent_jmx_skipped' is bigint and needs an integral number");
        assertFailsAlone(withRaw("agent_jmx_skipped", "\"3\""), "column 'agent_jmx_skipped' is bigint");
        assertFailsAlone(withRaw("agent_jmx_skipped", "9223372036854775808"), "column 'agent_jmx_skipped' is bigint");
    }

    /**
     * What the agent and a jmx_config rule may write: no labels, an escaped comma in a key, a
     * non-ASCII label, integral, negative and exponent values, a null value, absent fields, a type
     * outside counter/gauge/untyped (its vocabulary is the agent's; the table's type is string), an
     * empty map, the column null.
     */
    @Test
    void handleRequest_whenAppMetricsAreOddButValid_keepsThemByteForByte() throws Exception {
        String odd = "{\"orders_queue_depth\":{\"name\":\"orders_queue_depth\",\"labels\":{},\"type\":\"untyped\",\"value\":3},"
                + "\"cache_size{cache=orders\\\\,eu}\":{\"name\":\"cache_size\",\"labels\":{\"cache\":\"orders,eu\"},\"value\":-1.5E9},"
                + "\"q{région=Île-de-France,\\\"x\\\"=}\":{\"labels\":{\"région\":\"Île-de-France\",\"\\\"x\\\"\":\"\"},\"value\":null},"
                + "\"\":{},\"h\":{\"name\":\"h\",\"type\":\"summary\",\"value\":0.25}}";
        List<String[]> cases = List.of(new String[] {"app_metrics", odd}, new String[] {"app_metrics", "{}"},
                new String[] {"app_metrics", "null"}, new String[] {"agent_jmx_skipped", "9223372036854775807"});
        for (String[] columnAndValue : cases) {
            String line = withRawLine(columnAndValue[0], columnAndValue[1]);
            List<JsonNode> records = TestEvents.invoke(TestEvents.event(List.of(TestRecord.of("r", line))));

            assertEquals("Ok", records.get(0).get("result").asText(), columnAndValue[1]);
            assertEquals(line.substring(0, line.length() - 1) + ",\"arrival_ts\":" + TestEvents.ARRIVAL + "}\n",
                    TestEvents.decode(records.get(0)), columnAndValue[1]);
        }
    }

    /** Issue 18's rule: a column means the same in every version, so a schema-1 sample may carry it. */
    @Test
    void handleRequest_whenSchema1SampleCarriesAppMetrics_checksThemByTheirType() throws Exception {
        String schema1 = new String(TestEvents.resource("samples/sample-schema-1.json"), StandardCharsets.UTF_8).strip();
        String good = schema1.substring(0, schema1.length() - 1) + ",\"app_metrics\":" + entry("\"value\":7.0") + "}";
        String bad = schema1.substring(0, schema1.length() - 1) + ",\"app_metrics\":" + entry("\"labels\":{\"a\":1}") + "}";

        List<JsonNode> records = TestEvents.invoke(TestEvents.event(List.of(TestRecord.of("good", good), TestRecord.of("bad", bad))));

        assertEquals("Ok", records.get(0).get("result").asText());
        assertEquals(7.0, TestEvents.decodeTree(records.get(0)).get("app_metrics").get(BUSY).get("value").asDouble());
        assertEquals("ProcessingFailed", records.get(1).get("result").asText());
    }
}
