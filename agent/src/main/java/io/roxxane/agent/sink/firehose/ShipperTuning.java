package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.aws.CallTimeouts;

/**
 * The shipper's timing constants that are not user settings: backoff and call timeouts.
 * {@link #DEFAULT} is what the agent runs with; tests of logic (not of timing) may shrink them
 * with {@link #forTests}, and say so where they do.
 */
public final class ShipperTuning {
    /** Production values. */
    public static final ShipperTuning DEFAULT = new ShipperTuning(200, 30_000, 60_000,
            new CallTimeouts(10_000, 30_000), 250);

    /** First backoff step after a retryable failure. */
    final long backoffBaseMillis;
    /** Longest backoff after retryable failures (throttling, 5xx, network). */
    final long backoffMaxMillis;
    /** Wait between attempts after a failure retrying cannot fix now (stream missing, access denied). */
    final long slowRetryMillis;
    /** One HTTP attempt, and one API call with credentials and signing. */
    final CallTimeouts calls;
    /** At shutdown with a spool: time kept back from delivery to close the spool (a sync). */
    final long spoolReserveMillis;

    public ShipperTuning(long backoffBaseMillis, long backoffMaxMillis, long slowRetryMillis, CallTimeouts calls,
            long spoolReserveMillis) {
        this.backoffBaseMillis = backoffBaseMillis;
        this.backoffMaxMillis = backoffMaxMillis;
        this.slowRetryMillis = slowRetryMillis;
        this.calls = calls;
        this.spoolReserveMillis = spoolReserveMillis;
    }

    /** The call timeouts. */
    public CallTimeouts calls() {
        return calls;
    }

    /** Short waits for tests of logic: 20 ms..200 ms backoff, 300 ms slow retry, given attempt timeout. */
    static ShipperTuning forTests(long attemptTimeoutMillis) {
        return new ShipperTuning(20, 200, 300, new CallTimeouts(attemptTimeoutMillis, attemptTimeoutMillis * 2), 300);
    }
}
