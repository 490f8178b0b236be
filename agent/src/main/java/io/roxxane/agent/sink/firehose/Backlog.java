package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.sample.EncodedSample;
import io.roxxane.agent.stats.AgentStats;

/**
 * The samples waiting for the sender, oldest first, and what becomes of a batch taken from them:
 * in memory ({@link MemoryBacklog}, bounded by {@code buffer}) or on disk ({@link SpoolBacklog},
 * {@code spool=DIR}, where every sample is written as it is taken). Either way the samples held
 * in memory are in one {@link SampleQueue}, bounded by {@code buffer}, whose monitor wakes the
 * sender.
 */
abstract class Backlog {
    /** The samples held in memory: all of them, or with a spool those the log could not take. */
    final SampleQueue memory;
    /** The most bytes of samples one batch takes. */
    final int maxBatchBytes;
    final AgentStats stats;

    Backlog(long bufferBytes, int maxBatchBytes, AgentStats stats) {
        this.memory = new SampleQueue(bufferBytes, maxBatchBytes, stats);
        this.maxBatchBytes = maxBatchBytes;
        this.stats = stats;
    }

    /** Takes one sample from the collector thread. Never blocks on the network; never throws. */
    abstract void add(EncodedSample sample, long nowNanos);

    /** When the oldest waiting sample arrived ({@link System#nanoTime}), or -1 when none waits. */
    abstract long oldestNanos();

    /** Whether a full batch waits. */
    abstract boolean batchFull();

    /** The oldest waiting samples packed into one batch, or null when none waits. Sender thread. */
    abstract PendingBatch take();

    /** Firehose took every record of {@code batch}. Sender thread. */
    abstract void delivered(PendingBatch batch);

    /** Firehose took {@code bytes} of {@code batch}, whose other records are sent again. Sender thread. */
    abstract void partlyDelivered(PendingBatch batch, long bytes);

    /** Upkeep between batches (caps, disk syncs, samples other agents left). Sender thread; never throws. */
    abstract void maintain(long nowNanos);

    /**
     * At the end of shutdown: keeps (spool) or counts as lost what was not delivered, the pending
     * batch included, and releases every resource. Returns samples lost. Called once.
     */
    abstract long abandon(PendingBatch pending);

    /** Waits until a sample arrives that needs the sender, {@link #wake} is called, or the time passes. */
    final void awaitWork(long timeoutMillis) throws InterruptedException {
        memory.awaitWork(timeoutMillis);
    }

    final void wake() {
        memory.wake();
    }

    /** Bytes held in memory for the sender (queued and in flight): under the {@code buffer} bound. */
    final long bufferedBytes() {
        return memory.bufferedBytes();
    }
}
