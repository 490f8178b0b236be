package io.roxxane.agent.spool;

import io.roxxane.agent.files.Descriptors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * One segment file of this instance's spool, being appended to: the magic, the header frame, then
 * one frame per sample. {@link #end} moves only once a frame is wholly written, so a reader that
 * stops there never sees half a frame; a write that fails part-way is cut off again.
 */
final class Segment {
    final long number;
    final String name;
    private final FileChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(Frames.HEADER_BYTES);
    /** Where the first sample frame starts. */
    final long dataStart;
    private volatile long end;
    private volatile long frames;
    private boolean broken;

    private Segment(long number, String name, FileChannel channel, long dataStart) {
        this.number = number;
        this.name = name;
        this.channel = channel;
        this.dataStart = dataStart;
        this.end = dataStart;
    }

    /** Creates the file (it must not exist) and writes the magic and the header. */
    static Segment create(SpoolDirectory dir, long number, String name, SegmentHeader segmentHeader)
            throws IOException {
        FileChannel channel = dir.createFile(name);
        try {
            byte[] payload = segmentHeader.payload();
            ByteBuffer start = ByteBuffer.allocate(SegmentHeader.MAGIC.length + Frames.HEADER_BYTES + payload.length);
            start.put(SegmentHeader.MAGIC);
            ByteBuffer frameHeader = ByteBuffer.allocate(Frames.HEADER_BYTES);
            Frames.header(payload, frameHeader);
            start.put(frameHeader).put(payload).flip();
            while (start.hasRemaining()) {
                channel.write(start);
            }
            return new Segment(number, name, channel, channel.position());
        } catch (IOException | RuntimeException e) {
            channel.close();
            dir.deleteQuietly(name);
            throw e;
        }
    }

    /**
     * Appends one frame. On failure (a full disk) cuts the file back to the last whole frame and
     * throws; if even that fails, the segment is broken and takes no more frames.
     */
    void append(byte[] payload) throws IOException {
        if (broken) {
            throw new IOException("segment " + name + " is broken by an earlier failed write");
        }
        Frames.header(payload, header);
        ByteBuffer[] frame = {header, ByteBuffer.wrap(payload)};
        long before = end;
        try {
            long remaining = Frames.HEADER_BYTES + payload.length;
            while (remaining > 0) {
                remaining -= channel.write(frame);
            }
        } catch (IOException e) {
            try {
                channel.truncate(before);
                channel.position(before);
            } catch (IOException cannotCut) {
                broken = true;
            }
            throw e;
        }
        end = before + Frames.HEADER_BYTES + payload.length;
        frames++;
    }

    /** Offset after the last whole frame. */
    long end() {
        return end;
    }

    long frames() {
        return frames;
    }

    boolean broken() {
        return broken;
    }

    /** Forces what was written to the disk. */
    void sync() throws IOException {
        channel.force(false);
    }

    /** Closes the file; every write went through the channel already. */
    void close() {
        Descriptors.closeQuietly(channel);
    }
}
