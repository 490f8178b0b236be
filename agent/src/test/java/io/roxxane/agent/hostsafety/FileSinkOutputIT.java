package io.roxxane.agent.hostsafety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.roxxane.agent.identity.context.FleetContext;
import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import io.roxxane.schema.PartitionRule;
import io.roxxane.schema.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The "done when": a JVM started with
 * {@code -javaagent:roxxane.jar=sink=file,dir=DIR,interval=1s,service=NAME} writes
 * schema-conforming samples under {@code DIR/service=NAME/year=…/month=…/day=…/hour=…/} — on
 * JDK 17 and Temurin 25, with the built jar.
 */
class FileSinkOutputIT {
    /** Columns a sample after the first may lack on this machine, and why. */
    private static final Set<Column> MAY_BE_ABSENT = EnumSet.of(
            Column.ARRIVAL_TS, // set by the transform in AWS
            Column.CONTAINER_CPU_LIMIT, Column.CONTAINER_MEMORY_LIMIT_BYTES, // only under cgroup limits
            Column.TAGS, // not configured here
            Column.AGENT_LAST_ERROR, Column.AGENT_LAST_ERROR_TS, // only after a delivery error
            Column.APP_METRICS, Column.AGENT_JMX_SKIPPED, // only where the JVM has MBeans of a set or jmx_config (AppMBeansIT)
            Column.CONTAINER_PIDS_CURRENT, Column.CONTAINER_PIDS_MAX, // only where the pids controller is below the root
            Column.AGENT_DISTRESS, // only when the JVM is under pressure
            Column.AGENT_SPOOL_FAILED_WRITES, Column.AGENT_SPOOL_DAMAGED, Column.AGENT_SPOOL_RECOVERED); // only with spool=

    static {
        MAY_BE_ABSENT.addAll(FleetContext.COLUMNS); // only where detected (AWS, ECS, Kubernetes, OTEL_*)
        if (!new java.io.File("/proc/pressure/cpu").canRead()) { // pressure stall information, where the kernel has it
            MAY_BE_ABSENT.addAll(EnumSet.range(Column.HOST_PRESSURE_CPU_SOME_AVG10, Column.HOST_PRESSURE_IO_FULL_STALL_US));
        }
    }

    static Stream<Jdk> jdks() {
        return Jdk.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void fileSink_writesSchemaConformingSamplesUnderThePartitionPath(Jdk jdk) throws Exception {
        Path dir = Hosts.scratch("file-sink-output");
        List<String> command = List.of(jdk.java().toString(),
                "-javaagent:" + Hosts.agentJar() + "=sink=file,dir=" + dir + ",interval=1s,service=Order Service",
                "-jar", Hosts.agentJar().toString(), "demo-workload", "8");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolveSibling(dir.getFileName() + ".out").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, process.exitValue());

        List<String> lines = SinkFiles.samples(dir);
        // 8 s of workload: on a loaded 2-core machine the agent's start-up alone can take seconds.
        assertTrue(lines.size() >= 3, "expected a sample per second for 8 s, got " + lines.size());
        List<Map<String, Object>> samples = new ArrayList<>();
        for (String line : lines) {
            samples.add(parseConforming(line));
        }
        for (Path file : SinkFiles.all(dir)) {
            String relative = dir.relativize(file.getParent()).toString().replace('\\', '/') + "/";
            assertTrue(relative.startsWith("service=order-service/year="), relative);
        }
        samples.sort((a, b) -> Long.compare((Long) a.get("seq"), (Long) b.get("seq")));
        for (int i = 0; i < samples.size(); i++) {
            Map<String, Object> sample = samples.get(i);
            assertEquals((long) i, sample.get("seq"), "seq has no gap and starts at 0");
            assertEquals("Order Service", sample.get("service"));
            assertEquals((long) Schema.VERSION, sample.get("schema_version"));
            assertNotNull(PartitionRule.keysFor("Order Service", (Long) sample.get("ts")));
            if (i > 0) {
                for (Column column : Column.values()) {
                    if (!MAY_BE_ABSENT.contains(column) && !notCollectedHere(column, sample)) {
                        assertTrue(sample.containsKey(column.columnName()),
                                jdk + ": sample " + i + " lacks " + column.columnName());
                    }
                }
            }
        }
        assertEquals(1, samples.stream().map(s -> s.get("instance_id")).distinct().count());
    }

    /**
     * Columns this child's JVM cannot give: the virtual-thread figures before JDK 24, the
     * concurrent collectors under G1 before JDK 20 (no G1 Concurrent GC).
     */
    private static boolean notCollectedHere(Column column, Map<String, Object> sample) {
        String version = (String) sample.get("jvm_version");
        int feature = Integer.parseInt(version.split("[^0-9]", 2)[0]);
        if (column.columnName().startsWith("jvm_virtual_threads_")) {
            return feature < 24;
        }
        if (column == Column.JVM_GC_CONCURRENT) {
            return feature < 20;
        }
        return false;
    }

    /** Parses one line, asserting it is one flat object whose keys are schema columns of the right JSON type. */
    private static Map<String, Object> parseConforming(String line) throws IOException {
        Map<String, Object> values = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(line)) {
            assertEquals(JsonToken.START_OBJECT, parser.nextToken(), line);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                Column column = Column.byName(name);
                assertNotNull(column, "key not in the schema: " + name);
                assertFalse(values.containsKey(name), "repeated key " + name);
                JsonToken token = parser.nextToken();
                values.put(name, readChecked(column.type(), parser, token, name));
            }
            assertEquals(null, parser.nextToken(), "one object per line");
        }
        return values;
    }

    /** Reads the value at {@code token}, failing unless it is of {@code type}; scalars as their value. */
    private static Object readChecked(ColumnType type, JsonParser parser, JsonToken token, String name)
            throws java.io.IOException {
        switch (type.kind()) {
            case BIGINT:
            case INT:
                assertEquals(JsonToken.VALUE_NUMBER_INT, token, name);
                long value = parser.getLongValue();
                if (type.kind() == ColumnType.Kind.INT) {
                    assertTrue(value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE, name);
                }
                return value;
            case DOUBLE:
                assertTrue(token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT, name);
                return parser.getDoubleValue();
            case BOOLEAN:
                assertTrue(token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE, name);
                return parser.getBooleanValue();
            case STRING:
                assertEquals(JsonToken.VALUE_STRING, token, name);
                return parser.getText();
            case MAP:
                assertEquals(JsonToken.START_OBJECT, token, name);
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    readChecked(type.valueType(), parser, parser.nextToken(), name + "[" + key + "]");
                }
                return Boolean.TRUE;
            case STRUCT:
                assertEquals(JsonToken.START_OBJECT, token, name);
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    ColumnType fieldType = type.fields().get(field);
                    assertNotNull(fieldType, name + " has no field " + field);
                    readChecked(fieldType, parser, parser.nextToken(), name + "." + field);
                }
                return Boolean.TRUE;
            default:
                throw new AssertionError(type);
        }
    }
}
