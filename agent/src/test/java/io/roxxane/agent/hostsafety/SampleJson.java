package io.roxxane.agent.hostsafety;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Samples read back as plain values: objects as maps (in order), integers as Long, decimals as Double. */
final class SampleJson {
    private static final JsonFactory JSON = new JsonFactory();

    private SampleJson() {
    }

    /** The samples a host printed with {@code sink=log}, in seq order. */
    static List<Map<String, Object>> fromLog(HostResult result) {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (String line : result.samples()) {
            samples.add(parse(line.substring("[roxxane] sample ".length())));
        }
        samples.sort(Comparator.comparingLong(s -> (Long) s.get("seq")));
        return samples;
    }

    static Map<String, Object> parse(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not an object: " + json);
            }
            return object(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> object(JsonParser parser) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            values.put(name, value(parser, parser.nextToken()));
        }
        return values;
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                return object(parser);
            case VALUE_NUMBER_INT:
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
            case VALUE_FALSE:
                return parser.getBooleanValue();
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalArgumentException("unexpected " + token);
        }
    }
}
