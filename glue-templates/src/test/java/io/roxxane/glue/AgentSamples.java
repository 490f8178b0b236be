package io.roxxane.glue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roxxane.schema.PartitionRule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The lines of a local file sink directory, read with Jackson (independently of DuckDB), and
 * copies of them written back in the sink's layout, possibly edited: a line removed, repeated,
 * or changed. A copy puts each line in the folder of its (possibly changed) {@code ts}, under its
 * original file name, in the original order.
 */
final class AgentSamples {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One JSON line, where it came from, and the partition values of its folder. */
    record Sample(String fileName, ObjectNode json, Map<String, String> partition) {
        long lng(String key) {
            return json.path(key).asLong();
        }

        /** null when absent */
        Long optional(String key) {
            return json.hasNonNull(key) ? json.path(key).asLong() : null;
        }

        Double optionalDouble(String key) {
            return json.hasNonNull(key) ? json.path(key).asDouble() : null;
        }

        String text(String key) {
            return json.path(key).asText();
        }

        /** The sanitised service of the path, as Athena and the DuckDB view see it. */
        String service() {
            return partition.get("service");
        }

        String hourUtc() {
            return partition.get("year") + "-" + partition.get("month") + "-" + partition.get("day") + " "
                    + partition.get("hour") + ":00";
        }

        String dayUtc() {
            return partition.get("year") + "-" + partition.get("month") + "-" + partition.get("day");
        }

        Sample copy() {
            return new Sample(fileName, json.deepCopy(), partition);
        }
    }

    private AgentSamples() {
    }

    static List<Sample> read(Path root) {
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(p -> p.getFileName().toString().endsWith(".json.gz")).sorted().toList()) {
                Map<String, String> partition = partition(root.relativize(file.getParent()).toString().replace('\\', '/'));
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        samples.add(new Sample(file.getFileName().toString(), (ObjectNode) JSON.readTree(line), partition));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return samples;
    }

    /** Writes the samples below {@code root} in the sink's layout; returns them as read back. */
    static List<Sample> write(List<Sample> samples, Path root) {
        Map<Path, List<String>> files = new LinkedHashMap<>();
        for (Sample sample : samples) {
            String folder = PartitionRule.pathFor(sample.text("service"), sample.lng("ts"));
            files.computeIfAbsent(root.resolve(folder).resolve(sample.fileName()), f -> new ArrayList<>())
                    .add(sample.json().toString());
        }
        try {
            for (Map.Entry<Path, List<String>> file : files.entrySet()) {
                Files.createDirectories(file.getKey().getParent());
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file.getKey()));
                     Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                    for (String line : file.getValue()) {
                        writer.write(line);
                        writer.write('\n');
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read(root);
    }

    private static Map<String, String> partition(String relative) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : relative.split("/")) {
            int eq = part.indexOf('=');
            values.put(part.substring(0, eq), part.substring(eq + 1));
        }
        if (!values.keySet().equals(new java.util.LinkedHashSet<>(PartitionRule.KEYS))) {
            throw new IllegalArgumentException("not a partition folder: " + relative);
        }
        return values;
    }
}
