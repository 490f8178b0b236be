package io.roxxane.transform;

import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One hand-written pass over a decoded sample in the common shape: one flat JSON object on one
 * line, ASCII keys without escapes, scalar values and the {@code tags} map of strings. It accepts
 * only what {@link SampleScanner}'s Jackson pass accepts, with the same findings; anything else
 * (an error of any kind, a line break, a nested value under an unknown key, an escaped or
 * non-ASCII key, a key that differs from a column only in case, a column twice, a number of more
 * than 18 digits, …) makes it answer {@code false}, and the Jackson pass decides and words the
 * error. So it only ever speeds up valid samples, never changes a result; the differential test
 * holds it to that. Not thread-safe: one per invocation.
 */
final class FastSampleScanner {
    private static final Column[] COLUMNS = Column.values();
    private static final byte[][] NAMES = new byte[COLUMNS.length][];
    /** Eight bytes of a byte array at any index, little-endian. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /**
     * Each column's {@code name":} (what follows a key's opening quote) as little-endian words,
     * each followed by its mask, all columns in one array from {@link #KEY_OFFSETS}.
     */
    private static final long[] KEY_WORDS;
    private static final int[] KEY_OFFSETS = new int[COLUMNS.length + 1];
    private static final int[] KEY_LENGTHS = new int[COLUMNS.length];
    private static final int PADDED_KEY_WORDS = 4;
    /** Each column's type as one of the {@code KIND_} constants: an int switch, no enum lookups. */
    private static final int[] KINDS = new int[COLUMNS.length];
    private static final int KIND_OTHER = 0;
    private static final int KIND_BIGINT = 1;
    private static final int KIND_INT = 2;
    private static final int KIND_DOUBLE = 3;
    private static final int KIND_STRING = 4;
    private static final int KIND_STRING_MAP = 5;
    private static final int TS = Column.TS.ordinal();
    private static final int SERVICE = Column.SERVICE.ordinal();
    private static final int ARRIVAL_TS = Column.ARRIVAL_TS.ordinal();
    /** Column ordinals by name length, for keys that are not the expected next column. */
    private static final int[][] BY_LENGTH;
    /** Longer keys go to the Jackson pass (it bounds name lengths); no column name is nearly as long. */
    private static final int MAX_KEY_BYTES = 256;
    /** Longer numbers go to the Jackson pass (it bounds number lengths). */
    private static final int MAX_NUMBER_BYTES = 100;
    /** Longer strings in the tags map go to the Jackson pass (keys there are names to Jackson). */
    private static final int MAX_TAG_KEY_BYTES = 1000;
    private static final int MAX_SAFE_DIGITS_BIGINT = 18;
    private static final int MAX_SAFE_DIGITS_INT = 9;
    private static final int SERVICE_CACHE_SIZE = 16;
    /** Returned by the value readers when the Jackson pass must decide. */
    private static final int FALLBACK = -1;

    static {
        int longest = 0;
        for (Column column : COLUMNS) {
            NAMES[column.ordinal()] = column.columnName().getBytes(StandardCharsets.US_ASCII);
            longest = Math.max(longest, NAMES[column.ordinal()].length);
        }
        int totalWords = 0;
        for (Column column : COLUMNS) {
            int ordinal = column.ordinal();
            KEY_LENGTHS[ordinal] = column.columnName().length() + 2;
            KEY_OFFSETS[ordinal] = totalWords;
            // Keys of up to four words are padded to four (mask 0), compared without a loop.
            totalWords += 2 * Math.max(PADDED_KEY_WORDS, (KEY_LENGTHS[ordinal] + Long.BYTES - 1) / Long.BYTES);
            KINDS[ordinal] = kindOf(column.type());
        }
        KEY_OFFSETS[COLUMNS.length] = totalWords;
        KEY_WORDS = new long[totalWords];
        for (Column column : COLUMNS) {
            byte[] key = (column.columnName() + "\":").getBytes(StandardCharsets.US_ASCII);
            int offset = KEY_OFFSETS[column.ordinal()];
            for (int k = 0; k < key.length; k++) {
                int word = offset + 2 * (k / Long.BYTES);
                int shift = k % Long.BYTES * 8;
                KEY_WORDS[word] |= (key[k] & 0xFFL) << shift;
                KEY_WORDS[word + 1] |= 0xFFL << shift;
            }
        }
        int[] counts = new int[longest + 1];
        for (byte[] name : NAMES) {
            counts[name.length]++;
        }
        BY_LENGTH = new int[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            BY_LENGTH[length] = new int[counts[length]];
        }
        int[] filled = new int[longest + 1];
        for (int ordinal = 0; ordinal < NAMES.length; ordinal++) {
            int length = NAMES[ordinal].length;
            BY_LENGTH[length][filled[length]++] = ordinal;
        }
    }

