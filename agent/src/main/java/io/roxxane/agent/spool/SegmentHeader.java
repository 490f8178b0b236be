package io.roxxane.agent.spool;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What opens every segment: the magic {@code RXSPOOL2}, then one frame holding a JSON line with
 * the stream the samples are for and the instance that wrote them. A segment for another stream is
 * never sent to this one.
 */
final class SegmentHeader {
    static final byte[] MAGIC = "RXSPOOL2".getBytes(StandardCharsets.US_ASCII);
    private static final JsonFactory JSON = new JsonFactory();

    final String stream;
    final String instanceId;

    SegmentHeader(String stream, String instanceId) {
        this.stream = stream;
        this.instanceId = instanceId;
    }

    /** The header's frame payload. */
    byte[] payload() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("format", 2);
            json.writeStringField("stream", stream);
            json.writeStringField("instance_id", instanceId);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen writing to memory", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** Reads a header payload; throws when it is not one. */
    static SegmentHeader parse(byte[] payload) throws IOException {
        String stream = null;
        String instance = null;
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a spool segment header");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("stream".equals(field)) {
                    stream = parser.getValueAsString();
                } else if ("instance_id".equals(field)) {
                    instance = parser.getValueAsString();
                } else {
                    parser.skipChildren();
                }
            }
        }
        if (stream == null || instance == null) {
            throw new IOException("spool segment header without stream or instance_id");
        }
        return new SegmentHeader(stream, instance);
    }
}
