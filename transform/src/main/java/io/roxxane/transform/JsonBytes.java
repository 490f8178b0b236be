package io.roxxane.transform;

/** Steps over JSON whitespace in raw bytes, to find a value's bounds around what the parser reported. */
final class JsonBytes {
    private JsonBytes() {
    }

    /** The first index in {@code [from, to)} that is not whitespace; {@code to} if there is none. */
    static int skipWhitespace(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && isWhitespace(bytes[i])) {
            i++;
        }
        return i;
    }

    /** The last index at or before {@code from} that is not whitespace; -1 if there is none. */
    static int skipWhitespaceBack(byte[] bytes, int from) {
        int i = from;
        while (i >= 0 && isWhitespace(bytes[i])) {
            i--;
        }
        return i;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