    private static int kindOf(ColumnType type) {
        switch (type) {
            case BIGINT:
                return KIND_BIGINT;
            case INT:
                return KIND_INT;
            case DOUBLE:
                return KIND_DOUBLE;
            case STRING:
                return KIND_STRING;
            case STRING_MAP:
                return KIND_STRING_MAP;
            default:
                return KIND_OTHER; // a type this pass does not know: the Jackson pass decides
        }
    }

    private final long[] seen = new long[(COLUMNS.length + 63) / 64];
    private final byte[][] serviceBytes = new byte[SERVICE_CACHE_SIZE][];
    private final String[] serviceStrings = new String[SERVICE_CACHE_SIZE];
    private long tsValue;

    /**
     * Scans the object that opens at {@code json[start]} (a '{') and ends before {@code length};
     * fills {@code sample} and returns true if the sample is valid and in the common shape.
     * Returns false, with {@code sample} in an unspecified state, when the Jackson pass must decide.
     */
    boolean tryScan(byte[] json, int start, int length, ScannedSample sample) {
        Arrays.fill(seen, 0L);
        sample.start = start;
        sample.hasTs = false;
        sample.service = null;
        sample.hasArrivalTs = false;
        int i = skipSpaces(json, start + 1, length);
        if (i >= length) {
            return false;
        }
        int expected = 0;
        if (json[i] != '}') {
            while (true) {
                if (json[i] != '"') {
                    return false;
                }
                int keyStart = i + 1;
                int keyEnd;
                int ordinal;
                if (expected < COLUMNS.length && isKeyAt(json, keyStart, length, expected)) {
                    // Writers emit the columns in schema order: the expected name, its quote and colon.
                    ordinal = expected;
                    keyEnd = keyStart + NAMES[expected].length;
                    i = keyStart + KEY_LENGTHS[expected];
                    if (i < length && (json[i] == ' ' || json[i] == '\t')) {
                        i = skipSpaces(json, i, length);
                    }
                } else {
                    keyEnd = keyEnd(json, keyStart, length);
                    if (keyEnd < 0) {
                        return false;
                    }
                    ordinal = lookup(json, keyStart, keyEnd);
                    i = skipSpaces(json, keyEnd + 1, length);
                    if (i >= length || json[i] != ':') {
                        return false;
                    }
                    i = skipSpaces(json, i + 1, length);
                }
                if (i >= length) {
                    return false;
                }
                if (ordinal >= 0) {
                    i = columnValue(json, i, length, ordinal, sample);
                    expected = ordinal + 1 == ARRIVAL_TS ? ordinal + 2 : ordinal + 1;
                } else if (isCaseLookalike(json, keyStart, keyEnd)) {
                    return false;
                } else {
                    i = scalarValue(json, i, length);
                }
                if (i < 0) {
                    return false;
                }
                if (i + 1 < length && json[i] == ',' && json[i + 1] == '"') {
                    i++; // compact JSON: the next key follows at once
                    continue;
                }
                i = skipSpaces(json, i, length);
                if (i >= length) {
                    return false;
                }
                if (json[i] == ',') {
                    i = skipSpaces(json, i + 1, length);
                    if (i >= length) {
                        return false;
                    }
                } else if (json[i] == '}') {
                    break;
                } else {
                    return false;
                }
            }
        }
        sample.end = i;
        for (int k = i + 1; k < length; k++) {
            byte b = json[k];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        sample.singleLine = true;
        return true;
    }

    /** Reads a known column's value at {@code i}; returns the index after it, or {@link #FALLBACK}. */
    private int columnValue(byte[] json, int i, int length, int ordinal, ScannedSample sample) {
        long bit = 1L << (ordinal & 63);
        if ((seen[ordinal >>> 6] & bit) != 0) {
            return FALLBACK; // a column twice: the Jackson pass names it
        }
        seen[ordinal >>> 6] |= bit;
        if (ordinal == ARRIVAL_TS) {
            sample.hasArrivalTs = true;
        }
        if (json[i] == 'n') {
            return literal(json, i, length, NULL);
        }
        int kind = KINDS[ordinal];
        switch (kind) {
            case KIND_BIGINT:
            case KIND_INT: {
                boolean isTs = ordinal == TS;
                int end = integer(json, i, length, kind == KIND_INT ? MAX_SAFE_DIGITS_INT : MAX_SAFE_DIGITS_BIGINT,
                        isTs);
                if (end >= 0 && isTs) {
                    sample.hasTs = true;
                    sample.ts = tsValue;
                }
                return end;
            }
            case KIND_DOUBLE:
                return number(json, i, length);
            case KIND_STRING:
                if (json[i] != '"') {
                    return FALLBACK;
                }
                if (ordinal == SERVICE) {
                    // Escaped or non-ASCII services are rare: the Jackson pass decodes them.
                    int end = plainString(json, i + 1, length);
                    if (end < 0) {
                        return FALLBACK;
                    }
                    sample.service = service(json, i + 1, end);
                    return end + 1;
                }
                return string(json, i + 1, length, Integer.MAX_VALUE);
            case KIND_STRING_MAP:
                return stringMap(json, i, length);
            default:
                return FALLBACK;
        }
    }

    /** A scalar under an unknown key: string, number, true, false, null. Objects and arrays fall back. */
    private int scalarValue(byte[] json, int i, int length) {
        byte b = json[i];
        switch (b) {
            case '"':
                return string(json, i + 1, length, Integer.MAX_VALUE);
            case 't':
                return literal(json, i, length, TRUE);
            case 'f':
                return literal(json, i, length, FALSE);
            case 'n':
                return literal(json, i, length, NULL);
            default:
                return b == '-' || b >= '0' && b <= '9' ? number(json, i, length) : FALLBACK;
        }
    }

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    private static int literal(byte[] json, int i, int length, byte[] word) {
        if (length - i < word.length) {
            return FALLBACK;
        }
        for (int k = 0; k < word.length; k++) {
            if (json[i + k] != word[k]) {
                return FALLBACK;
            }
        }
        return i + word.length; // what follows is checked by the caller: a space, ',' or '}'
    }

    /** {@code {"key":"value",…}} with string keys and values. */
    private int stringMap(byte[] json, int i, int length) {
        if (json[i] != '{') {
            return FALLBACK;
        }
        i = skipSpaces(json, i + 1, length);
        if (i < length && json[i] == '}') {
            return i + 1;
        }
        while (i < length) {
            if (json[i] != '"') {
                return FALLBACK;
            }
            i = string(json, i + 1, length, MAX_TAG_KEY_BYTES);
            if (i < 0) {
                return FALLBACK;
            }
            i = skipSpaces(json, i, length);
            if (i >= length || json[i] != ':') {
                return FALLBACK;
            }
            i = skipSpaces(json, i + 1, length);
            if (i >= length || json[i] != '"') {
                return FALLBACK;
            }
            i = string(json, i + 1, length, Integer.MAX_VALUE);
            if (i < 0) {
                return FALLBACK;
            }
            i = skipSpaces(json, i, length);
            if (i >= length) {
                return FALLBACK;
            }
            if (json[i] == '}') {
                return i + 1;
            }
            if (json[i] != ',') {
                return FALLBACK;
            }
            i = skipSpaces(json, i + 1, length);
        }
        return FALLBACK;
    }

    /**
     * An integral number ({@code -?(0|[1-9][0-9]*)}) of at most {@code maxDigits} digits, which
     * fits the column without range checks; with {@code wantValue} its value goes to {@link #tsValue}.
     */
    private int integer(byte[] json, int i, int length, int maxDigits, boolean wantValue) {
        boolean negative = false;
        if (json[i] == '-') {
            negative = true;
            i++;
        }
        int first = i;
        i = digits(json, i, length);
        int digits = i - first;
        if (digits == 0 || digits > maxDigits || digits > 1 && json[first] == '0') {
            return FALLBACK;
        }
        // A fraction or exponent after the digits is no delimiter: the caller falls back, and the
        // Jackson pass words the mismatch.
        if (wantValue) {
            long value = 0;
            for (int k = first; k < i; k++) {
                value = value * 10 + (json[k] - '0');
            }
            tsValue = negative ? -value : value;
        }
        return i;
    }

    /** A JSON number: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private static int number(byte[] json, int i, int length) {
        int begin = i;
        if (json[i] == '-') {
            i++;
        }
        int first = i;
        i = digits(json, i, length);
        if (i == first || i - first > 1 && json[first] == '0') {
            return FALLBACK;
        }
        if (i < length && json[i] == '.') {
            int fraction = i + 1;
            i = digits(json, fraction, length);
            if (i == fraction) {
                return FALLBACK;
            }
        }
        if (i < length && (json[i] == 'e' || json[i] == 'E')) {
            i++;
            if (i < length && (json[i] == '+' || json[i] == '-')) {
                i++;
            }
            int exponent = i;
            i = digits(json, exponent, length);
            if (i == exponent) {
                return FALLBACK;
            }
        }
        return i - begin > MAX_NUMBER_BYTES ? FALLBACK : i;
    }

    /** The index of the first byte from {@code i} that is not an ASCII digit. */
    private static int digits(byte[] json, int i, int length) {
        while (i + Long.BYTES <= length) {
            long word = word(json, i);
            // Non-zero in each byte that is not '0'..'9' (a carry out of such a byte only touches later ones).
            long nonDigits = (word & 0xF0F0F0F0F0F0F0F0L ^ 0x3030303030303030L)
                    | ((word + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L ^ 0x3030303030303030L);
            if (nonDigits != 0) {
                return i + (Long.numberOfTrailingZeros(nonDigits) >>> 3);
            }
            i += Long.BYTES;
        }
        while (i < length && json[i] >= '0' && json[i] <= '9') {
            i++;
        }
        return i;
    }

    /**
     * A string's content from {@code i} (after its opening quote): valid escapes, no control
     * characters, strictly valid UTF-8, at most {@code maxBytes}. Returns the index after the
     * closing quote.
     */
    private int string(byte[] json, int i, int length, int maxBytes) {
        int limit = maxBytes == Integer.MAX_VALUE ? length : Math.min(length, i + maxBytes);
        while (i < limit) {
            // Eight plain bytes at a time while there are: no quote, backslash, control or non-ASCII byte.
            while (i + Long.BYTES <= limit && isPlain(word(json, i))) {
                i += Long.BYTES;
            }
            if (i >= limit) {
                break;
            }
            int b = json[i];
            if (b >= 0x20 && b != '"' && b != '\\') { // negative bytes (non-ASCII) fail b >= 0x20
                i++;
            } else if (b == '"') {
                return i + 1;
            } else if (b == '\\') {
                i = escape(json, i + 1, limit);
                if (i < 0) {
                    return FALLBACK;
                }
            } else if (b < 0) {
                i = utf8(json, i, limit);
                if (i < 0) {
                    return FALLBACK;
                }
            } else {
                return FALLBACK; // a raw control character
            }
        }
        return FALLBACK;
    }

    /** A string of printable ASCII without escapes; returns the index of its closing quote. */
    private static int plainString(byte[] json, int i, int length) {
        while (i < length) {
            byte b = json[i];
            if (b == '"') {
                return i;
            }
            if (b < 0x20 || b == '\\' || b == 0x7f) {
                return FALLBACK;
            }
            i++;
        }
        return FALLBACK;
    }

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * Whether none of eight bytes is a quote, a backslash, a control character or non-ASCII
     * (the classic SWAR zero-byte tests; borrows only ever add false alarms, which the byte loop
     * then settles).
     */
    private static boolean isPlain(long word) {
        long quote = word ^ (ONES * '"');
        long backslash = word ^ (ONES * '\\');
        long special = (quote - ONES) & ~quote
                | (backslash - ONES) & ~backslash
                | (word - ONES * 0x20) & ~word
                | word;
        return (special & HIGHS) == 0;
    }

    /** The escape after a backslash at {@code i - 1}; returns the index after it. */
    private static int escape(byte[] json, int i, int limit) {
        if (i >= limit) {
            return FALLBACK;
        }
        switch (json[i]) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                return i + 1;
            case 'u':
                if (limit - i < 5) {
                    return FALLBACK;
                }
                for (int k = 1; k <= 4; k++) {
                    if (Character.digit(json[i + k], 16) < 0) {
                        return FALLBACK;
                    }
                }
                return i + 5;
            default:
                return FALLBACK;
        }
    }

    /**
     * One strictly valid UTF-8 sequence of 2-4 bytes at {@code i} (no overlong forms, no
     * surrogates, nothing above U+10FFFF); returns the index after it.
     */
    private static int utf8(byte[] json, int i, int limit) {
        int b0 = json[i] & 0xFF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            return i + 1 < limit && isContinuation(json[i + 1]) ? i + 2 : FALLBACK;
        }
        if (b0 >= 0xE0 && b0 <= 0xEF) {
            if (i + 2 >= limit) {
                return FALLBACK;
            }
            int b1 = json[i + 1] & 0xFF;
            int low = b0 == 0xE0 ? 0xA0 : 0x80;
            int high = b0 == 0xED ? 0x9F : 0xBF;
            return b1 >= low && b1 <= high && isContinuation(json[i + 2]) ? i + 3 : FALLBACK;
        }
        if (b0 >= 0xF0 && b0 <= 0xF4) {
            if (i + 3 >= limit) {
                return FALLBACK;
            }
            int b1 = json[i + 1] & 0xFF;
            int low = b0 == 0xF0 ? 0x90 : 0x80;
            int high = b0 == 0xF4 ? 0x8F : 0xBF;
            return b1 >= low && b1 <= high && isContinuation(json[i + 2]) && isContinuation(json[i + 3])
                    ? i + 4 : FALLBACK;
        }
        return FALLBACK;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** The index of a key's closing quote if the key is printable ASCII without escapes and short. */
    private static int keyEnd(byte[] json, int i, int length) {
        int limit = Math.min(length, i + MAX_KEY_BYTES);
        while (i < limit) {
            byte b = json[i];
            if (b == '"') {
                return i;
            }
            if (b < 0x20 || b == '\\' || b == 0x7f) { // negative: non-ASCII
                return FALLBACK;
            }
            i++;
        }
        return FALLBACK;
    }

    private static boolean matches(byte[] json, int from, int to, byte[] name) {
        return Arrays.equals(json, from, to, name, 0, name.length);
    }

    /** Whether the column's {@code name":} stands at {@code from}, compared eight bytes at a time. */
    private static boolean isKeyAt(byte[] json, int from, int length, int ordinal) {
        if (from + KEY_LENGTHS[ordinal] > length) {
            return false;
        }
        int first = KEY_OFFSETS[ordinal];
        int end = KEY_OFFSETS[ordinal + 1];
        long[] w = KEY_WORDS;
        if (end - first == 2 * PADDED_KEY_WORDS && from + PADDED_KEY_WORDS * Long.BYTES <= json.length) {
            // One branch for the whole key: fewer mispredictions than a loop over its words.
            long difference = (word(json, from) & w[first + 1]) ^ w[first]
                    | (word(json, from + Long.BYTES) & w[first + 3]) ^ w[first + 2]
                    | (word(json, from + 2 * Long.BYTES) & w[first + 5]) ^ w[first + 4]
                    | (word(json, from + 3 * Long.BYTES) & w[first + 7]) ^ w[first + 6];
            return difference == 0;
        }
        if (from + (end - first) / 2 * Long.BYTES > json.length) {
            return false; // too near the array's end to read whole words: the byte path decides
        }
        for (int k = first, at = from; k < end; k += 2, at += Long.BYTES) {
            if ((word(json, at) & KEY_WORDS[k + 1]) != KEY_WORDS[k]) {
                return false;
            }
        }
        return true;
    }

    private static long word(byte[] json, int i) {
        return (long) LONGS.get(json, i);
    }

    /** The ordinal of the column with exactly this name, or -1. */
    private static int lookup(byte[] json, int from, int to) {
        int length = to - from;
        if (length >= BY_LENGTH.length) {
            return -1;
        }
        for (int ordinal : BY_LENGTH[length]) {
            if (matches(json, from, to, NAMES[ordinal])) {
                return ordinal;
            }
        }
        return -1;
    }

    /** Whether an ASCII key that is no column's name becomes one when lower-cased. */
    private static boolean isCaseLookalike(byte[] json, int from, int to) {
        int length = to - from;
        if (length >= BY_LENGTH.length) {
            return false;
        }
        for (int ordinal : BY_LENGTH[length]) {
            byte[] name = NAMES[ordinal];
            boolean same = true;
            for (int k = 0; k < length && same; k++) {
                byte b = json[from + k];
                if (b >= 'A' && b <= 'Z') {
                    b += 'a' - 'A';
                }
                same = b == name[k];
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    /** JSON whitespace other than line breaks, which the Jackson pass handles (the line must be rewritten). */
    private static int skipSpaces(byte[] json, int i, int length) {
        while (i < length && (json[i] == ' ' || json[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** The service string of printable ASCII bytes, from a small cache so that repeated services make no String. */
    private String service(byte[] json, int from, int to) {
        int hash = 1;
        for (int k = from; k < to; k++) {
            hash = 31 * hash + json[k];
        }
        int slot = (hash ^ hash >>> 16) & (SERVICE_CACHE_SIZE - 1);
        byte[] cached = serviceBytes[slot];
        if (cached != null && matches(json, from, to, cached)) {
            return serviceStrings[slot];
        }
        String service = new String(json, from, to - from, StandardCharsets.ISO_8859_1);
        serviceBytes[slot] = Arrays.copyOfRange(json, from, to);
        serviceStrings[slot] = service;
        return service;
    }
}
