package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.credentials.AwsProfileFilesCheck;

import io.roxxane.agent.config.AgentConfig;
import io.roxxane.agent.config.ConfigException;
import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.sample.EncodedSample;
import io.roxxane.agent.sink.Sink;
import io.roxxane.agent.stats.AgentStats;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Sends samples to an Amazon Data Firehose stream ({@code stream=NAME}). The collector thread
 * only queues ({@link #accept} never waits for the network); one daemon thread,
 * {@value #THREAD_NAME}, packs samples into as few records as the limits allow, sends them with
 * PutRecordBatch, retries, and spools to disk ({@code spool=DIR}) what cannot be sent. Memory is
 * bounded by {@code buffer}; the oldest samples are dropped past it and counted.
 */
public final class FirehoseSink implements Sink {
    /** Name of the sender thread. */
    public static final String THREAD_NAME = "roxxane-firehose";

    private final SampleQueue queue;
    private final FirehoseSender sender;
    private final Thread thread;
    private final AgentStats stats;

    private FirehoseSink(SampleQueue queue, FirehoseSender sender, AgentStats stats) {
        this.queue = queue;
        this.sender = sender;
        this.stats = stats;
        this.thread = new Thread(sender, THREAD_NAME);
        thread.setDaemon(true);
        thread.setContextClassLoader(FirehoseSink.class.getClassLoader());
        thread.setUncaughtExceptionHandler(new Thread.UncaughtExceptionHandler() {
            @Override
            public void uncaughtException(Thread t, Throwable e) {
                AgentLog.warn("Firehose sender stopped: " + AgentLog.describe(e));
            }
        });
    }

    /**
     * The sink for {@code config}, with its sender thread started. Of the AWS SDK it touches only
     * the profile-file classes, to check the credentials and config files ({@link AwsProfileFilesCheck}).
     */
    public static Sink create(AgentConfig config, AgentStats stats) throws ConfigException {
        AwsProfileFilesCheck.verify();
        return create(config, stats, ShipperTuning.DEFAULT,
                new FirehoseRecordSender(config.stream(), config.region(), config.endpoint(), ShipperTuning.DEFAULT));
    }

    static FirehoseSink create(AgentConfig config, AgentStats stats, ShipperTuning tuning, RecordSender recordSender)
            throws ConfigException {
        Spool spool = config.spoolDir() == null ? null : Spool.open(config.spoolDir(), config.spoolMaxBytes());
        long buffer = config.bufferBytes();
        int maxBatchBytes = (int) Math.min(FirehoseLimits.MAX_BATCH_BYTES, buffer / 4);
        SampleQueue queue = new SampleQueue(buffer, maxBatchBytes, stats);
        Random random = new Random(); // jitter only: distinct per JVM, no entropy wait
        FirehoseSender sender = new FirehoseSender(config.stream(), queue, spool, recordSender, stats, tuning,
                new Backoff(tuning.backoffBaseMillis, tuning.backoffMaxMillis, random), config.flushMillis(),
                maxBatchBytes, buffer);
        FirehoseSink sink = new FirehoseSink(queue, sender, stats);
        if (spool != null && !spool.isEmpty()) {
            AgentLog.info("spool " + spool.directory() + " holds " + spool.samples() + " samples from an earlier run;"
                    + " sending them first");
        }
        sink.thread.start();
        return sink;
    }

    @Override
    public void accept(EncodedSample sample) {
        try {
            queue.offer(sample, System.nanoTime());
        } catch (Throwable t) {
            stats.samplesDropped(1);
        }
    }

    @Override
    public void tick(long nowMillis) {
        // The sender keeps its own time: flushes are due from when a sample was queued.
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

    /** Queued and in-flight bytes, under the {@code buffer} bound. */
    long bufferedBytes() {
        return queue.bufferedBytes();
    }

    /** Whether the sender thread is still running (for tests). */
    boolean senderAlive() {
        return thread.isAlive();
    }
}
