package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.credentials.AwsProfileFilesCheck;

import io.roxxane.agent.config.AgentConfig;
import io.roxxane.agent.config.ConfigException;
import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.log.AgentThreads;
import io.roxxane.agent.sample.EncodedSample;
import io.roxxane.agent.sink.Sink;
import io.roxxane.agent.spool.SpoolLog;
import io.roxxane.agent.stats.AgentStats;
import java.io.File;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Sends samples to an Amazon Data Firehose stream ({@code stream=NAME}). The collector thread
 * only hands each sample to the {@link Backlog} ({@link #accept} never waits for the network: in
 * memory, or appended to the spool log with {@code spool=DIR}); one daemon thread,
 * {@value #THREAD_NAME}, packs samples into as few records as the limits allow, sends them with
 * PutRecordBatch and retries; it keeps its own time (a flush is due from when a sample was
 * queued), so this sink needs no tick. Memory is bounded by {@code buffer}; without a spool the
 * oldest samples are dropped past it and counted. A sample taken in distress ({@link EncodedSample#urgent})
 * goes out at once, with whatever waits before it.
 */
public final class FirehoseSink implements Sink {
    /** Name of the sender thread. */
    public static final String THREAD_NAME = "roxxane-firehose";

    private final Backlog backlog;
    private final FirehoseSender sender;
    private final Thread thread;

    private FirehoseSink(Backlog backlog, FirehoseSender sender) {
        this.backlog = backlog;
        this.sender = sender;
        this.thread = AgentThreads.daemon(THREAD_NAME, Thread.NORM_PRIORITY, sender);
    }

    /**
     * The sink for {@code config}, with its sender thread started; with {@code spool=}, this
     * instance's spool log in that directory. Of the AWS SDK it touches only the profile-file
     * classes, to check the credentials and config files ({@link AwsProfileFilesCheck}).
     */
    public static Sink create(AgentConfig config, AgentStats stats, String instanceId) throws ConfigException {
        AwsProfileFilesCheck.verify();
        return create(config, stats, instanceId, ShipperTuning.DEFAULT,
                new FirehoseRecordSender(config.stream(), config.region(), config.endpoint(), ShipperTuning.DEFAULT));
    }

    static FirehoseSink create(AgentConfig config, AgentStats stats, String instanceId, ShipperTuning tuning,
            RecordSender recordSender) throws ConfigException {
        long buffer = config.bufferBytes();
        int maxBatchBytes = (int) Math.min(FirehoseLimits.MAX_BATCH_BYTES, buffer / 4);
        Backlog backlog = config.spoolDir() == null ? new MemoryBacklog(buffer, maxBatchBytes, stats)
                : new SpoolBacklog(openSpool(config, instanceId), buffer, maxBatchBytes, stats);
        Random random = new Random(); // jitter only: distinct per JVM, no entropy wait
        FirehoseSender sender = new FirehoseSender(config.stream(), config.flushMillis(), backlog, recordSender, stats,
                tuning, new Backoff(tuning.backoffBaseMillis, tuning.backoffMaxMillis, random));
        FirehoseSink sink = new FirehoseSink(backlog, sender);
        sink.thread.start();
        return sink;
    }

    private static SpoolLog openSpool(AgentConfig config, String instanceId) throws ConfigException {
        File dir = config.spoolDir().getAbsoluteFile();
        try {
            return SpoolLog.open(dir, instanceId, config.stream(), config.spoolMaxBytes());
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("invalid spool='" + dir + "': " + AgentLog.describe(e) + "; give a writable"
                    + " directory path or remove spool=; the agent stays off");
        }
    }

    @Override
    public void accept(EncodedSample sample) {
        try {
            long now = System.nanoTime();
            backlog.add(sample, now);
            if (sample.urgent()) {
                sender.flushNow(now);
            }
        } catch (Throwable t) {
            backlog.stats.samplesDropped(1);
        }
    }

    @Override
    public void close(long deadlineNanos) {
        try {
            sender.beginClose(deadlineNanos);
            long remaining = sender.sendDeadline(deadlineNanos) - System.nanoTime();
            if (remaining > 0) {
                TimeUnit.NANOSECONDS.timedJoin(thread, remaining);
            }
            if (thread.isAlive()) {
                sender.abandon(); // still inside a network call: keep what is left ourselves
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sender.abandon();
        } catch (Throwable t) {
            AgentLog.warn("Firehose sink did not close cleanly: " + AgentLog.describe(t));
        }
    }

    /** Bytes held in memory for the sender, under the {@code buffer} bound. */
    long bufferedBytes() {
        return backlog.bufferedBytes();
    }

    /** Whether the sender thread is still running (for tests). */
    boolean senderAlive() {
        return thread.isAlive();
    }
}
