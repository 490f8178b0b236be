package io.roxxane.agent.summary;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reads the samples a file sink wrote: every closed {@code *.json.gz} under a directory. */
public final class SampleStore {
    private final JsonFactory json = new JsonFactory();

    /** One sample's scalar fields (numbers as Double or Long, strings as String); tags skipped. */
    public interface Visitor {
        void visit(File file, Map<String, Object> sample);
    }

    /** Visits every sample under {@code root}; returns how many files were read. */
    public int forEach(File root, Visitor visitor) throws IOException {
        List<File> files = new ArrayList<File>();
        collect(root, files);
        for (File file : files) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(new FileInputStream(file)), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isEmpty()) {
                        visitor.visit(file, parse(line));
                    }
                }
            }
        }
        return files.size();
    }

    private Map<String, Object> parse(String line) throws IOException {
        Map<String, Object> values = new HashMap<String, Object>();
        try (JsonParser parser = json.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object: " + line);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.getCurrentName();
                JsonToken token = parser.nextToken();
                if (token == JsonToken.VALUE_NUMBER_INT) {
                    values.put(name, parser.getLongValue());
                } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                    values.put(name, parser.getDoubleValue());
                } else if (token == JsonToken.VALUE_STRING) {
                    values.put(name, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        }
        return values;
    }

    private static void collect(File directory, List<File> files) {
        File[] entries = directory.listFiles();
        if (entries == null) {
            return;
        }
        java.util.Arrays.sort(entries);
        for (File entry : entries) {
            if (entry.isDirectory()) {
                collect(entry, files);
            } else if (entry.getName().endsWith(".json.gz") && !entry.getName().startsWith(".")) {
                files.add(entry);
            }
        }
    }
}
