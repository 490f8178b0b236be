package io.roxxane.agent.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Takes over what stopped agents left in the spool directory, so that it reaches Firehose: the
 * unacknowledged samples of every instance whose lock no live process holds, and the batch files of
 * spool format 1. Each sample line is appended, unchanged (its instance id and seq included), to
 * this instance's log; then the files it came from are deleted. A segment written for another
 * stream is left alone. Runs on the sender thread, at start and then now and again, so a sibling
 * that dies while this one runs is taken over too.
 */
public final class Adoption {

    private final SpoolLog own;
    private final SpoolDirectory dir;
    private final Set<String> otherStreamsReported = new HashSet<String>();

    /** What one run took over. */
    public static final class Result {
        public final long samples;
        public final long damagedRegions;
        public final List<String> otherStreams;

        Result(long samples, long damagedRegions, List<String> otherStreams) {
            this.samples = samples;
            this.damagedRegions = damagedRegions;
            this.otherStreams = otherStreams;
        }
    }

    public Adoption(SpoolLog own) {
        this.own = own;
        this.dir = own.spoolDirectory();
    }

    /**
     * When a taken-over sample counts as queued: an hour ago, so that it is due at once rather than a
     * flush interval after the take-over.
     */
    private static long longAgo() {
        return System.nanoTime() - TimeUnit.HOURS.toNanos(1);
    }

    /** Takes over what it can now; never throws. */
    public Result run() {
        long[] counts = new long[2];
        List<String> otherStreams = new ArrayList<String>();
        TreeMap<String, TreeMap<Long, String>> segmentsByInstance = new TreeMap<String, TreeMap<Long, String>>();
        Set<String> instances = new HashSet<String>();
        List<String> legacy = new ArrayList<String>();
        for (String name : dir.ownNames()) {
            String instance = SpoolFiles.instanceOf(name);
            if (instance != null && !instance.equals(own.instanceId())) {
                instances.add(instance);
                long number = SpoolFiles.segmentNumber(name);
                if (number >= 0) {
                    TreeMap<Long, String> segments = segmentsByInstance.get(instance);
                    if (segments == null) {
                        segments = new TreeMap<Long, String>();
                        segmentsByInstance.put(instance, segments);
                    }
                    segments.put(number, name);
                }
            } else if (SpoolFiles.LEGACY_BATCH.matcher(name).matches() || SpoolFiles.LEGACY_TEMP.matcher(name).matches()) {
                legacy.add(name);
            }
        }
        Collections.sort(legacy);
        for (String instance : instances) {
            TreeMap<Long, String> segments = segmentsByInstance.get(instance);
            adoptInstance(instance, segments == null ? new TreeMap<Long, String>() : segments, counts, otherStreams);
        }
        if (!legacy.isEmpty()) {
            adoptLegacy(legacy, counts);
        }
        return new Result(counts[0], counts[1], otherStreams);
    }

    private void adoptInstance(final String instance, final TreeMap<Long, String> segments, final long[] counts,
            final List<String> otherStreams) {
        holding(SpoolFiles.lock(instance), new Takeover() {
            @Override
            public boolean run() throws IOException {
                return takeOverInstance(instance, segments, counts, otherStreams);
            }
        });
    }

    /** True when every segment of the instance is in the own log and its files are gone. */
    private boolean takeOverInstance(String instance, TreeMap<Long, String> segments, long[] counts,
            List<String> otherStreams) throws IOException {
        SpoolPosition acknowledged = AckFile.read(dir, instance);
        for (Map.Entry<Long, String> segment : segments.entrySet()) {
            long number = segment.getKey();
            if (number < acknowledged.segment) {
                dir.deleteQuietly(segment.getValue());
                continue;
            }
            String stream = streamOf(segment.getValue());
            if (stream != null && !stream.equals(own.stream())) {
                if (otherStreamsReported.add(instance)) {
                    otherStreams.add(stream);
                }
                return false; // samples for another stream: left for an agent that sends there
            }
            long from = number == acknowledged.segment ? acknowledged.offset : 0;
            long stoppedAt = copy(segment.getValue(), from, counts);
            if (stoppedAt >= 0) {
                AckFile ack = AckFile.open(dir, instance);
                try {
                    ack.write(new SpoolPosition(number, stoppedAt));
                } finally {
                    ack.close();
                }
                return false; // our own log cannot take more now: the rest waits for the next run
            }
            dir.deleteQuietly(segment.getValue());
        }
        dir.deleteQuietly(SpoolFiles.ack(instance));
        return true;
    }

