package io.roxxane.agent.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads the frames of one segment between two offsets, in order. Damage (a torn tail, a corrupt
 * stretch) is skipped: the reader moves on to the next offset where a whole valid frame starts, and
 * counts the stretch; the samples after it are read as usual.
 */
final class FrameReader {
    private static final int CHUNK = 64 * 1024;

    private final FileChannel channel;
    private final long end;
    private byte[] buffer = new byte[CHUNK];
    private long bufferStart;
    private int bufferLength;
    private long position;
    private long damagedRegions;
    private long damagedBytes;

    /** Reads from {@code from} up to {@code end} (exclusive). */
    FrameReader(FileChannel channel, long from, long end) {
        this.channel = channel;
        this.position = from;
        this.end = end;
        this.bufferStart = from;
    }

    /** The offset after the last frame returned or damage skipped. */
    long position() {
        return position;
    }

    long damagedRegions() {
        return damagedRegions;
    }

    long damagedBytes() {
        return damagedBytes;
    }

    /** Whether a whole frame of {@code payloadLength} starting at the position would end after {@code limit}. */
    boolean wouldPass(long limit, int payloadLength) {
        return position + Frames.HEADER_BYTES + payloadLength > limit;
    }

    /**
     * The next frame's payload, or null at the end. Does not move past a frame it returns until
     * {@link #advance} is called, so a caller that has no room for it can stop before it.
     */
    byte[] peek() throws IOException {
        long damageStart = -1;
        while (position < end) {
            int length = frameAt(position);
            if (length >= 0) {
                if (damageStart >= 0) {
                    damagedRegions++;
                    damagedBytes += position - damageStart;
                }
                byte[] payload = new byte[length];
                System.arraycopy(buffer, (int) (position - bufferStart) + Frames.HEADER_BYTES, payload, 0, length);
                return payload;
            }
            if (damageStart < 0) {
                damageStart = position;
            }
            position++;
        }
        if (damageStart >= 0) {
            damagedRegions++;
            damagedBytes += end - damageStart;
        }
        return null;
    }

    /** Moves past the frame {@link #peek} returned, of this payload length. */
    void advance(int payloadLength) {
        position += Frames.HEADER_BYTES + payloadLength;
    }

    /** The payload length of a whole valid frame at {@code at}, or -1. */
    private int frameAt(long at) throws IOException {
        if (!fill(at, Frames.HEADER_BYTES)) {
            return -1;
        }
        int length = Frames.readInt(buffer, (int) (at - bufferStart));
        if (!Frames.plausibleLength(length) || at + Frames.HEADER_BYTES + length > end) {
            return -1;
        }
        if (!fill(at, Frames.HEADER_BYTES + length)) {
            return -1;
        }
        int offset = (int) (at - bufferStart);
        return Frames.validFrameAt(buffer, offset, bufferLength);
    }

    /** Makes the buffer hold {@code count} bytes from file offset {@code at}; false if the file is shorter. */
    private boolean fill(long at, int count) throws IOException {
        if (at >= bufferStart && at + count <= bufferStart + bufferLength) {
            return true;
        }
        int want = Math.max(count, CHUNK);
        if (buffer.length < want) {
            buffer = new byte[want];
        }
        int keep = 0;
        if (at >= bufferStart && at < bufferStart + bufferLength) {
            keep = (int) (bufferStart + bufferLength - at);
            System.arraycopy(buffer, (int) (at - bufferStart), buffer, 0, keep);
        }
        bufferStart = at;
        bufferLength = keep;
        long readable = Math.min(end - at, buffer.length);
        ByteBuffer into = ByteBuffer.wrap(buffer, keep, (int) readable - keep);
        while (into.hasRemaining()) {
            int n = channel.read(into, at + bufferLength);
            if (n < 0) {
                break;
            }
            bufferLength += n;
        }
        return bufferLength >= count;
    }
}
