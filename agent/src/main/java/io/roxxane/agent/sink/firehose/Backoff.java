package io.roxxane.agent.sink.firehose;

import java.util.Random;

/**
 * Capped exponential backoff with jitter: the n-th consecutive failure waits a random time
 * between half and all of {@code min(max, base * 2^n)}, so that many agents failing together do
 * not retry together. Not thread-safe (the sender thread owns it).
 */
final class Backoff {
    private final long baseMillis;
    private final long maxMillis;
    private final Random random;
    private int failures;

    Backoff(long baseMillis, long maxMillis, Random random) {
        if (baseMillis <= 0 || maxMillis < baseMillis) {
            throw new IllegalArgumentException("need 0 < base <= max, got base=" + baseMillis + " max=" + maxMillis);
        }
        this.baseMillis = baseMillis;
        this.maxMillis = maxMillis;
        this.random = random;
    }

    /** The wait before the next attempt after one more failure. */
    long nextDelayMillis() {
        return nextDelayMillis(maxMillis);
    }

    /**
     * As {@link #nextDelayMillis()}, with the ceiling held to {@code capMillis} as well: the
     * sender caps it at the flush interval, so that an endpoint that has recovered gets its next
     * attempt within one flush interval however long the outage was.
     */
    long nextDelayMillis(long capMillis) {
        long ceiling = baseMillis << Math.min(failures, 30);
        if (ceiling <= 0 || ceiling > maxMillis) {
            ceiling = maxMillis;
        }
        ceiling = Math.max(1, Math.min(ceiling, capMillis));
        failures++;
        long half = ceiling / 2;
        return half + (long) (random.nextDouble() * (ceiling - half + 1));
    }

    /** Consecutive failures since the last success. */
    int failures() {
        return failures;
    }

    void reset() {
        failures = 0;
    }
}
