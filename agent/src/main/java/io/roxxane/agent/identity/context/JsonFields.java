package io.roxxane.agent.identity.context;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The top-level scalar fields of a JSON object (nested objects and arrays skipped), as text. */
final class JsonFields {
    /** The longest value kept; metadata values are ids, names and ARNs. */
    static final int MAX_VALUE_CHARS = 1_024;

    private static final JsonFactory JSON = new JsonFactory();

    private JsonFields() {
    }

    /**
     * @throws IOException when {@code body} is not one JSON object
     */
    static Map<String, String> of(byte[] body) throws IOException {
        Map<String, String> fields = new HashMap<String, String>();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                } else if (value != null && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                    String text = parser.getText().trim();
                    if (!text.isEmpty() && text.length() <= MAX_VALUE_CHARS) {
                        fields.put(name, text);
                    }
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw new IOException("the JSON object does not end");
            }
        } catch (JsonProcessingException e) {
            throw new IOException("malformed JSON (" + e.getOriginalMessage() + ")", e);
        }
        return fields;
    }
}
