package io.roxxane.transform;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A record's {@code data} string, kept as the bytes between its quotes in the event: for the
 * base64 Firehose sends these are the base64 characters themselves, so no String is made.
 * Missing or null data is {@link #MISSING}.
 */
final class RecordData {
    static final RecordData MISSING = new RecordData(null);

    private final byte[] raw;

    private RecordData(byte[] raw) {
        this.raw = raw;
    }

    /** The bytes of a JSON string literal's content, still escaped as in the event. */
    static RecordData ofRaw(byte[] raw) {
        return new RecordData(raw);
    }

    boolean isMissing() {
        return raw == null;
    }

    /** The raw bytes; null when missing. Equal to the string's characters when {@link #isPlainAscii()}. */
    byte[] raw() {
        return raw;
    }

    /** Whether the raw bytes are the string itself: ASCII without escapes. */
    boolean isPlainAscii() {
        for (byte b : raw) {
            if (b < 0x20 || b == '\\') { // negative: not ASCII
                return false;
            }
        }
        return true;
    }

    /** The data as the string that was received; empty when it was missing. */
    String asText() {
        if (raw == null) {
            return "";
        }
        if (isPlainAscii()) {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }
        byte[] literal = Arrays.copyOf(raw, raw.length + 2);
        System.arraycopy(raw, 0, literal, 1, raw.length);
        literal[0] = '"';
        literal[literal.length - 1] = '"';
        try (JsonParser parser = FirehoseTransformHandler.JSON.createParser(literal)) {
            parser.nextToken();
            return parser.getText();
        } catch (IOException e) {
            throw new UncheckedIOException("a string the event parser accepted does not parse again", e);
        }
    }
}
