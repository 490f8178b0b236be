package io.roxxane.agent.spool;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * This agent instance's spool ({@code spool=DIR}): an append-only log of every sample, written as
 * it is taken and dropped only once Firehose has acknowledged it. The collector thread appends
 * ({@link #append}); the sender thread reads batches from the oldest unread sample on
 * ({@link #read}), acknowledges them ({@link #acknowledge}), keeps the log under its cap
 * ({@link #enforceCap}) and forces it to disk ({@link #sync}). A sample is on disk once its
 * {@code write} returns, so a JVM killed at any moment (kill -9, an OOM kill) loses at most the
 * sample being written; the next JVM on the same directory sends the rest ({@link Adoption}).
 *
 * <p>Files: {@code roxxane-spool-<instance>-<n>.log} segments, {@code roxxane-spool-<instance>.ack}
 * (acknowledged up to) and {@code roxxane-spool-<instance>.lock}, locked while this instance lives.
 */
public final class SpoolLog {
    private final SpoolDirectory dir;
    private final String instanceId;
    private final SegmentHeader header;
    private final long maxBytes;
    private final long segmentBytes;
    private final SpoolLock lock;
    private final AckFile ackFile;

    // Guarded by this: the appender (collector thread, adoption) and the sender's snapshots.
    private final TreeMap<Long, Segment> segments = new TreeMap<Long, Segment>();
    private final List<Segment> unsynced = new ArrayList<Segment>();
    private Segment active;
    private long nextNumber;
    private long appendedBytes;
    /** Bytes the sender has read, as last published by it. */
    private long readBytesPublished;
    private long oldestUnreadNanos = -1;
    private long bytesWritten;

    // Sender thread only.
    private SpoolPosition readCursor;
    private SpoolPosition acknowledged;
    private long readBytes;
    private final SegmentReaders readers;
    private long fsyncs;
    private long damagedRegions;
    private long deletedInFlight;

    SpoolLog(SpoolDirectory dir, String instanceId, String stream, long maxBytes, SpoolLock lock,
            AckFile ackFile) {
        this.dir = dir;
        this.instanceId = instanceId;
        this.header = new SegmentHeader(stream, instanceId);
        this.maxBytes = maxBytes;
        this.segmentBytes = Math.max(64L << 10, Math.min(1L << 20, maxBytes / 8));
        this.lock = lock;
        this.ackFile = ackFile;
        this.readers = new SegmentReaders(dir);
        this.readCursor = SpoolPosition.START;
        this.acknowledged = SpoolPosition.START;
    }

    /**
     * Opens this instance's log in {@code dir} (creating the directory 0750), locks it and starts
     * its first segment.
     *
     * @throws IOException when the directory cannot be created or written
     */
    public static SpoolLog open(File directory, String instanceId, String stream, long maxBytes) throws IOException {
        return SpoolOpening.open(directory, instanceId, stream, maxBytes);
    }

    /** Starts the first segment; a full disk leaves that to the first append. Called once, by {@link SpoolOpening}. */
    synchronized void start() {
        try {
            startSegment();
        } catch (IOException full) {
            // a full disk at start: the first append tries again, and keeps the sample elsewhere meanwhile
        }
    }

    public File directory() {
        return dir.file();
    }

    SpoolDirectory spoolDirectory() {
        return dir;
    }

    public String instanceId() {
        return instanceId;
    }

    /** The stream this log's samples are for. */
    public String stream() {
        return header.stream;
    }

    /**
     * Appends one sample line. Returns false when it could not be written (a full disk, say): the
     * caller keeps the sample another way. Never throws.
     */
    public synchronized boolean append(byte[] line, long nowNanos) {
        try {
            if (active == null || active.broken() || active.end() >= segmentBytes) {
                startSegment();
            }
            active.append(line);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        long frameBytes = Frames.HEADER_BYTES + line.length;
        if (appendedBytes == readBytesPublished) {
            oldestUnreadNanos = nowNanos;
        }
        appendedBytes += frameBytes;
        bytesWritten += frameBytes;
        return true;
    }

    /** Caller holds the lock. Closes the active segment for writing (kept for a later sync) and starts the next. */
    private void startSegment() throws IOException {
        long number = nextNumber++;
        Segment segment = Segment.create(dir, number, SpoolFiles.segment(instanceId, number), header);
        if (active != null) {
            unsynced.add(active);
        }
        segments.put(number, segment);
        active = segment;
        bytesWritten += segment.dataStart;
        if (acknowledged == SpoolPosition.START) {
            readCursor = new SpoolPosition(number, segment.dataStart);
            acknowledged = readCursor;
        }
    }

    /** Bytes appended and not yet read by the sender. */
    public synchronized long unreadBytes() {
        return appendedBytes - readBytesPublished;
    }

    /** When the oldest unread sample was appended ({@link System#nanoTime}), or -1 when all is read. */
    public synchronized long oldestUnreadNanos() {
        return unreadBytes() > 0 ? oldestUnreadNanos : -1;
    }

    /**
     * Hands unread samples to {@code room}, oldest first, while it takes them; moves the read cursor
     * past them. Sender thread only. Damage inside a segment is skipped and counted
     * ({@link #damagedRegions}).
     */
    public SpoolRead read(SpoolRead.Room room) throws IOException {
        List<Segment> snapshot;
        synchronized (this) {
            snapshot = new ArrayList<Segment>(segments.tailMap(readCursor.segment, true).values());
        }
        int samples = 0;
        SpoolPosition cursor = readCursor;
        long bytes = 0;
        for (Segment segment : snapshot) {
            long from = segment.number == cursor.segment ? Math.max(cursor.offset, segment.dataStart) : segment.dataStart;
            long end = segment.end();
            FrameReader reader = readers.frames(segment, from, end);
            boolean roomLeft = true;
            byte[] line;
            while ((line = reader.peek()) != null) {
                if (!room.take(line)) {
                    roomLeft = false;
                    break;
                }
                samples++;
                reader.advance(line.length);
            }
            damagedRegions += reader.damagedRegions();
            bytes += reader.position() - from; // frames and any damage skipped
            cursor = new SpoolPosition(segment.number, reader.position());
            boolean readToItsEnd;
            synchronized (this) {
                // a closed segment read to its end: go on with the next; else read on next time
                readToItsEnd = roomLeft && segment != active && segment.end() == end;
            }
            if (!readToItsEnd) {
                break;
            }
        }
        readCursor = cursor;
        readBytes += bytes;
        synchronized (this) {
            readBytesPublished = readBytes;
            if (appendedBytes == readBytesPublished) {
                oldestUnreadNanos = -1;
            }
        }
        return new SpoolRead(samples, cursor);
    }

    /** Damaged stretches skipped while reading this instance's own segments. */
    public long damagedRegions() {
        return damagedRegions;
    }

    /**
     * Everything before {@code position} reached Firehose: records it, and deletes the segments
     * wholly before it. Sender thread only.
     */
    public void acknowledge(SpoolPosition position) throws IOException {
        if (position.compareTo(acknowledged) <= 0) {
            return;
        }
        acknowledged = position;
        deletedInFlight = 0;
        ackFile.write(position);
        List<Segment> done = new ArrayList<Segment>();
        synchronized (this) {
            for (Segment segment : segments.values()) {
                boolean whollyBefore = segment.number < position.segment
                        || (segment.number == position.segment && segment != active && position.offset >= segment.end());
                if (whollyBefore && segment != active) {
                    done.add(segment);
                }
            }
            for (Segment segment : done) {
                segments.remove(segment.number);
                unsynced.remove(segment);
            }
        }
        for (Segment segment : done) {
            drop(segment);
        }
    }

    /**
     * Deletes the oldest segments while the log is over its cap; returns the unread samples they
     * held, now lost. Samples already read into the batch being sent stay with that batch (see
     * {@link #deletedInFlight}). Sender thread only.
     */
    public long enforceCap() throws IOException {
        long dropped = 0;
        while (true) {
            Segment oldest;
            synchronized (this) {
                long total = 0;
                for (Segment segment : segments.values()) {
                    total += segment.end();
                }
                if (total <= maxBytes || segments.size() < 2) {
                    return dropped;
                }
                oldest = segments.firstEntry().getValue();
                segments.remove(oldest.number);
                unsynced.remove(oldest);
            }
            SpoolPosition start = new SpoolPosition(oldest.number, oldest.dataStart);
            SpoolPosition end = new SpoolPosition(oldest.number, oldest.end());
            SpoolPosition from = SpoolPosition.max(start, acknowledged);
            SpoolPosition readUpTo = SpoolPosition.min(end, readCursor);
            deletedInFlight += frames(oldest, from, readUpTo);
            dropped += frames(oldest, SpoolPosition.max(from, readCursor), end);
            drop(oldest);
            if (readCursor.segment <= oldest.number) {
                Segment next;
                synchronized (this) {
                    next = segments.firstEntry().getValue();
                    readBytesPublished = appendedBytes - unreadAfter(next);
                    readBytes = readBytesPublished;
                }
                readCursor = new SpoolPosition(next.number, next.dataStart);
            }
        }
    }

    /**
     * Samples of the batch being sent whose frames the cap deleted: lost if that batch is given up
     * at shutdown (delivered, they are simply delivered). Reset when a batch is acknowledged.
     */
    public long deletedInFlight() {
        return deletedInFlight;
    }

    /** Caller holds the lock. Unread bytes from the start of {@code first} on. */
    private long unreadAfter(Segment first) {
        long bytes = 0;
        for (Segment segment : segments.tailMap(first.number, true).values()) {
            bytes += segment.end() - segment.dataStart;
        }
        return bytes;
    }

    /** Frames of {@code segment} between two positions in it (none when either lies in another segment). */
    private long frames(Segment segment, SpoolPosition from, SpoolPosition to) throws IOException {
        if (from.segment != segment.number || to.segment != segment.number) {
            return 0;
        }
        return readers.count(segment, from.offset, to.offset);
    }

    private long unacknowledgedFrames(Segment segment) throws IOException {
        SpoolPosition start = new SpoolPosition(segment.number, segment.dataStart);
        return frames(segment, SpoolPosition.max(start, acknowledged), new SpoolPosition(segment.number, segment.end()));
    }

    private void drop(Segment segment) {
        readers.forget(segment);
        segment.close();
        dir.deleteQuietly(segment.name);
    }

    /** Forces what was appended to disk (segments written since the last sync). Sender thread only. */
    public void sync() throws IOException {
        List<Segment> toSync;
        synchronized (this) {
            toSync = new ArrayList<Segment>(unsynced);
            unsynced.clear();
            if (active != null) {
                toSync.add(active);
            }
        }
        for (Segment segment : toSync) {
            segment.sync();
            if (segment != active) {
                segment.close();
            }
            fsyncs++;
        }
        ackFile.sync();
    }

    /** fsync calls made so far (for the cost figures). */
    public long fsyncs() {
        return fsyncs;
    }

    /** Bytes written to segments so far (for the cost figures). */
    public synchronized long bytesWritten() {
        return bytesWritten;
    }

    /** Samples appended and not acknowledged: read again by the next JVM on this directory. */
    public long unacknowledgedSamples() {
        long frames = 0;
        List<Segment> all;
        synchronized (this) {
            all = new ArrayList<Segment>(segments.values());
        }
        for (Segment segment : all) {
            try {
                frames += unacknowledgedFrames(segment);
            } catch (IOException e) {
                // counted as none; the files stay
            }
        }
        return frames;
    }

    /**
     * Forces the log to disk and releases the lock; the files stay for the next JVM, or go when
     * all is acknowledged. Sender thread (or the closing thread once the sender is done).
     */
    public void close() {
        try {
            sync();
        } catch (IOException ignored) {
            // best effort: the page cache survives the process anyway
        }
        boolean allAcknowledged = unacknowledgedSamples() == 0;
        List<Segment> all;
        synchronized (this) {
            all = new ArrayList<Segment>(segments.values());
            segments.clear();
            unsynced.clear();
        }
        for (Segment segment : all) {
            if (allAcknowledged) {
                drop(segment);
            } else {
                segment.close();
            }
        }
        readers.closeAll();
        ackFile.close();
        if (allAcknowledged) {
            dir.deleteQuietly(SpoolFiles.ack(instanceId));
            lock.releaseAndDelete();
        } else {
            lock.release();
        }
        dir.close();
    }
}
