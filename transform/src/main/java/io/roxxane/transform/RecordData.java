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
    static final RecordData MISSING = new RecordData(null, false);

    private final byte[] raw;
    private final boolean verified;

    private RecordData(byte[] raw, boolean verified) {
        this.raw = raw;
        this.verified = verified;
    }

    /** The bytes of a JSON string literal's content, still escaped as in the event. */
    static RecordData ofRaw(byte[] raw) {
        return new RecordData(raw, true);
    }

    /**
     * The bytes between a string's quotes, of which only quotes and backslashes were looked for:
     * they may still hold bytes that JSON forbids. Valid base64 cannot; see {@link #requireVerified()}.
     */
    static RecordData ofUnverified(byte[] raw) {
        return new RecordData(raw, false);
    }

    /**
     * Checks unverified data before anything other than a successful base64 decode relies on it.
     *
     * @throws UnverifiedEventData if the data holds bytes other than printable ASCII, so that the
     *     event must be read again by Jackson's pass
     */
    void requireVerified() {
        if (!verified && raw != null && !isPlainAscii()) {
            throw new UnverifiedEventData();
        }
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
