package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.sample.EncodedSample;
import io.roxxane.agent.stats.AgentStats;

/**
 * The backlog without a spool: a {@link SampleQueue} bounded by {@code buffer}, whose oldest samples
 * are dropped and counted when an outage outlasts it; at shutdown what was not delivered is lost.
 */
final class MemoryBacklog extends Backlog {
    private final long bufferBytes;

    MemoryBacklog(long bufferBytes, int maxBatchBytes, AgentStats stats) {
        super(bufferBytes, maxBatchBytes, stats);
        this.bufferBytes = bufferBytes;
    }

    @Override
    void add(EncodedSample sample, long nowNanos) {
        memory.offer(sample, nowNanos);
    }

    @Override
    long oldestNanos() {
        return memory.oldestEnqueuedNanos();
    }

    @Override
    boolean batchFull() {
        return memory.batchFull();
    }

    @Override
    PendingBatch take() {
        RecordPacker packer = new RecordPacker(maxBatchBytes);
        memory.takeInto(packer);
        return packer.isEmpty() ? null : new PendingBatch(packer.finish(), null);
    }

    @Override
    void delivered(PendingBatch batch) {
        memory.releaseInFlight(batch.bytes());
    }

    @Override
    void partlyDelivered(PendingBatch batch, long bytes) {
        memory.releaseInFlight(bytes);
    }

    @Override
    void maintain(long nowNanos) {
        long dropped = memory.takeDroppedCount();
        if (dropped > 0) {
            AgentLog.warnLimited("firehose-buffer-full", "buffer full (buffer=" + bufferBytes + " bytes) while"
                    + " Firehose is not taking samples: dropped the " + dropped + " oldest (counted in"
                    + " agent_dropped_samples); raise buffer= or set spool=DIR");
        }
    }

    @Override
    long abandon(PendingBatch pending) {
        long lost = memory.clear() + (pending == null ? 0 : pending.samples());
        stats.samplesDropped(lost);
        if (lost > 0) {
            AgentLog.warn("shutdown: " + lost + " samples were lost: not delivered within shutdown_timeout;"
                    + " set spool=DIR to keep them for the next start");
        }
        return lost;
    }
}
