package io.roxxane.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import io.roxxane.schema.PartitionRule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The file contract against files written by the real agent's local file sink (the queries on
 * the same files: {@link AgentFilesQueriesTest}):
 * by default the recorded output in {@code src/test/resources/agent-samples} (two JVMs, services
 * {@code checkout} and {@code Orders-API}, written by {@code roxxane.jar} at a 1 s interval), or
 * any directory given with {@code -Droxxane.samples.dir=/path/to/sink/dir}.
 *
 * <p>Record it again after a schema change, from the repository root:
 * <pre>
 * J=agent/target/roxxane.jar; D=glue-templates/src/test/resources/agent-samples; rm -rf $D
 * java -javaagent:$J=dir=$D,interval=1s,service=checkout,tags=env:test,roll_time=4s -jar $J demo-workload 9 &amp;
 * java -javaagent:$J=dir=$D,interval=1s,service=Orders-API,roll_time=4s -jar $J demo-workload 8
 * </pre>
 */
class AgentFilesTest {
    private final Path root = Path.of(System.getProperty("roxxane.samples.dir", "src/test/resources/agent-samples"));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyLine_hasOnlySchemaKeysOfTheRightKind_inItsOwnPartition() throws IOException {
        List<Path> files = files();
        assertTrue(!files.isEmpty(), "no *.json.gz below " + root);
        long lines = 0;
        for (Path file : files) {
            String partition = root.relativize(file.getParent()).toString().replace('\\', '/') + "/";
            try (BufferedReader reader = reader(file)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines++;
                    JsonNode sample = json.readTree(line);
                    String where = file + " line " + lines;
                    for (Iterator<Map.Entry<String, JsonNode>> it = sample.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> field = it.next();
                        Column column = Column.byName(field.getKey());
                        assertTrue(column != null, where + ": key '" + field.getKey() + "' is not in the schema");
                        assertTrue(matches(column, field.getValue()),
                                where + ": " + field.getKey() + " = " + field.getValue() + " is not a " + column.type());
                    }
                    assertEquals(PartitionRule.pathFor(sample.path("service").asText(null), sample.path("ts").asLong()),
                            partition, where + ": sample written outside its partition");
                }
            }
        }
        System.out.println("[AgentFilesTest] " + files.size() + " files, " + lines + " samples checked");
    }

    private static boolean matches(Column column, JsonNode value) {
        return matches(column.type(), value);
    }

    private static boolean matches(ColumnType type, JsonNode value) {
        return switch (type.kind()) {
            case BIGINT, INT -> value.isIntegralNumber();
            case DOUBLE -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
            case STRING -> value.isTextual();
            case MAP -> value.isObject() && allMatch(type.valueType(), value);
            case STRUCT -> value.isObject() && fieldsMatch(type, value);
        };
    }

    private static boolean allMatch(ColumnType valueType, JsonNode object) {
        for (JsonNode v : object) {
            if (!matches(valueType, v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean fieldsMatch(ColumnType struct, JsonNode object) {
        for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) object::fields) {
            ColumnType type = struct.fields().get(field.getKey());
            if (type == null || !matches(type, field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean allTextual(JsonNode object) {
        for (JsonNode v : object) {
            if (!v.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return new ArrayList<>(walk.filter(p -> p.getFileName().toString().endsWith(".json.gz")).sorted().toList());
        }
    }

    private static BufferedReader reader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8));
    }
}
