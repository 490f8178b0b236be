package io.roxxane.athena.firehose;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Firehose's {@code RecordDeAggregation} processor with {@code SubRecordType=JSON}: one record of
 * concatenated or newline-delimited JSON objects becomes one record per object, each the exact
 * bytes of its object.
 */
final class JsonRecordSplitter {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonRecordSplitter() {
    }

    /** @throws IOException if the data is not a sequence of JSON objects */
    static List<byte[]> split(byte[] data) throws IOException {
        List<byte[]> objects = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(data)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.START_OBJECT) {
                    throw new IOException("expected a JSON object, found " + token);
                }
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                int end = (int) parser.currentLocation().getByteOffset();
                objects.add(Arrays.copyOfRange(data, start, end));
            }
        }
        return objects;
    }
}
