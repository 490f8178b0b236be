package io.roxxane.agent.spool;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * How a sample is framed in a spool segment: a 4-byte length, the CRC-32 of the payload, then the
 * payload (the sample's JSON line, ending in a newline). A frame whose length is out of range,
 * whose payload is cut short or whose CRC does not match is damage: the reader skips ahead to the
 * next frame that checks out, so a torn or corrupt stretch costs only the samples inside it.
 */
final class Frames {
    static final int HEADER_BYTES = 8;
    /** Firehose's record limit; no sample line is longer. */
    static final int MAX_PAYLOAD_BYTES = 1_024_000;

    private Frames() {
    }

    /** Writes the frame header of {@code payload} into {@code header} (8 bytes, position 0, flipped). */
    static void header(byte[] payload, ByteBuffer header) {
        header.clear();
        header.putInt(payload.length);
        header.putInt((int) crc(payload, 0, payload.length));
        header.flip();
    }

    static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    /** Whether a length read from a frame header can be a sample's. */
    static boolean plausibleLength(int length) {
        return length >= 2 && length <= MAX_PAYLOAD_BYTES;
    }

    /**
     * Whether the bytes at {@code offset} in {@code buffer} hold a whole valid frame: a plausible
     * length, the payload inside the buffer, its CRC, and a payload that looks like a JSON line.
     * Returns the payload length, or -1.
     */
    static int validFrameAt(byte[] buffer, int offset, int limit) {
        if (limit - offset < HEADER_BYTES) {
            return -1;
        }
        int length = readInt(buffer, offset);
        if (!plausibleLength(length) || (long) offset + HEADER_BYTES + length > limit) {
            return -1;
        }
        int start = offset + HEADER_BYTES;
        if (buffer[start] != '{' || buffer[start + length - 1] != '\n') {
            return -1;
        }
        long expected = readInt(buffer, offset + 4) & 0xFFFFFFFFL;
        return crc(buffer, start, length) == expected ? length : -1;
    }

    static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
