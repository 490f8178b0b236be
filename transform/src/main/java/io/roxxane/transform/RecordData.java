package io.roxxane.transform;

import java.nio.charset.StandardCharsets;

/**
 * A record's {@code data} string as received: its characters as bytes when all are ASCII (the
 * normal case: base64), else the string itself. Missing or null data is {@link #MISSING}.
 */
final class RecordData {
    static final RecordData MISSING = new RecordData(null, null);

    private final byte[] ascii;
    private final String text;

    private RecordData(byte[] ascii, String text) {
        this.ascii = ascii;
        this.text = text;
    }

    /** Data whose characters are all ASCII, one byte each. */
    static RecordData ofAscii(byte[] ascii) {
        return new RecordData(ascii, null);
    }

    /** Data with a character outside ASCII: never valid base64, kept only to be returned unchanged. */
    static RecordData ofText(String text) {
        return new RecordData(null, text);
    }

    /** The ASCII bytes, or null when the data is missing or not ASCII. */
    byte[] ascii() {
        return ascii;
    }

    boolean isMissing() {
        return ascii == null && text == null;
    }

    /** The data as the string that was received; empty when it was missing. */
    String asText() {
        if (text != null) {
            return text;
        }
        return ascii == null ? "" : new String(ascii, StandardCharsets.ISO_8859_1);
    }
}
