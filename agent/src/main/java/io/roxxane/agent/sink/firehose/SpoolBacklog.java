package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.sample.EncodedSample;
import io.roxxane.agent.spool.Adoption;
import io.roxxane.agent.spool.SpoolLog;
import io.roxxane.agent.spool.SpoolRead;
import io.roxxane.agent.stats.AgentStats;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The backlog with {@code spool=DIR}: every sample is appended to this instance's {@link SpoolLog}
 * as it is taken and read back from there when due; a batch is acknowledged in the log once
 * Firehose has taken all of it. Memory holds one batch at a time, whatever the outage. A sample the
 * log cannot take (a full disk) waits in a {@code buffer}-bounded queue instead and is counted in
 * {@code agent_spool_failed_writes}. Between batches the sender keeps the log under
 * {@code spool_max}, forces it to disk every {@value #SYNC_SECONDS} s, and takes over what stopped
 * agents left in the directory ({@link Adoption}).
 */
final class SpoolBacklog extends Backlog {
    static final long SYNC_SECONDS = 10;
    static final long ADOPT_SECONDS = 60;

    private final SpoolLog log;
    private final Adoption adoption;
    private long nextSyncNanos;
    private long nextAdoptionNanos;
    private long reportedOwnDamage;

    SpoolBacklog(SpoolLog log, long bufferBytes, int maxBatchBytes, AgentStats stats) {
        super(bufferBytes, maxBatchBytes, stats);
        this.log = log;
        this.adoption = new Adoption(log);
        long now = System.nanoTime();
        this.nextSyncNanos = now + TimeUnit.SECONDS.toNanos(SYNC_SECONDS);
        this.nextAdoptionNanos = now; // at the first upkeep
    }

    @Override
    void add(EncodedSample sample, long nowNanos) {
        if (log.append(sample.jsonLine(), nowNanos)) {
            long unread = log.unreadBytes();
            if (unread <= sample.size() + 8L || unread >= maxBatchBytes) {
                wake();
            }
            return;
        }
        stats.spoolWriteFailed();
        AgentLog.warnLimited("firehose-spool-write", "cannot write to spool " + log.directory() + " (a full disk?):"
                + " keeping samples in memory (within buffer=) until it can; counted in agent_spool_failed_writes");
        memory.offer(sample, nowNanos);
        wake();
    }

    @Override
    long oldestNanos() {
        long fromLog = log.oldestUnreadNanos();
        long fromMemory = memory.oldestEnqueuedNanos();
        if (fromLog < 0) {
            return fromMemory;
        }
        return fromMemory < 0 || fromLog - fromMemory < 0 ? fromLog : fromMemory;
    }

    @Override
    boolean batchFull() {
        return log.unreadBytes() >= maxBatchBytes || memory.batchFull();
    }

    @Override
    PendingBatch take() {
        final RecordPacker packer = new RecordPacker(maxBatchBytes);
        try {
            SpoolRead read = log.read(new SpoolRead.Room() {
                @Override
                public boolean take(byte[] line) {
                    if (!packer.fitsAlone(line.length)) {
                        stats.samplesDropped(1); // can never be sent: passed over, counted
                        return true;
                    }
                    return packer.tryAdd(line);
                }
            });
            if (read.samples > 0) {
                return packer.isEmpty() ? null : new PendingBatch(packer.finish(), read.end);
            }
        } catch (IOException e) {
            AgentLog.warnLimited("firehose-spool-read", "cannot read spool " + log.directory() + ": "
                    + AgentLog.describe(e) + "; trying again");
            return null;
        }
        memory.takeInto(packer);
        return packer.isEmpty() ? null : new PendingBatch(packer.finish(), null);
    }

    @Override
    void delivered(PendingBatch batch) {
        if (batch.spoolEnd() == null) {
            memory.releaseInFlight(batch.bytes());
            return;
        }
        try {
            log.acknowledge(batch.spoolEnd());
        } catch (IOException e) {
            AgentLog.warnLimited("firehose-spool-ack", "cannot record in spool " + log.directory()
                    + " what was delivered (" + AgentLog.describe(e) + "): the next start may send it again");
        }
    }

    @Override
    void partlyDelivered(PendingBatch batch, long bytes) {
        if (batch.spoolEnd() == null) {
            memory.releaseInFlight(bytes);
        }
    }

    @Override
    void maintain(long nowNanos) {
        try {
            long dropped = log.enforceCap();
            if (dropped > 0) {
                stats.samplesDropped(dropped);
                AgentLog.warnLimited("firehose-spool-full", "spool " + log.directory() + " is full (spool_max):"
                        + " dropped " + dropped + " of the oldest spooled samples; raise spool_max= or fix the"
                        + " delivery problem reported above");
            }
            if (nowNanos - nextSyncNanos >= 0) {
                nextSyncNanos = nowNanos + TimeUnit.SECONDS.toNanos(SYNC_SECONDS);
                log.sync();
            }
            if (nowNanos - nextAdoptionNanos >= 0) {
                nextAdoptionNanos = nowNanos + TimeUnit.SECONDS.toNanos(ADOPT_SECONDS);
                adopt();
            }
            long ownDamage = log.damagedRegions();
            if (ownDamage > reportedOwnDamage) {
                stats.spoolDamaged(ownDamage - reportedOwnDamage);
                reportedOwnDamage = ownDamage;
            }
        } catch (IOException | RuntimeException e) {
            AgentLog.warnLimited("firehose-spool-upkeep", "spool " + log.directory() + ": " + AgentLog.describe(e));
        }
    }

    private void adopt() {
        Adoption.Result result = adoption.run();
        if (result.samples > 0 || result.damagedRegions > 0) {
            stats.spoolRecovered(result.samples);
            stats.spoolDamaged(result.damagedRegions);
            AgentLog.info("spool " + log.directory() + ": took over " + result.samples + " samples that stopped agents"
                    + " left" + (result.damagedRegions > 0 ? " (" + result.damagedRegions + " damaged stretches"
                    + " skipped, counted in agent_spool_damaged)" : "") + "; sending them first");
            wake();
        }
        for (String stream : result.otherStreams) {
            AgentLog.warn("spool " + log.directory() + " holds samples for Firehose stream '" + stream + "', not '"
                    + log.stream() + "': left for an agent that sends there; give each stream its own spool=");
        }
    }

    @Override
    long abandon(PendingBatch pending) {
        long lost = 0;
        EncodedSample[] left = memory.drain();
        for (EncodedSample sample : left) {
            if (!log.append(sample.jsonLine(), System.nanoTime())) {
                lost++;
            }
        }
        if (pending != null && pending.spoolEnd() == null) {
            lost += pending.samples(); // from memory: a disk that refused them then refuses them now
        }
        lost += log.deletedInFlight(); // read for the batch, then deleted by the cap: on disk no more
        stats.samplesDropped(lost);
        long kept = log.unacknowledgedSamples();
        log.close();
        AgentLog.debug("spool: " + log.bytesWritten() + " bytes written, " + log.fsyncs() + " fsyncs");
        if (kept > 0) {
            AgentLog.info("shutdown: " + kept + " samples not delivered in time stay in the spool " + log.directory()
                    + "; the next start with the same spool= sends them");
        }
        if (lost > 0) {
            AgentLog.warn("shutdown: " + lost + " samples were lost: neither delivered within shutdown_timeout nor"
                    + " written to the spool (full disk)");
        }
        return lost;
    }
}
