package io.roxxane.agent.collect;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;

/**
 * One small Linux {@code /proc}, {@code /sys} or cgroup file, read into a buffer that is kept
 * between reads, with number parsing that allocates nothing. The agent reads a few such files every
 * sample; going through {@code Files.readAllLines} and {@code String.split} (as OSHI does) costs
 * several times more CPU when the code runs once per interval and is never hot.
 *
 * <p>The file stays open between reads: each read seeks back to its start, and the kernel
 * generates the content afresh for a read from offset 0 (these files are {@code seq_file}s). At one
 * read a second, opening and closing the file each time costs about 25 µs of CPU, three quarters
 * of the whole read. When a read fails the file is closed and opened once more (a cgroup or a
 * device that went away and came back); when it cannot be opened, the read fails and the next read
 * tries again. The descriptor is released with this object (on Java 8, only when the JVM exits).
 * Not thread-safe: one per collector.
 */
public final class ProcFile {
    /**
     * A read that returns fewer bytes than asked, and at most this many, is taken as the end of the
     * file, which saves the read that would return nothing. A regular file reads short only at
     * its end; the kernel's {@code seq_file} reads short before its end only when its page-sized
     * buffer cannot take the next record, which leaves it more than half full (the records of the
     * files read here are lines of at most a few hundred bytes; single-record files come whole).
     */
    static final int SHORT_READ_IS_END = 2_048;

    private final File file;
    private RandomAccessFile in;
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
        if (in != null && readOpen(maxBytes)) {
            return true;
        }
        close(); // not open yet, or the open file failed: once more from a fresh open
        try {
            in = new RandomAccessFile(file, "r");
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
        if (readOpen(maxBytes)) {
            return true;
        }
        close();
        return false;
    }

    private boolean readOpen(int maxBytes) {
        try {
            in.seek(0);
            while (length < maxBytes) {
                if (length == buffer.length) {
                    byte[] bigger = new byte[Math.min(maxBytes, buffer.length * 2)];
                    System.arraycopy(buffer, 0, bigger, 0, length);
                    buffer = bigger;
                }
                int asked = Math.min(buffer.length, maxBytes) - length;
                int n = in.read(buffer, length, asked);
                if (n < 0) {
                    break;
                }
                length += n;
                if (n < asked && n <= SHORT_READ_IS_END) {
                    break; // the end: no need for one more read to be told so
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            length = 0;
            return false;
        }
    }

    /** Releases the descriptor, for a file read once; a later read opens the file again. */
    public void close() {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // a read-only descriptor: nothing was pending
            }
            in = null;
        }
    }

    /** Whether the file is held open (for tests). */
    boolean isOpen() {
        return in != null;
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

    /** The index of the end of the line holding {@code from}: its {@code '\n'}, or {@link #length()}. */
    public int lineEnd(int from) {
        int i = from;
        while (i < length && buffer[i] != '\n') {
            i++;
        }
        return i;
    }

    /** The index where the line after the one holding {@code from} starts ({@link #length()} at the end). */
    public int nextLine(int from) {
        return Math.min(length, lineEnd(from) + 1);
    }

    /**
     * The index just past the first occurrence of the ASCII {@code token} in {@code from} up to
     * {@code to} (exclusive); -1 if it does not occur there.
     */
    public int find(String token, int from, int to) {
        int last = Math.min(to, length) - token.length();
        for (int i = from; i <= last; i++) {
            if (matches(token, i)) {
                return i + token.length();
            }
        }
        return -1;
    }

    /**
     * The number after {@code key} on the line that starts with it, as in {@code cpu.stat} or
     * {@code memory.stat} ({@code "nr_periods 42"}: pass {@code "nr_periods "}); -1 if no line
     * starts with it or no number follows.
     */
    public long keyedNumber(String key) {
        int at = lineStartingWith(key, 0);
        return at < 0 ? -1 : number(at);
    }

    /**
     * The bytes from {@code start} to {@code end} (exclusive) as text, one char per byte. It
     * allocates: for names seen for the first time, not for every sample.
     */
    public String text(int start, int end) {
        char[] chars = new char[end - start];
        for (int i = start; i < end; i++) {
            chars[i - start] = (char) (buffer[i] & 0xff);
        }
        return new String(chars);
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
