package io.roxxane.registrar;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the records of an S3 event notification
 * ({@code {"Records":[{"eventName":…,"s3":{"bucket":{"name":…},"object":{"key":…}}}]}}) with
 * Jackson's streaming parser, keeping only what the registrar needs and skipping the rest.
 * An event without {@code Records} (such as the {@code s3:TestEvent} S3 sends when the
 * notification is configured) gives an empty list.
 */
public final class S3EventParser {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    private S3EventParser() {
    }

    /**
     * @throws IllegalArgumentException if the input is not a JSON object
     * @throws UncheckedIOException if the stream cannot be read
     */
    public static List<S3EventRecord> parse(InputStream event) {
        List<S3EventRecord> records = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(event)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("S3 event must be a JSON object with a \"Records\" array");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("Records".equals(field) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        records.add(readRecord(parser));
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("S3 event is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the S3 event", e);
        }
        return records;
    }

    private static S3EventRecord readRecord(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new S3EventRecord(null, null, null);
        }
        String eventName = null;
        String[] bucketAndKey = {null, null};
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("eventName".equals(field) && value == JsonToken.VALUE_STRING) {
                eventName = parser.getText();
            } else if ("s3".equals(field) && value == JsonToken.START_OBJECT) {
                readS3(parser, bucketAndKey);
            } else {
                parser.skipChildren();
            }
        }
        return new S3EventRecord(eventName, bucketAndKey[0], bucketAndKey[1]);
    }

    // Inside "s3": {"bucket": {"name": …}, "object": {"key": …}, …}
    private static void readS3(JsonParser parser, String[] bucketAndKey) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("bucket".equals(field) && value == JsonToken.START_OBJECT) {
                bucketAndKey[0] = readString(parser, "name");
            } else if ("object".equals(field) && value == JsonToken.START_OBJECT) {
                bucketAndKey[1] = readString(parser, "key");
            } else {
                parser.skipChildren();
            }
        }
    }

    // The string value of one field of the current object; consumes the object.
    private static String readString(JsonParser parser, String wanted) throws IOException {
        String result = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (wanted.equals(field) && value == JsonToken.VALUE_STRING) {
                result = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        return result;
    }
}
