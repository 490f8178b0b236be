package io.roxxane.agent.collect;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;

/**
 * One small Linux {@code /proc} file, read into a buffer that is kept between reads, with number
 * parsing that allocates nothing. The agent reads a few such files every sample; going through
 * {@code Files.readAllLines} and {@code String.split} (as OSHI does) costs several times more CPU
 * when the code runs once per interval and is never hot. Not thread-safe: one per collector.
 */
public final class ProcFile {
    private final File file;
    private byte[] buffer;
    private int length;

    public ProcFile(String path, int initialCapacity) {
        this.file = new File(path);
        this.buffer = new byte[Math.max(64, initialCapacity)];
    }

    /**
     * Reads the file from its start, at most {@code maxBytes} (the whole file if it is shorter).
     * Returns false when it cannot be read; the previous content is gone then.
     */
    public boolean read(int maxBytes) {
        length = 0;
        try (RandomAccessFile in = new RandomAccessFile(file, "r")) {
            while (length < maxBytes) {
                if (length == buffer.length) {
                    byte[] bigger = new byte[Math.min(maxBytes, buffer.length * 2)];
                    System.arraycopy(buffer, 0, bigger, 0, length);
                    buffer = bigger;
                }
                int n = in.read(buffer, length, Math.min(buffer.length, maxBytes) - length);
                if (n < 0) {
                    break;
                }
                length += n;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            length = 0;
            return false;
        }
    }

    /** Reads the whole file. */
    public boolean read() {
        return read(Integer.MAX_VALUE);
    }

    public int length() {
        return length;
    }

    public byte at(int index) {
        return buffer[index];
    }

    /**
     * The index just past {@code key} where it starts a line, searching from {@code from}; -1 if
     * it does not occur. {@code key} is ASCII, e.g. {@code "MemTotal:"}.
     */
    public int lineStartingWith(String key, int from) {
        int i = from;
        while (i < length) {
            if ((i == 0 || buffer[i - 1] == '\n') && matches(key, i)) {
                return i + key.length();
            }
            i++;
        }
        return -1;
    }

    private boolean matches(String key, int at) {
        if (at + key.length() > length) {
            return false;
        }
        for (int k = 0; k < key.length(); k++) {
            if (buffer[at + k] != key.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the bytes from {@code start} to {@code end} (exclusive) are the ASCII {@code text}. */
    public boolean regionEquals(int start, int end, String text) {
        return end - start == text.length() && matches(text, start);
    }

    /** The index of the first byte that is not a space or tab at or after {@code from}. */
    public int skipBlanks(int from) {
        int i = from;
        while (i < length && (buffer[i] == ' ' || buffer[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** The index just past the digits starting at {@code from}. */
    public int skipDigits(int from) {
        int i = from;
        while (i < length && buffer[i] >= '0' && buffer[i] <= '9') {
            i++;
        }
        return i;
    }

    /**
     * The unsigned decimal number at {@code from} (after blanks), or -1 if there is none there or
     * it does not fit in a long. Use {@link #skipBlanks} and {@link #skipDigits} to move past it.
     */
    public long number(int from) {
        int i = skipBlanks(from);
        int end = skipDigits(i);
        if (end == i || end - i > 18) {
            return -1;
        }
        long value = 0;
        for (int k = i; k < end; k++) {
            value = value * 10 + (buffer[k] - '0');
        }
        return value;
    }

    /** The index just past the next field (blanks, then non-blanks) from {@code from}. */
    public int skipField(int from) {
        int i = skipBlanks(from);
        while (i < length && buffer[i] != ' ' && buffer[i] != '\t' && buffer[i] != '\n') {
            i++;
        }
        return i;
    }

    /**
     * The decimal number with an optional fraction at {@code from} (after blanks), as in
     * {@code /proc/loadavg} and {@code /proc/uptime}; NaN if there is none.
     */
    public double decimal(int from) {
        int i = skipBlanks(from);
        int end = skipDigits(i);
        if (end == i || end - i > 15) {
            return Double.NaN;
        }
        long whole = number(i);
        if (end < length && buffer[end] == '.') {
            int fractionEnd = skipDigits(end + 1);
            int digits = Math.min(fractionEnd - end - 1, 9);
            long fraction = 0;
            long scale = 1;
            for (int k = 0; k < digits; k++) {
                fraction = fraction * 10 + (buffer[end + 1 + k] - '0');
                scale *= 10;
            }
            return whole + (double) fraction / scale;
        }
        return whole;
    }

    /** The value of a {@code "Key:   123 kB"} line (as in /proc/meminfo) in bytes; -1 if absent. */
    public long kbLineBytes(String keyWithColon) {
        int at = lineStartingWith(keyWithColon, 0);
        if (at < 0) {
            return -1;
        }
        long kb = number(at);
        return kb < 0 ? -1 : kb * 1024L;
    }
}
