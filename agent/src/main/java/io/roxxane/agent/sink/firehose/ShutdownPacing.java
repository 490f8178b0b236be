package io.roxxane.agent.sink.firehose;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * How long to wait between delivery attempts at shutdown: a quarter of the time left, between
 * {@value #MIN_PAUSE_MILLIS} ms and {@value #MAX_PAUSE_MILLIS} ms, jittered by a quarter either
 * way. Within a 5 s {@code shutdown_timeout} that makes some six attempts, the last ones close
 * together, instead of one wait for a backoff that may be far longer than the whole deadline.
 */
final class ShutdownPacing {
    static final long MIN_PAUSE_MILLIS = 50;
    static final long MAX_PAUSE_MILLIS = 1_000;

    private final long deadlineNanos;

    ShutdownPacing(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** The pause after a failed attempt at {@code nowNanos}; 0 once the deadline has passed. */
    long nextPauseMillis(long nowNanos) {
        long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - nowNanos);
        if (leftMillis <= 0) {
            return 0;
        }
        long pause = Math.max(MIN_PAUSE_MILLIS, Math.min(MAX_PAUSE_MILLIS, leftMillis / 4));
        long jitter = pause / 4;
        pause += ThreadLocalRandom.current().nextLong(-jitter, jitter + 1);
        return Math.min(pause, leftMillis);
    }
}
