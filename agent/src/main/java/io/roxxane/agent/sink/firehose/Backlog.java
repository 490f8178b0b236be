package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.sample.EncodedSample;

/**
 * The samples waiting for the sender, oldest first, and what becomes of a batch taken from them:
 * in memory ({@link MemoryBacklog}, bounded by {@code buffer}) or on disk ({@link SpoolBacklog},
 * {@code spool=DIR}, where every sample is written as it is taken).
 */
interface Backlog {
    /** Takes one sample from the collector thread. Never blocks on the network; never throws. */
    void add(EncodedSample sample, long nowNanos);

    /** When the oldest waiting sample arrived ({@link System#nanoTime}), or -1 when none waits. */
    long oldestNanos();

    /** Whether a full batch waits. */
    boolean batchFull();

    /** The oldest waiting samples packed into one batch, or null when none waits. Sender thread. */
    PendingBatch take();

    /** Firehose took every record of {@code batch}. Sender thread. */
    void delivered(PendingBatch batch);

    /** Firehose took {@code bytes} of {@code batch}, whose other records are sent again. Sender thread. */
    void partlyDelivered(PendingBatch batch, long bytes);

    /** Upkeep between batches (caps, disk syncs, samples other agents left). Sender thread; never throws. */
    void maintain(long nowNanos);

    /**
     * At the end of shutdown: keeps (spool) or counts as lost what was not delivered, the pending
     * batch included, and releases every resource. Returns samples lost. Called once.
     */
    long abandon(PendingBatch pending);

    /** Waits until a sample arrives that needs the sender, {@link #wake} is called, or the time passes. */
    void awaitWork(long timeoutMillis) throws InterruptedException;

    void wake();

    /** Bytes held in memory for the sender (queued and in flight): under the {@code buffer} bound. */
    long bufferedBytes();
}