    /** Taking over a stopped writer's files; true when all went and its lock file may go too. */
    private interface Takeover {
        boolean run() throws IOException;
    }

    /**
     * Runs {@code takeover} holding the lock {@code lockName}, unless a live process holds it (its
     * owner sends its samples itself). Never throws: what fails is left as it is and tried again at
     * the next run.
     */
    private void holding(String lockName, Takeover takeover) {
        SpoolLock lock = null;
        try {
            lock = SpoolLock.tryTake(dir, lockName);
            if (lock != null && takeover.run()) {
                lock.releaseAndDelete();
                lock = null;
            }
        } catch (IOException | RuntimeException e) {
            // left as it is: tried again at the next run
        } finally {
            if (lock != null) {
                lock.release();
            }
        }
    }

    /**
     * Appends the segment's frames from {@code from} to the own log; returns -1 when all went, or
     * the offset of the first frame the log refused.
     */
    private long copy(String segment, long from, long[] counts) throws IOException {
        try (FileChannel channel = dir.openForReading(segment)) {
            long start = Math.max(from, dataStart(channel));
            FrameReader reader = new FrameReader(channel, start, channel.size());
            byte[] line;
            try {
                while ((line = reader.peek()) != null) {
                    if (!own.append(line, longAgo())) {
                        return reader.position();
                    }
                    counts[0]++;
                    reader.advance(line.length);
                }
            } finally {
                counts[1] += reader.damagedRegions();
            }
            return -1;
        }
    }

    /** The offset after the magic and the header frame, or just after the magic when the header is damaged. */
    private static long dataStart(FileChannel channel) throws IOException {
        long afterMagic = SegmentHeader.MAGIC.length;
        ByteBuffer lengthBytes = ByteBuffer.allocate(4);
        if (channel.read(lengthBytes, afterMagic) < 4) {
            return afterMagic;
        }
        int length = lengthBytes.getInt(0);
        return Frames.plausibleLength(length) ? afterMagic + Frames.HEADER_BYTES + length : afterMagic;
    }

    /** The stream a segment's header names, or null when the header cannot be read. */
    private String streamOf(String segment) {
        try (FileChannel channel = dir.openForReading(segment)) {
            long size = Math.min(channel.size(), 64 * 1024);
            ByteBuffer head = ByteBuffer.allocate((int) size);
            while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
                // read the head
            }
            byte[] bytes = head.array();
            for (int i = 0; i < SegmentHeader.MAGIC.length; i++) {
                if (bytes.length <= i || bytes[i] != SegmentHeader.MAGIC[i]) {
                    return null;
                }
            }
            int length = Frames.validFrameAt(bytes, SegmentHeader.MAGIC.length, head.position());
            if (length < 0) {
                return null;
            }
            byte[] payload = Arrays.copyOfRange(bytes, SegmentHeader.MAGIC.length + Frames.HEADER_BYTES,
                    SegmentHeader.MAGIC.length + Frames.HEADER_BYTES + length);
            return SegmentHeader.parse(payload).stream;
        } catch (IOException e) {
            return null;
        }
    }

    private void adoptLegacy(final List<String> files, final long[] counts) {
        holding(SpoolFiles.LEGACY_LOCK, new Takeover() {
            @Override
            public boolean run() throws IOException {
                return takeOverLegacy(files, counts);
            }
        });
    }

    /** True when every batch file of format 1 is in the own log and deleted. */
    private boolean takeOverLegacy(List<String> files, long[] counts) throws IOException {
        for (String file : files) {
            LegacySpoolFile.Content content;
            try (FileChannel channel = dir.openForReading(file)) {
                content = LegacySpoolFile.read(java.nio.channels.Channels.newInputStream(channel));
            }
            for (byte[] line : content.lines) {
                if (!own.append(line, longAgo())) {
                    return false; // re-read in full next time: at least once
                }
                counts[0]++;
            }
            if (content.damaged) {
                counts[1]++;
            }
            dir.deleteQuietly(file);
        }
        return true;
    }
}
