package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.sample.EncodedSample;
import io.roxxane.agent.stats.AgentStats;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The samples waiting to be sent, bounded in bytes. Its bound covers both the queued samples and
 * the batch the sender holds in flight: when a new sample would pass it, the oldest queued
 * samples are dropped and counted in {@link AgentStats#samplesDropped}.
 *
 * <p>The collector thread only ever holds the lock for an {@code ArrayDeque} operation; the
 * sender holds it while it copies one batch (at most a few MB) out of the queue, never during
 * network or disk work. The queue is also the sender's monitor: {@link #awaitWork} waits on it
 * and {@link #offer} wakes the sender when there is something for it to do.
 */
final class SampleQueue {
    private final long boundBytes;
    private final long fullBatchBytes;
    private final AgentStats stats;
    private final ArrayDeque<EncodedSample> samples = new ArrayDeque<EncodedSample>();
    private final ArrayDeque<Long> enqueuedAtNanos = new ArrayDeque<Long>();
    private long queuedBytes;
    private long inFlightBytes;
    private long overflowBytes = Long.MAX_VALUE;
    private long droppedSinceReported;
    private boolean wakeRequested;

    /**
     * @param boundBytes the {@code buffer} setting
     * @param fullBatchBytes queued bytes at which the sender is woken to send a full batch
     */
    SampleQueue(long boundBytes, long fullBatchBytes, AgentStats stats) {
        this.boundBytes = boundBytes;
        this.fullBatchBytes = fullBatchBytes;
        this.stats = stats;
    }

    /** Queues the sample, dropping the oldest queued ones past the bound. Never blocks on I/O. */
    synchronized void offer(EncodedSample sample, long nowNanos) {
        long size = sample.size();
        if (size + inFlightBytes > boundBytes) {
            drop(1); // cannot fit even alone: counted, never held
            return;
        }
        while (queuedBytes + inFlightBytes + size > boundBytes && !samples.isEmpty()) {
            queuedBytes -= samples.removeFirst().size();
            enqueuedAtNanos.removeFirst();
            drop(1);
        }
        boolean wasEmpty = samples.isEmpty();
        samples.addLast(sample);
        enqueuedAtNanos.addLast(nowNanos);
        queuedBytes += size;
        if (wasEmpty || queuedBytes >= fullBatchBytes || queuedBytes >= overflowBytes) {
            wakeRequested = true;
            notifyAll();
        }
    }

    private void drop(long count) {
        stats.samplesDropped(count);
        droppedSinceReported += count;
    }

    /** Samples dropped for lack of room since the last call (for the sender's one-line report). */
    synchronized long takeDroppedCount() {
        long count = droppedSinceReported;
        droppedSinceReported = 0;
        return count;
    }

    /**
     * Moves samples from the head of the queue into {@code packer} until it is full or the queue
     * is empty; their bytes count as in flight until {@link #releaseInFlight}. Samples too large
     * to ever send are dropped and counted.
     */
    synchronized void takeInto(RecordPacker packer) {
        EncodedSample head;
        while ((head = samples.peekFirst()) != null) {
            if (!packer.fitsAlone(head.size())) {
                samples.removeFirst();
                enqueuedAtNanos.removeFirst();
                queuedBytes -= head.size();
                drop(1);
                continue;
            }
            if (!packer.tryAdd(head)) {
                break;
            }
            samples.removeFirst();
            enqueuedAtNanos.removeFirst();
            queuedBytes -= head.size();
            inFlightBytes += head.size();
        }
    }

    /** Counts bytes read back from the spool as in flight. */
    synchronized void addInFlight(long bytes) {
        inFlightBytes += bytes;
    }

    /** The sender no longer holds these bytes (sent, spooled or dropped). */
    synchronized void releaseInFlight(long bytes) {
        inFlightBytes = Math.max(0, inFlightBytes - bytes);
    }

    /** Queued bytes at which {@link #offer} wakes the sender (to spool during an outage); MAX_VALUE for never. */
    synchronized void setOverflowBytes(long bytes) {
        overflowBytes = bytes;
    }

    synchronized boolean isEmpty() {
        return samples.isEmpty();
    }

    synchronized long queuedBytes() {
        return queuedBytes;
    }

    synchronized int queuedSamples() {
        return samples.size();
    }

    /** Queued plus in-flight bytes: what the {@code buffer} bound covers. */
    synchronized long bufferedBytes() {
        return queuedBytes + inFlightBytes;
    }

    /** When the oldest queued sample was queued ({@link System#nanoTime}), or -1 when empty. */
    synchronized long oldestEnqueuedNanos() {
        Long first = enqueuedAtNanos.peekFirst();
        return first == null ? -1 : first;
    }

    /** Whether a full batch is queued. */
    synchronized boolean batchFull() {
        return queuedBytes >= fullBatchBytes;
    }

    /** Removes and returns every queued sample, oldest first. */
    synchronized EncodedSample[] drain() {
        EncodedSample[] all = samples.toArray(new EncodedSample[0]);
        clear();
        return all;
    }

    /** Removes every queued sample (at shutdown, when they can be neither sent nor spooled). */
    synchronized int clear() {
        int count = samples.size();
        samples.clear();
        enqueuedAtNanos.clear();
        queuedBytes = 0;
        return count;
    }

    /**
     * Waits until {@link #offer} or {@link #wake} signals work, or {@code timeoutMillis} passes.
     * Returns at once if a signal came since the last wait.
     */
    synchronized void awaitWork(long timeoutMillis) throws InterruptedException {
        if (!wakeRequested && timeoutMillis > 0) {
            wait(timeoutMillis);
        }
        wakeRequested = false;
    }

    /** Wakes the sender (at shutdown). */
    synchronized void wake() {
        wakeRequested = true;
        notifyAll();
    }

    /** For tests: the samples a packer would take, without taking them. */
    synchronized List<EncodedSample> snapshot() {
        return new java.util.ArrayList<EncodedSample>(samples);
    }
}
