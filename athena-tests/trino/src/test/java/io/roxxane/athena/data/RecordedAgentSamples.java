package io.roxxane.athena.data;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The real agent's samples recorded by glue-templates (its file sink, two services), sent as the
 * agent's Firehose sink sends them: the lines exactly as written, three to a record, one second
 * after the last one's {@code ts}.
 */
public final class RecordedAgentSamples {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_RECORD = 3;

    private RecordedAgentSamples() {
    }

    public static List<Send> sends(Path root) {
        List<Send> sends = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json.gz")).sorted().toList()) {
                List<String> lines = lines(file);
                for (int from = 0; from < lines.size(); from += PER_RECORD) {
                    List<String> chunk = lines.subList(from, Math.min(from + PER_RECORD, lines.size()));
                    List<Map<String, Object>> samples = new ArrayList<>();
                    for (String line : chunk) {
                        samples.add(JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() { }));
                    }
                    long lastTs = ((Number) samples.get(samples.size() - 1).get("ts")).longValue();
                    sends.add(new Send(samples, lastTs + 1_000, String.join("\n", chunk) + "\n"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sends.isEmpty()) {
            throw new IllegalStateException("no recorded agent samples below " + root);
        }
        return sends;
    }

    private static List<String> lines(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
