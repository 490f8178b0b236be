package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.sample.EncodedSample;
import io.roxxane.agent.stats.AgentStats;

/**
 * The backlog without a spool: a {@link SampleQueue} bounded by {@code buffer}, whose oldest samples
 * are dropped and counted when an outage outlasts it; at shutdown what was not delivered is lost.
 */
final class MemoryBacklog implements Backlog {
    private final SampleQueue queue;
    private final int maxBatchBytes;
    private final long bufferBytes;
    private final AgentStats stats;

    MemoryBacklog(long bufferBytes, int maxBatchBytes, AgentStats stats) {
        this.queue = new SampleQueue(bufferBytes, maxBatchBytes, stats);
        this.maxBatchBytes = maxBatchBytes;
        this.bufferBytes = bufferBytes;
        this.stats = stats;
    }

    @Override
    public void add(EncodedSample sample, long nowNanos) {
        queue.offer(sample, nowNanos);
    }

    @Override
    public long oldestNanos() {
        return queue.oldestEnqueuedNanos();
    }

    @Override
    public boolean batchFull() {
        return queue.batchFull();
    }

    @Override
    public PendingBatch take() {
        RecordPacker packer = new RecordPacker(maxBatchBytes);
        queue.takeInto(packer);
        return packer.isEmpty() ? null : new PendingBatch(packer.finish(), null);
    }

    @Override
    public void delivered(PendingBatch batch) {
        queue.releaseInFlight(batch.bytes());
    }

    @Override
    public void partlyDelivered(PendingBatch batch, long bytes) {
        queue.releaseInFlight(bytes);
    }

    @Override
    public void maintain(long nowNanos) {
        long dropped = queue.takeDroppedCount();
        if (dropped > 0) {
            AgentLog.warnLimited("firehose-buffer-full", "buffer full (buffer=" + bufferBytes + " bytes) while"
                    + " Firehose is not taking samples: dropped the " + dropped + " oldest (counted in"
                    + " agent_dropped_samples); raise buffer= or set spool=DIR");
        }
    }

    @Override
    public long abandon(PendingBatch pending) {
        long lost = queue.clear() + (pending == null ? 0 : pending.samples());
        stats.samplesDropped(lost);
        if (lost > 0) {
            AgentLog.warn("shutdown: " + lost + " samples were lost: not delivered within shutdown_timeout;"
                    + " set spool=DIR to keep them for the next start");
        }
        return lost;
    }

    @Override
    public void awaitWork(long timeoutMillis) throws InterruptedException {
        queue.awaitWork(timeoutMillis);
    }

    @Override
    public void wake() {
        queue.wake();
    }

    @Override
    public long bufferedBytes() {
        return queue.bufferedBytes();
    }

    SampleQueue queue() {
        return queue;
    }
}
