package io.roxxane.agent.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.schema.Column;
import io.roxxane.schema.NestedTypes;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleEncoderTest {

    @Test
    void encode_writesOneFlatLineInSchemaOrder() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("env", "prod");
        tags.put("quote", "a\"b\nc");
        Sample sample = new Sample()
                .set(Column.JVM_HEAP_USED_BYTES, 42L)
                .set(Column.TS, 1_700_000_000_000L)
                .set(Column.SERVICE, "checkout")
                .set(Column.TAGS, tags)
                .set(Column.HOST_CPU_UTILIZATION, 0.25)
                .set(Column.SCHEMA_VERSION, 1);
        String line = new String(new SampleEncoder().encode(sample), StandardCharsets.UTF_8);
        assertEquals("{\"ts\":1700000000000,\"service\":\"checkout\",\"schema_version\":1,"
                + "\"tags\":{\"env\":\"prod\",\"quote\":\"a\\\"b\\nc\"},\"host_cpu_utilization\":0.25,"
                + "\"jvm_heap_used_bytes\":42}\n", line);
        assertEquals(1, line.split("\n", -1).length - 1, "exactly one newline, at the end");
    }

    @Test
    void encode_manySamplesWithOneEncoder_eachIsAWholeLineOfItsOwn() {
        SampleEncoder encoder = new SampleEncoder();
        for (long seq = 0; seq < 3; seq++) {
            Sample sample = new Sample().set(Column.TS, 1_700_000_000_000L + seq).set(Column.SEQ, seq);
            String line = new String(encoder.encode(sample), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals("{\"ts\":" + (1_700_000_000_000L + seq) + ",\"seq\":" + seq + "}\n", line);
        }
    }

    @Test
    void set_nonFiniteDouble_leavesColumnAbsent() {
        Sample sample = new Sample().set(Column.HOST_LOAD_1M, Double.NaN).set(Column.HOST_LOAD_5M, Double.POSITIVE_INFINITY);
        assertEquals("{}\n", new String(new SampleEncoder().encode(sample), StandardCharsets.UTF_8));
    }

    @Test
    void set_wrongType_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Sample().set(Column.SERVICE, 1L));
        assertThrows(IllegalArgumentException.class, () -> new Sample().set(Column.TS, "now"));
        assertThrows(IllegalArgumentException.class, () -> new Sample().set(Column.JVM_THREADS_LIVE, 1L << 40));
    }

    @Test
    void encode_mapOfStructs_writesEachEntryWithItsPresentFieldsOnly() {
        Map<String, Object> pools = new LinkedHashMap<>();
        pools.put("G1 Old Gen", new Struct(NestedTypes.MEMORY_POOLS.valueType()).set("heap", true)
                .set("used_bytes", 10L).set("max_bytes", 100L).set("used_after_gc_bytes", 8L));
        pools.put("Metaspace", new Struct(NestedTypes.MEMORY_POOLS.valueType()).set("heap", false).set("used_bytes", 5L));
        Sample sample = new Sample().set(Column.TS, 1L).set(Column.JVM_MEMORY_POOLS, pools);

        String line = new String(new SampleEncoder().encode(sample), StandardCharsets.UTF_8);

        assertEquals("{\"ts\":1,\"jvm_memory_pools\":{\"G1 Old Gen\":{\"heap\":true,\"used_bytes\":10,"
                + "\"max_bytes\":100,\"used_after_gc_bytes\":8},\"Metaspace\":{\"heap\":false,\"used_bytes\":5}}}\n", line);
    }

    @Test
    void encode_structWithAMapField_writesTheMapInsideTheStruct() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("pool", "main");
        labels.put("kind", "a\"b");
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("hikari_active{pool=main}", new Struct(NestedTypes.APP_METRICS.valueType()).set("name", "hikari_active")
                .set("labels", labels).set("type", "gauge").set("value", 2.5));
        Sample sample = new Sample().set(Column.TS, 1L).set(Column.APP_METRICS, metrics);

        String line = new String(new SampleEncoder().encode(sample), StandardCharsets.UTF_8);

        assertEquals("{\"ts\":1,\"app_metrics\":{\"hikari_active{pool=main}\":{\"name\":\"hikari_active\","
                + "\"labels\":{\"pool\":\"main\",\"kind\":\"a\\\"b\"},\"type\":\"gauge\",\"value\":2.5}}}\n", line);
    }

    @Test
    void set_mapWithValuesOfAnotherType_isRejected() {
        Sample sample = new Sample();
        assertThrows(IllegalArgumentException.class,
                () -> sample.set(Column.JVM_MEMORY_POOLS, Map.of("x", new Struct(NestedTypes.DISKS.valueType()))));
        assertThrows(IllegalArgumentException.class, () -> sample.set(Column.JVM_GC_PAUSES, Map.of("x", 1L)));
        assertThrows(IllegalArgumentException.class, () -> sample.set(Column.TAGS, Map.of("k", 1L)));
        assertThrows(IllegalArgumentException.class,
                () -> new Struct(NestedTypes.DISKS.valueType()).set("reads", "many"));
    }

    @Test
    void set_emptyMap_leavesTheColumnAbsent() {
        Sample sample = new Sample().set(Column.HOST_DISKS, Map.of());
        assertEquals(null, sample.get(Column.HOST_DISKS));
    }

    @Test
    void encodeForSink_carriesIdentity() {
        Sample sample = new Sample().set(Column.TS, 5L).set(Column.SEQ, 9L).set(Column.SERVICE, "s");
        EncodedSample encoded = new SampleEncoder().encodeForSink(sample);
        assertEquals(5L, encoded.ts());
        assertEquals(9L, encoded.seq());
        assertEquals("s", encoded.service());
        assertTrue(encoded.size() > 0);
        assertEquals(encoded.size(), encoded.jsonLine().length);
    }
}
