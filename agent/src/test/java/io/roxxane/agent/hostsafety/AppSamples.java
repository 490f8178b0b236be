package io.roxxane.agent.hostsafety;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The samples a child wrote with the file sink, as maps, and what their app_metrics say. */
final class AppSamples {
    private static final JsonFactory JSON = new JsonFactory();

    private AppSamples() {
    }

    /** Every sample in the closed files under {@code dir}, in seq order. */
    static List<Map<String, Object>> read(Path dir) {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (String line : SinkFiles.samples(dir)) {
            samples.add(parse(line));
        }
        samples.sort(Comparator.comparingLong(s -> (Long) s.get("seq")));
        return samples;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String line) {
        try (JsonParser parser = JSON.createParser(line)) {
            return (Map<String, Object>) value(parser, parser.nextToken());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    map.put(name, value(parser, parser.nextToken()));
                }
                return map;
            case VALUE_NUMBER_INT:
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_STRING:
                return parser.getText();
            case VALUE_TRUE:
                return true;
            case VALUE_FALSE:
                return false;
            default:
                return null;
        }
    }

    /** The app_metrics entries of one sample (empty when absent). */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> metrics(Map<String, Object> sample) {
        Object metrics = sample.get("app_metrics");
        return metrics == null ? Map.of() : (Map<String, Map<String, Object>>) metrics;
    }

    /** The value of the entry named {@code name} whose labels include {@code labels}; null when absent. */
    @SuppressWarnings("unchecked")
    static Double value(Map<String, Object> sample, String name, Map<String, String> labels) {
        for (Map<String, Object> entry : metrics(sample).values()) {
            Map<String, String> have = (Map<String, String>) entry.getOrDefault("labels", Map.of());
            if (name.equals(entry.get("name")) && have.entrySet().containsAll(labels.entrySet())) {
                return ((Number) entry.get("value")).doubleValue();
            }
        }
        return null;
    }

    /** The sum over samples of that entry's values: a counter's total increase. */
    static double sum(List<Map<String, Object>> samples, String name, Map<String, String> labels) {
        double total = 0;
        for (Map<String, Object> sample : samples) {
            Double value = value(sample, name, labels);
            total += value == null ? 0 : value;
        }
        return total;
    }

    /** The first sample that matches, or null. */
    static Map<String, Object> first(List<Map<String, Object>> samples, Predicate<Map<String, Object>> test) {
        for (Map<String, Object> sample : samples) {
            if (test.test(sample)) {
                return sample;
            }
        }
        return null;
    }
}
