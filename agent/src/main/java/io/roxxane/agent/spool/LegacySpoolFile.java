package io.roxxane.agent.spool;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a batch file of spool format 1 (agents before format 2): {@code RXSPOOL1}, int records,
 * int samples, then per record int samples, int length and the record's bytes, newline-delimited
 * sample lines. What precedes damage is kept; the damage itself is reported.
 */
final class LegacySpoolFile {
    private static final byte[] MAGIC = {'R', 'X', 'S', 'P', 'O', 'O', 'L', '1'};
    private static final int MAX_RECORDS = 500;

    /** The sample lines read, each ending in a newline, and whether the file was damaged. */
    static final class Content {
        final List<byte[]> lines;
        final boolean damaged;

        Content(List<byte[]> lines, boolean damaged) {
            this.lines = lines;
            this.damaged = damaged;
        }
    }

    private LegacySpoolFile() {
    }

    static Content read(InputStream raw) {
        List<byte[]> lines = new ArrayList<byte[]>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 65_536))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                return new Content(lines, true);
            }
            int records = in.readInt();
            in.readInt(); // samples: counted again from the lines
            if (records < 0 || records > MAX_RECORDS) {
                return new Content(lines, true);
            }
            for (int i = 0; i < records; i++) {
                in.readInt(); // the record's samples
                int length = in.readInt();
                if (length < 0 || length > Frames.MAX_PAYLOAD_BYTES) {
                    return new Content(lines, true);
                }
                byte[] data = new byte[length];
                in.readFully(data);
                split(data, lines);
            }
            return new Content(lines, false);
        } catch (EOFException torn) {
            return new Content(lines, true);
        } catch (IOException e) {
            return new Content(lines, true);
        }
    }

    /** Adds each whole {@code {…}\n} line of {@code data} to {@code lines}. */
    private static void split(byte[] data, List<byte[]> lines) {
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                if (i > start && data[start] == '{') {
                    lines.add(Arrays.copyOfRange(data, start, i + 1));
                }
                start = i + 1;
            }
        }
    }
}
