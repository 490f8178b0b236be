package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.stats.AgentStats;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sender thread's loop: takes batches from the spool (oldest first) or, when a flush is due
 * or a batch is full, from the queue; sends them; re-sends only what Firehose did not take, after
 * a capped exponential backoff with jitter (slowly after failures that retrying cannot fix now);
 * during an outage moves queued samples to the spool before the memory bound would drop them.
 *
 * <p>At shutdown it delivers until the deadline (less the time kept to write the spool), then
 * spools or counts as dropped what is left. If a network call outlasts that, the closing thread
 * calls {@link #abandon} to do the spooling itself; the state below is guarded by {@code this}
 * for that hand-over, and the lock is never held during a network call.
 */
final class FirehoseSender implements Runnable {
    private final String stream;
    private final SampleQueue queue;
    private final Spool spool;
    private final RecordSender sender;
    private final AgentStats stats;
    private final ShipperTuning tuning;
    private final Backoff backoff;
    private final long flushNanos;
    private final int maxBatchBytes;
    private final long bufferBytes;

    private volatile boolean closing;
    private volatile long closeDeadlineNanos;

    // Guarded by this.
    private PendingBatch pending;
    private boolean abandoned;
    /**
     * Samples queued up to this time are due: a flush goes on, over several batches when they fill
     * more than one. Samples queued after it, while a batch is on the wire say, wait for their own
     * flush rather than go out a few at a time (each record is billed at least 5 KB).
     */
    private long flushDueUpToNanos;
    private long nextAttemptNanos;
    private DeliveryFailure lastFailure;
    private int failedCalls;

    FirehoseSender(String stream, SampleQueue queue, Spool spool, RecordSender sender, AgentStats stats,
            ShipperTuning tuning, Backoff backoff, long flushMillis, int maxBatchBytes, long bufferBytes) {
        this.stream = stream;
        this.queue = queue;
        this.spool = spool;
        this.sender = sender;
        this.stats = stats;
        this.tuning = tuning;
        this.backoff = backoff;
        this.flushNanos = TimeUnit.MILLISECONDS.toNanos(flushMillis);
        this.maxBatchBytes = maxBatchBytes;
        this.bufferBytes = bufferBytes;
        this.flushDueUpToNanos = System.nanoTime() - 1;
    }

    /** Starts the shutdown sequence; the thread finishes by {@code deadlineNanos}. */
    void beginClose(long deadlineNanos) {
        closeDeadlineNanos = deadlineNanos;
        closing = true;
        queue.wake();
    }

    @Override
    public void run() {
        try {
            while (!closing) {
                try {
                    step();
                } catch (InterruptedException e) {
                    return;
                } catch (Throwable t) {
                    AgentLog.warnLimited("firehose-sender", "Firehose sender hit an unexpected error, going on: "
                            + AgentLog.describe(t));
                    pause(1_000);
                }
            }
            deliverBeforeShutdown();
        } catch (Throwable t) {
            AgentLog.warn("Firehose sender stopped at shutdown: " + AgentLog.describe(t));
        } finally {
            sender.close();
        }
    }

    private void step() throws InterruptedException {
        reportDrops();
        long now = System.nanoTime();
        PendingBatch batch;
        long waitUntil;
        synchronized (this) {
            if (pending == null) {
                pending = nextBatch(now, false);
            }
            batch = pending;
            waitUntil = nextAttemptNanos;
        }
        if (batch == null) {
            queue.awaitWork(millisUntilFlush(now));
            return;
        }
        if (now < waitUntil) {
            spoolOverflow();
            queue.awaitWork(Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitUntil - now)));
            return;
        }
        attempt(batch, 0);
    }

    /** The next batch: the spool's oldest file first, else the queue's head when a flush is due or a batch is full. */
    private PendingBatch nextBatch(long now, boolean force) {
        if (spool != null && !spool.isEmpty() && !closing) {
            long key = spool.headKey();
            try {
                List<PackedRecord> records = spool.read(key);
                PendingBatch batch = new PendingBatch(records, key, true);
                queue.addInFlight(batch.bytes());
                return batch;
            } catch (IOException e) {
                long lost = spool.discard(key);
                stats.samplesDropped(lost);
                AgentLog.warnLimited("firehose-spool-read", "spool file " + key + Spool.SUFFIX + " in "
                        + spool.directory() + " is damaged (" + AgentLog.describe(e) + "): deleted it, " + lost
                        + " samples lost");
                return null;
            }
        }
        if (queue.isEmpty()) {
            return null;
        }
        long oldest = queue.oldestEnqueuedNanos();
        boolean flushGoingOn = oldest - flushDueUpToNanos <= 0;
        boolean due = force || flushGoingOn || queue.batchFull() || now - oldest >= flushNanos;
        if (!due) {
            return null;
        }
        if (!flushGoingOn) {
            flushDueUpToNanos = now;
        }
        RecordPacker packer = new RecordPacker(maxBatchBytes);
        queue.takeInto(packer);
        if (packer.isEmpty()) {
            return null;
        }
        return new PendingBatch(packer.finish(), spool != null ? spool.reserveKey() : -1, false);
    }

    private long millisUntilFlush(long now) {
        long oldest = queue.oldestEnqueuedNanos();
        if (oldest < 0) {
            return 1_000;
        }
        long due = TimeUnit.NANOSECONDS.toMillis(oldest + flushNanos - now);
        return Math.max(1, Math.min(due, 1_000));
    }

    /** Sends the batch once and applies the outcome. */
    private void attempt(PendingBatch batch, long timeoutMillis) {
        if (batch.attempts() > 0) {
            stats.retried();
        }
        batch.attempted();
        PutOutcome outcome = sender.put(batch.records(), timeoutMillis);
        long nowMillis = System.currentTimeMillis();
        synchronized (this) {
            if (abandoned || pending != batch) {
                return; // the closing thread took over meanwhile
            }
            if (outcome.failure() != null) {
                onCallFailed(outcome.failure(), nowMillis);
            } else if (outcome.failedIndexes().isEmpty()) {
                onAllTaken(batch, nowMillis);
            } else {
                onSomeTaken(batch, outcome, nowMillis);
            }
        }
    }

    private void onCallFailed(DeliveryFailure failure, long nowMillis) {
        stats.failed(failure.shortError(), nowMillis);
        lastFailure = failure;
        failedCalls++;
        AgentLog.warnLimited(failure.logKey(), failure.userMessage());
        long delay = failure.retryable() ? backoff.nextDelayMillis(flushMillis()) : tuning.slowRetryMillis;
        nextAttemptNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
        if (spool != null) {
            queue.setOverflowBytes(bufferBytes / 2);
        }
    }

    private void onAllTaken(PendingBatch batch, long nowMillis) {
        stats.delivered(batch.records().size(), batch.bytes(), nowMillis);
        queue.releaseInFlight(batch.bytes());
        if (batch.fromSpool()) {
            spool.remove(batch.spoolKey());
        }
        pending = null;
        nextAttemptNanos = 0;
        lastFailure = null;
        backoff.reset();
        queue.setOverflowBytes(Long.MAX_VALUE);
        if (failedCalls > 0) {
            AgentLog.warnLimited("firehose-recovered", "delivering to Firehose stream '" + stream
                    + "' again after " + failedCalls + " failed attempt(s)");
            failedCalls = 0;
        }
    }

    private void onSomeTaken(PendingBatch batch, PutOutcome outcome, long nowMillis) {
        List<Integer> failed = outcome.failedIndexes();
        PendingBatch rest = batch.keepOnly(failed);
        int taken = batch.records().size() - rest.records().size();
        long takenBytes = batch.bytes() - rest.bytes();
        if (taken > 0) {
            stats.delivered(taken, takenBytes, nowMillis);
        }
        queue.releaseInFlight(takenBytes);
        String code = outcome.firstErrorCode();
        stats.failed("FailedPutCount=" + failed.size() + " (" + code + ")", nowMillis);
        AgentLog.warnLimited("firehose-partial", "Firehose did not take " + failed.size() + " of "
                + batch.records().size() + " records (" + code + "); re-sending only those, with backoff");
        if (batch.fromSpool()) {
            try {
                stats.samplesDropped(spool.write(batch.spoolKey(), rest.records(), batch.spoolKey()));
            } catch (IOException e) {
                // the old file still holds them all: re-sent in full after a restart (at least once)
            }
        }
        pending = rest;
        nextAttemptNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff.nextDelayMillis(flushMillis()));
    }

    /** During an outage, moves the queue to the spool once it holds half the buffer. */
    private void spoolOverflow() {
        if (spool == null || queue.queuedBytes() < bufferBytes / 2) {
            return;
        }
        synchronized (this) {
            if (abandoned) {
                return;
            }
            spoolQueue(pending == null ? -1 : pending.spoolKey());
        }
    }

    /** Writes every queued sample to the spool, batch by batch. Caller holds the lock. */
    private long spoolQueue(long keepKey) {
        long lost = 0;
        while (!queue.isEmpty()) {
            RecordPacker packer = new RecordPacker(maxBatchBytes);
            queue.takeInto(packer);
            if (packer.isEmpty()) {
                break;
            }
            long bytes = packer.bytes();
            int samples = packer.samples();
            List<PackedRecord> records = packer.finish();
            lost += writeToSpool(spool.reserveKey(), records, samples, keepKey);
            queue.releaseInFlight(bytes);
        }
        return lost;
    }

    /** Returns the samples lost (evicted from the spool or not written). Caller holds the lock. */
    private long writeToSpool(long key, List<PackedRecord> records, int samples, long keepKey) {
        long lost;
        try {
            lost = spool.write(key, records, keepKey);
            if (lost > 0) {
                AgentLog.warnLimited("firehose-spool-full", "spool " + spool.directory() + " is full (spool_max): "
                        + "dropped " + lost + " of the oldest spooled samples; raise spool_max= or fix the delivery"
                        + " problem reported above");
            }
        } catch (IOException e) {
            lost = samples;
            AgentLog.warnLimited("firehose-spool-write", "cannot write to spool " + spool.directory() + " ("
                    + AgentLog.describe(e) + "): " + samples + " samples dropped; free disk space or fix spool=");
        }
        stats.samplesDropped(lost);
        return lost;
    }

    private void reportDrops() {
        long dropped = queue.takeDroppedCount();
        if (dropped > 0) {
            AgentLog.warnLimited("firehose-buffer-full", "buffer full (buffer=" + bufferBytes + " bytes) while"
                    + " Firehose is not taking samples: dropped the " + dropped + " oldest (counted in"
                    + " agent_dropped_samples); raise buffer= or set spool=DIR");
        }
    }

    /**
     * At shutdown: an attempt at once, whatever the backoff said, then retries paced to fit the
     * time left ({@link ShutdownPacing}: several short waits rather than one long one), until
     * everything is delivered or the deadline (less the spool reserve) comes; then keep or count
     * the rest. A failure that retrying cannot fix now (a missing stream, denied access) gets that
     * one attempt only.
     */
    private void deliverBeforeShutdown() {
        long sendDeadline = sendDeadline(closeDeadlineNanos);
        ShutdownPacing pacing = new ShutdownPacing(sendDeadline);
        while (System.nanoTime() < sendDeadline) {
            PendingBatch batch;
            synchronized (this) {
                if (abandoned) {
                    return;
                }
                if (pending != null && pending.fromSpool()) {
                    queue.releaseInFlight(pending.bytes()); // its file stays for the next start
                    pending = null;
                }
                if (pending == null) {
                    pending = nextBatch(System.nanoTime(), true);
                    if (pending == null) {
                        break; // all delivered
                    }
                }
                batch = pending;
            }
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(sendDeadline - System.nanoTime());
            if (remainingMillis <= 0) {
                break;
            }
            attempt(batch, remainingMillis);
            synchronized (this) {
                if (pending == null) {
                    continue; // that batch went through: the next one at once
                }
                if (lastFailure != null && !lastFailure.retryable()) {
                    break;
                }
            }
            pause(pacing.nextPauseMillis(System.nanoTime()));
        }
        abandon();
    }

    /** The time at shutdown when delivery stops, so that what is left can be spooled by {@code deadlineNanos}. */
    long sendDeadline(long deadlineNanos) {
        if (spool == null) {
            return deadlineNanos;
        }
        long left = Math.max(0, deadlineNanos - System.nanoTime());
        return deadlineNanos - Math.min(TimeUnit.MILLISECONDS.toNanos(tuning.spoolReserveMillis), left / 4);
    }

    /**
     * Keeps what was not delivered: writes it to the spool, or counts it as dropped without one.
     * Called by the sender at the end of shutdown, or by the closing thread when the sender is
     * still inside a network call at the deadline. Runs once.
     */
    synchronized void abandon() {
        if (abandoned) {
            return;
        }
        abandoned = true;
        long lost = 0;
        long spooled = 0;
        if (pending != null && !pending.fromSpool()) {
            if (spool != null) {
                lost += writeToSpool(pending.spoolKey(), pending.records(), pending.samples(), -1);
                spooled += pending.samples();
            } else {
                lost += pending.samples();
                stats.samplesDropped(pending.samples());
            }
        }
        pending = null;
        if (spool != null) {
            spooled += queue.queuedSamples();
            lost += spoolQueue(-1);
            spool.close();
            if (spooled > 0) {
                AgentLog.info("shutdown: " + spooled + " samples not delivered in time were written to the spool "
                        + spool.directory() + "; the next start with the same spool= sends them");
            }
        } else {
            int cleared = queue.clear();
            stats.samplesDropped(cleared);
            lost += cleared;
        }
        if (lost > 0) {
            AgentLog.warn("shutdown: " + lost + " samples were lost: not delivered within shutdown_timeout"
                    + (spool == null ? "; set spool=DIR to keep them for the next start" : " and not spooled"));
        }
    }

    private long flushMillis() {
        return TimeUnit.NANOSECONDS.toMillis(flushNanos);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
