package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.stats.AgentStats;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sender thread's loop: takes a batch from the {@link Backlog} when a flush is due, a batch is
 * full or a sample came in distress; sends it; re-sends only what Firehose did not take, after a
 * jittered backoff capped at the flush interval (slowly after failures that retrying cannot fix
 * now).
 *
 * <p>At shutdown it makes an attempt at once and then retries paced to the time left, until the
 * deadline (less a moment kept to close the spool), then the backlog keeps or counts what is left.
 * If a network call outlasts that, the closing thread calls {@link #abandon}; the state below is
 * guarded by {@code this} for that hand-over, and the lock is never held during a network call.
 */
final class FirehoseSender implements Runnable {
    private final String stream;
    private final Backlog backlog;
    private final RecordSender sender;
    private final AgentStats stats;
    private final ShipperTuning tuning;
    private final Backoff backoff;
    private final long flushNanos;
    private final boolean spooled;

    private volatile boolean closing;
    private volatile long closeDeadlineNanos;
    /** Samples queued up to this time go out at once (a sample taken in distress). */
    private volatile long urgentUpToNanos;

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

    FirehoseSender(String stream, long flushMillis, Backlog backlog, RecordSender sender, AgentStats stats,
            ShipperTuning tuning, Backoff backoff) {
        this.stream = stream;
        this.backlog = backlog;
        this.sender = sender;
        this.stats = stats;
        this.tuning = tuning;
        this.backoff = backoff;
        this.flushNanos = TimeUnit.MILLISECONDS.toNanos(flushMillis);
        this.spooled = backlog instanceof SpoolBacklog;
        long now = System.nanoTime();
        this.flushDueUpToNanos = now - 1;
        this.urgentUpToNanos = now - TimeUnit.DAYS.toNanos(1);
    }

    /** Sends what is queued now, and each sample queued from now on until told otherwise, at once. */
    void flushNow(long nowNanos) {
        urgentUpToNanos = nowNanos;
        backlog.wake();
    }

    /** Starts the shutdown sequence; the thread finishes by {@code deadlineNanos}. */
    void beginClose(long deadlineNanos) {
        closeDeadlineNanos = deadlineNanos;
        closing = true;
        backlog.wake();
    }

    @Override
    public void run() {
        try {
            sender.prepare();
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
            abandon();
        } finally {
            sender.close();
        }
    }

    private void step() throws InterruptedException {
        long now = System.nanoTime();
        backlog.maintain(now);
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
            backlog.awaitWork(millisUntilFlush(now));
            return;
        }
        if (now < waitUntil) {
            backlog.awaitWork(Math.max(1, Math.min(1_000, TimeUnit.NANOSECONDS.toMillis(waitUntil - now))));
            return;
        }
        attempt(batch, 0);
    }

    /** The next batch when a flush is due, a batch is full or a sample came in distress; else null. Caller holds the lock. */
    private PendingBatch nextBatch(long now, boolean force) {
        long oldest = backlog.oldestNanos();
        if (oldest == -1) {
            return null;
        }
        boolean flushGoingOn = oldest - flushDueUpToNanos <= 0;
        boolean urgent = oldest - urgentUpToNanos <= 0;
        boolean due = force || flushGoingOn || urgent || backlog.batchFull() || now - oldest >= flushNanos;
        if (!due) {
            return null;
        }
        if (!flushGoingOn) {
            flushDueUpToNanos = now;
        }
        return backlog.take();
    }

    private long millisUntilFlush(long now) {
        long oldest = backlog.oldestNanos();
        if (oldest == -1) {
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
    }

    private void onAllTaken(PendingBatch batch, long nowMillis) {
        stats.delivered(batch.records().size(), batch.bytes(), nowMillis);
        backlog.delivered(batch);
        pending = null;
        nextAttemptNanos = 0;
        lastFailure = null;
        backoff.reset();
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
        backlog.partlyDelivered(batch, takenBytes);
        String code = outcome.firstErrorCode();
        stats.failed("FailedPutCount=" + failed.size() + " (" + code + ")", nowMillis);
        AgentLog.warnLimited("firehose-partial", "Firehose did not take " + failed.size() + " of "
                + batch.records().size() + " records (" + code + "); re-sending only those, with backoff");
        pending = rest;
        nextAttemptNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff.nextDelayMillis(flushMillis()));
    }

    /**
     * At shutdown: an attempt at once, whatever the backoff said, then retries paced to fit the
     * time left ({@link ShutdownPacing}: several short waits rather than one long one), until
     * everything is delivered or the deadline (less the spool reserve) comes; then the backlog keeps
     * or counts the rest. A failure that retrying cannot fix now (a missing stream, denied access)
     * gets that one attempt only.
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

    /** The time at shutdown when delivery stops, so that the spool can be closed by {@code deadlineNanos}. */
    long sendDeadline(long deadlineNanos) {
        if (!spooled) {
            return deadlineNanos;
        }
        long left = Math.max(0, deadlineNanos - System.nanoTime());
        return deadlineNanos - Math.min(TimeUnit.MILLISECONDS.toNanos(tuning.spoolReserveMillis), left / 4);
    }

    /**
     * Hands what was not delivered to the backlog to keep or count. Called by the sender at the end
     * of shutdown, or by the closing thread when the sender is still inside a network call at the
     * deadline. Runs once.
     */
    synchronized void abandon() {
        if (abandoned) {
            return;
        }
        abandoned = true;
        PendingBatch left = pending;
        pending = null;
        backlog.abandon(left);
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
