package io.roxxane.it.e2e;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Firehose's {@code RecordDeAggregation} processor with {@code SubRecordType=JSON}: a record holding
 * several consecutive JSON objects (newline-delimited, or one right after another) becomes one
 * record per object. Each sub-record keeps its bytes exactly as sent.
 */
final class JsonDeaggregation {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonDeaggregation() {
    }

    /** The JSON objects in {@code data}, in order, as their original bytes. */
    static List<byte[]> split(byte[] data) {
        List<byte[]> objects = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(data)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_OBJECT) {
                    throw new AssertionError("deaggregation expects consecutive JSON objects, found " + token + " at byte "
                            + parser.currentTokenLocation().getByteOffset());
                }
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                int end = (int) parser.currentLocation().getByteOffset();
                objects.add(Arrays.copyOfRange(data, start, end));
            }
        } catch (IOException e) {
            throw new AssertionError("deaggregation expects consecutive JSON objects: " + e.getMessage(), e);
        }
        return objects;
    }
}
