package io.roxxane.agent.spool;

import io.roxxane.agent.files.Descriptors;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sender's read channels on this instance's segments, one per segment, opened on first read
 * (never through a link) and closed when the segment goes. Sender thread only.
 */
final class SegmentReaders {
    private final SpoolDirectory dir;
    private final Map<Long, FileChannel> channels = new TreeMap<Long, FileChannel>();

    SegmentReaders(SpoolDirectory dir) {
        this.dir = dir;
    }

    /** Frames of {@code segment} from {@code from} (at least its data start) up to {@code to}. */
    FrameReader frames(Segment segment, long from, long to) throws IOException {
        return new FrameReader(channel(segment), Math.max(from, segment.dataStart), to);
    }

    /** How many whole frames lie between the two offsets of {@code segment}. */
    long count(Segment segment, long from, long to) throws IOException {
        if (to <= from) {
            return 0;
        }
        FrameReader reader = frames(segment, from, to);
        long count = 0;
        byte[] line;
        while ((line = reader.peek()) != null) {
            count++;
            reader.advance(line.length);
        }
        return count;
    }

    private FileChannel channel(Segment segment) throws IOException {
        FileChannel channel = channels.get(segment.number);
        if (channel == null) {
            channel = dir.openForReading(segment.name);
            channels.put(segment.number, channel);
        }
        return channel;
    }

    /** Closes the channel of a segment that is going. */
    void forget(Segment segment) {
        Descriptors.closeQuietly(channels.remove(segment.number)); // reading only
    }

    void closeAll() {
        for (FileChannel channel : channels.values()) {
            Descriptors.closeQuietly(channel); // reading only
        }
        channels.clear();
    }
}
