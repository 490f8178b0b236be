package io.roxxane.transform;

import static io.roxxane.transform.BadRecordTest.assertFailsAlone;
import static io.roxxane.transform.BadRecordTest.withRaw;
import static io.roxxane.transform.BadRecordTest.withRawLine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.roxxane.transform.TestEvents.TestRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The map and struct columns of schema 2 (memory pools, collectors, interfaces, disks, file
 * systems): each bad value fails its record alone, naming the column, the key and the field; the
 * shapes the agent writes pass unchanged.
 */
class NestedValueTest {
    @Test
    void handleRequest_whenStructFieldHasTheWrongType_namesColumnKeyAndField() throws Exception {
        assertFailsAlone(withRaw("jvm_memory_pools", "{\"G1 Old Gen\":{\"heap\":true,\"used_bytes\":\"40 MB\"}}"),
                "column 'jvm_memory_pools', key 'G1 Old Gen': field 'used_bytes' is bigint and needs an integral number"
                        + " from -2^63 to 2^63-1 (or null); got a string");
    }

    @Test
    void handleRequest_whenBooleanFieldHoldsANumber_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("jvm_memory_pools", "{\"Metaspace\":{\"heap\":0}}"),
                "column 'jvm_memory_pools', key 'Metaspace': field 'heap' is boolean and needs true or false (or null);"
                        + " got the integer '0'");
    }

    @Test
    void handleRequest_whenStructFieldIsDecimal_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("jvm_gc_pauses", "{\"G1 Young Generation\":{\"count\":1,\"time_ms\":4.5}}"),
                "key 'G1 Young Generation': field 'time_ms' is bigint");
    }

    @Test
    void handleRequest_whenStructHasAnUnknownField_namesItAndTheKnownOnes() throws Exception {
        assertFailsAlone(withRaw("host_disks", "{\"nvme0n1\":{\"reads\":1,\"queue_depth\":3}}"),
                "column 'host_disks', key 'nvme0n1': unknown field 'queue_depth'; the fields are read_bytes, write_bytes,"
                        + " reads, writes, io_time_ms (each optional)");
    }

    @Test
    void handleRequest_whenStructFieldDiffersOnlyInCase_isAnUnknownField() throws Exception {
        assertFailsAlone(withRaw("jvm_gc_pauses", "{\"ZGC Pauses\":{\"Count\":1}}"), "unknown field 'Count'");
    }

    @Test
    void handleRequest_whenStructFieldAppearsTwice_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("jvm_gc_concurrent", "{\"ZGC Cycles\":{\"count\":1,\"count\":2}}"),
                "column 'jvm_gc_concurrent', key 'ZGC Cycles': field 'count' appears more than once");
    }

    @Test
    void handleRequest_whenStructFieldIsAnObject_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("host_file_systems", "{\"/\":{\"device\":{\"name\":\"/dev/sda1\"}}}"),
                "column 'host_file_systems', key '/': field 'device' is string and needs a string (or null); got an object");
    }

    @Test
    void handleRequest_whenMapColumnIsNotAnObject_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("host_network_interfaces", "[{\"eth0\":{}}]"),
                "column 'host_network_interfaces' is map<string,struct<rx_bytes:bigint,");
        assertFailsAlone(withRaw("jvm_memory_pools", "\"G1 Eden Space\""), "and needs an object whose values are each"
                + " an object with some of the fields heap, used_bytes, committed_bytes, max_bytes, used_after_gc_bytes"
                + " (or null); got a string");
    }

    @Test
    void handleRequest_whenMapValueIsNotAnObject_namesTheKey() throws Exception {
        assertFailsAlone(withRaw("jvm_memory_pools", "{\"G1 Eden Space\":75497472}"),
                "the value of key 'G1 Eden Space' is the integer '75497472', but every value must be an object");
    }

    @Test
    void handleRequest_whenMapValueIsNull_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("host_disks", "{\"sda\":null}"), "the value of key 'sda' is null, but every value must be");
        assertFailsAlone(withRaw("resource_attributes", "{\"k8s.pod.uid\":null}"),
                "column 'resource_attributes' is map<string,string>: the value of key 'k8s.pod.uid' is null");
    }

    @Test
    void handleRequest_whenMapKeyAppearsTwice_failsTheRecordAlone() throws Exception {
        assertFailsAlone(withRaw("jvm_gc_pauses", "{\"G1 Young Generation\":{\"count\":1},\"G1 Young Generation\":{}}"),
                "column 'jvm_gc_pauses': key 'G1 Young Generation' appears more than once");
    }

    @Test
    void handleRequest_whenBooleanColumnIsAString_failsTheRecordAlone() throws Exception {
        // No scalar column of schema 2 is boolean; the struct field is the only place booleans appear.
        assertFailsAlone(withRaw("jvm_memory_pools", "{\"Metaspace\":{\"heap\":\"false\"}}"), "field 'heap' is boolean");
    }

    /** Keys are any string: spaces, quotes, slashes, dots, non-ASCII, empty; fields may be absent or null; maps may be empty. */
    @Test
    void handleRequest_whenNestedValuesAreOddButValid_keepsThemByteForByte() throws Exception {
        String pools = "{\"CodeHeap 'non-nmethods'\":{\"heap\":false,\"used_bytes\":1},\"G1 Eden Space\":{},"
                + "\"PS Survivor\\u0020Space\":{\"max_bytes\":null,\"heap\":true},\"\":{\"used_bytes\":-1},"
                + "\"Ťažký \\\"pool\\\"\":{\"used_after_gc_bytes\":9223372036854775807}}";
        String fileSystems = "{\"/var/lib/my data\":{\"type\":\"ext4\"},\"C:\\\\\":{\"device\":\"\\\\\\\\.\\\\C:\"}}";
        for (String[] columnAndValue : List.of(new String[] {"jvm_memory_pools", pools},
                new String[] {"host_file_systems", fileSystems}, new String[] {"host_disks", "{}"},
                new String[] {"jvm_gc_pauses", "null"})) {
            String line = withRawLine(columnAndValue[0], columnAndValue[1]);
            List<JsonNode> records = TestEvents.invoke(TestEvents.event(List.of(TestRecord.of("r", line))));

            assertEquals("Ok", records.get(0).get("result").asText(), columnAndValue[0]);
            assertEquals(line.substring(0, line.length() - 1) + ",\"arrival_ts\":" + TestEvents.ARRIVAL + "}\n",
                    TestEvents.decode(records.get(0)), columnAndValue[0]);
        }
    }
}
