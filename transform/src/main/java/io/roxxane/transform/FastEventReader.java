package io.roxxane.transform;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * One hand-written pass over a transformation event in the shape Firehose sends: an object whose
 * fields are scalars or the {@code records} array, each record an object of scalars with a
 * printable-ASCII {@code recordId}, an integral {@code approximateArrivalTimestamp} and base64
 * {@code data} without escapes (found with a vectorised search for its closing quote; the base64
 * decoder checks the characters, see {@link RecordData#ofUnverified}). Records are handed over only once the whole event has been read,
 * so that on anything else (nested values such as {@code kinesisRecordMetadata}, escapes, non-ASCII
 * bytes, errors of any kind) {@link #read} can answer {@code false} having handed over nothing, and
 * {@link FirehoseEventReader}'s Jackson pass reads the event and words any error. It only ever
 * speeds up events Jackson's pass reads the same way; the differential test holds it to that.
 */
final class FastEventReader {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final int FALLBACK = -1;
    private static final int MAX_DIGITS = 18;
    /** Longer keys go to the Jackson pass, which bounds name lengths. */
    private static final int MAX_KEY_BYTES = 256;
    private static final byte[] RECORDS = bytes("records");
    private static final byte[] RECORD_ID = bytes("recordId");
    private static final byte[] ARRIVAL = bytes("approximateArrivalTimestamp");
    private static final byte[] DATA = bytes("data");

    private final LongSupplier clock;

    // The records read so far, handed over at the end.
    private int count;
    private String[] ids = new String[64];
    private long[] arrivals = new long[64];
    private boolean[] hasArrival = new boolean[64];
    private int[] dataFrom = new int[64];
    private int[] dataTo = new int[64];

    // The record being read.
    private String recordId;
    private boolean recordHasArrival;
    private long recordArrival;
    private int recordDataFrom;
    private int recordDataTo;
    private long number;

    FastEventReader(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Reads {@code event}; if it is in the common shape, hands every record to the consumer in
     * order and returns true. Otherwise returns false having handed over nothing.
     */
    boolean read(byte[] event, FirehoseEventReader.RecordConsumer consumer) {
        count = 0;
        boolean read = readEvent(event);
        if (!read) {
            return false;
        }
        for (int r = 0; r < count; r++) {
            RecordData data = dataFrom[r] < 0 ? RecordData.MISSING
                    : RecordData.ofUnverified(Arrays.copyOfRange(event, dataFrom[r], dataTo[r]));
            consumer.accept(ids[r], hasArrival[r] ? arrivals[r] : clock.getAsLong(), data);
        }
        return true;
    }

    /** The number of records of the last successful {@link #read}. */
    int count() {
        return count;
    }

    private boolean readEvent(byte[] json) {
        int length = json.length;
        int i = skipWhitespace(json, 0, length);
        if (i >= length || json[i] != '{') {
            return false;
        }
        boolean hasRecords = false;
        i = skipWhitespace(json, i + 1, length);
        if (i < length && json[i] == '}') {
            return false; // no records: the Jackson pass words the error
        }
        while (true) {
            int keyEnd = plainString(json, i, length);
            if (keyEnd < 0 || keyEnd - i > MAX_KEY_BYTES) {
                return false;
            }
            boolean isRecords = equalsAt(json, i + 1, keyEnd, RECORDS);
            i = colon(json, keyEnd + 1, length);
            if (i < 0) {
                return false;
            }
            if (isRecords) {
                if (hasRecords) {
                    return false;
                }
                hasRecords = true;
                i = records(json, i, length);
            } else {
                i = scalar(json, i, length);
            }
            if (i < 0) {
                return false;
            }
            i = skipWhitespace(json, i, length);
            if (i >= length) {
                return false;
            }
            if (json[i] == '}') {
                break;
            }
            if (json[i] != ',') {
                return false;
            }
            i = skipWhitespace(json, i + 1, length);
        }
        return hasRecords && skipWhitespace(json, i + 1, length) == length;
    }

    private int records(byte[] json, int i, int length) {
        if (i >= length || json[i] != '[') {
            return FALLBACK;
        }
        i = skipWhitespace(json, i + 1, length);
        if (i < length && json[i] == ']') {
            return i + 1;
        }
        while (i < length) {
            i = record(json, i, length);
            if (i < 0) {
                return FALLBACK;
            }
            i = skipWhitespace(json, i, length);
            if (i >= length) {
                return FALLBACK;
            }
            if (json[i] == ']') {
                return i + 1;
            }
            if (json[i] != ',') {
                return FALLBACK;
            }
            i = skipWhitespace(json, i + 1, length);
        }
        return FALLBACK;
    }

    private int record(byte[] json, int i, int length) {
        if (json[i] != '{') {
            return FALLBACK;
        }
        recordId = null;
        recordHasArrival = false;
        recordDataFrom = FALLBACK;
        i = skipWhitespace(json, i + 1, length);
        if (i < length && json[i] == '}') {
            return FALLBACK; // no recordId: the Jackson pass words the error
        }
        while (true) {
            int keyEnd = plainString(json, i, length);
            if (keyEnd < 0 || keyEnd - i > MAX_KEY_BYTES) {
                return FALLBACK;
            }
            int keyStart = i + 1;
            i = colon(json, keyEnd + 1, length);
            if (i < 0) {
                return FALLBACK;
            }
            if (equalsAt(json, keyStart, keyEnd, DATA)) {
                i = data(json, i, length);
            } else if (equalsAt(json, keyStart, keyEnd, RECORD_ID)) {
                int end = plainString(json, i, length);
                if (end < 0) {
                    return FALLBACK;
                }
                recordId = new String(json, i + 1, end - i - 1, StandardCharsets.ISO_8859_1);
                i = end + 1;
            } else if (equalsAt(json, keyStart, keyEnd, ARRIVAL)) {
                i = arrival(json, i, length);
            } else {
                i = scalar(json, i, length);
            }
            if (i < 0) {
                return FALLBACK;
            }
            i = skipWhitespace(json, i, length);
            if (i >= length) {
                return FALLBACK;
            }
            if (json[i] == '}') {
                break;
            }
            if (json[i] != ',') {
                return FALLBACK;
            }
            i = skipWhitespace(json, i + 1, length);
        }
        if (recordId == null) {
            return FALLBACK;
        }
        add();
        return i + 1;
    }

    private void add() {
        if (count == ids.length) {
            int grown = count * 2;
            ids = Arrays.copyOf(ids, grown);
            arrivals = Arrays.copyOf(arrivals, grown);
            hasArrival = Arrays.copyOf(hasArrival, grown);
            dataFrom = Arrays.copyOf(dataFrom, grown);
            dataTo = Arrays.copyOf(dataTo, grown);
        }
        ids[count] = recordId;
        arrivals[count] = recordArrival;
        hasArrival[count] = recordHasArrival;
        dataFrom[count] = recordDataFrom;
        dataTo[count] = recordDataTo;
        count++;
    }

    /**
     * The data string or null; a later {@code data} wins, as in Jackson's pass. Only quotes and
     * backslashes are looked for: the base64 decoder checks the rest (see {@link RecordData#ofUnverified}).
     */
    private int data(byte[] json, int i, int length) {
        if (json[i] == 'n') {
            recordDataFrom = FALLBACK;
            return literal(json, i, length, "null");
        }
        int end = unescapedString(json, i, length);
        if (end < 0) {
            return FALLBACK;
        }
        recordDataFrom = i + 1;
        recordDataTo = end;
        return end + 1;
    }

    private int arrival(byte[] json, int i, int length) {
        if (json[i] == 'n') {
            recordHasArrival = false;
            return literal(json, i, length, "null");
        }
        int end = integer(json, i, length);
        if (end < 0) {
            return FALLBACK;
        }
        recordHasArrival = true;
        recordArrival = number;
        return end;
    }

    /** A scalar whose value is not needed: a plain string, an integer, true, false or null. */
    private int scalar(byte[] json, int i, int length) {
        switch (json[i]) {
            case '"': {
                int end = plainString(json, i, length);
                return end < 0 ? FALLBACK : end + 1;
            }
            case 't':
                return literal(json, i, length, "true");
            case 'f':
                return literal(json, i, length, "false");
            case 'n':
                return literal(json, i, length, "null");
            default:
                return integer(json, i, length);
        }
    }

    private static int literal(byte[] json, int i, int length, String word) {
        if (length - i < word.length()) {
            return FALLBACK;
        }
        for (int k = 0; k < word.length(); k++) {
            if (json[i + k] != word.charAt(k)) {
                return FALLBACK;
            }
        }
        int end = i + word.length();
        return end < length && isDelimiter(json[end]) ? end : FALLBACK;
    }

    /** {@code -?(0|[1-9][0-9]*)} of at most 18 digits, followed by a delimiter; its value goes to {@link #number}. */
    private int integer(byte[] json, int i, int length) {
        boolean negative = i < length && json[i] == '-';
        int first = negative ? i + 1 : i;
        int end = first;
        long value = 0;
        while (end < length && json[end] >= '0' && json[end] <= '9') {
            value = value * 10 + (json[end] - '0');
            end++;
        }
        int digits = end - first;
        if (digits == 0 || digits > MAX_DIGITS || digits > 1 && json[first] == '0'
                || end >= length || !isDelimiter(json[end])) {
            return FALLBACK;
        }
        number = negative ? -value : value;
        return end;
    }

    private static boolean isDelimiter(byte b) {
        return b == ',' || b == '}' || b == ']' || b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** Whitespace, a colon, whitespace; the index after them. */
    private static int colon(byte[] json, int i, int length) {
        i = skipWhitespace(json, i, length);
        if (i >= length || json[i] != ':') {
            return FALLBACK;
        }
        i = skipWhitespace(json, i + 1, length);
        return i < length ? i : FALLBACK;
    }

    /**
     * A string of printable ASCII without escapes opening at {@code i}; returns the index of its
     * closing quote. Eight bytes at a time: base64 data is most of an event.
     */
    private static int plainString(byte[] json, int i, int length) {
        if (i >= length || json[i] != '"') {
            return FALLBACK;
        }
        i++;
        while (i + Long.BYTES <= length) {
            long word = (long) LONGS.get(json, i);
            long quote = word ^ (ONES * '"');
            long backslash = word ^ (ONES * '\\');
            long special = ((quote - ONES) & ~quote
                    | (backslash - ONES) & ~backslash
                    | (word - ONES * 0x20) & ~word
                    | word) & HIGHS;
            if (special != 0) {
                i += Long.numberOfTrailingZeros(special) >>> 3; // the first special byte; borrows only affect later ones
                break;
            }
            i += Long.BYTES;
        }
        while (i < length) {
            byte b = json[i];
            if (b == '"') {
                return i;
            }
            if (b < 0x20 || b == '\\') { // negative: non-ASCII
                return FALLBACK;
            }
            i++;
        }
        return FALLBACK;
    }

    /**
     * A string without escapes opening at {@code i}; returns the index of its closing quote.
     * Looks for the first quote or backslash eight bytes at a time (base64 data is most of an
     * event): a loop that both compilers make fast, where {@code String.indexOf} is fast only
     * where C2 vectorises it and runs a byte at a time under C1, which the Lambda uses.
     */
    private static int unescapedString(byte[] json, int i, int length) {
        if (i >= length || json[i] != '"') {
            return FALLBACK;
        }
        int end = quoteOrBackslash(json, i + 1, length);
        return end < 0 || json[end] != '"' ? FALLBACK : end;
    }

    /** The index of the first {@code "} or {@code \\} at or after {@code from}; -1 if none. */
    static int quoteOrBackslash(byte[] json, int from, int length) {
        int i = from;
        while (i + Long.BYTES <= length) {
            long word = (long) LONGS.get(json, i);
            long quote = word ^ (ONES * '"');
            long backslash = word ^ (ONES * '\\');
            long found = ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3); // borrows only flag later bytes
            }
            i += Long.BYTES;
        }
        while (i < length) {
            if (json[i] == '"' || json[i] == '\\') {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static boolean equalsAt(byte[] json, int from, int to, byte[] name) {
        return Arrays.equals(json, from, to, name, 0, name.length);
    }

    private static int skipWhitespace(byte[] json, int i, int length) {
        while (i < length && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static byte[] bytes(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }
}
