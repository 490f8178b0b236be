package io.roxxane.agent.firehose;

/**
 * The shipper's timing constants that are not user settings: backoff, timeouts. Tests use
 * {@link #forTests} to keep failure scenarios short; the agent uses {@link #DEFAULT}.
 */
final class ShipperTuning {
    /** Production values. */
    static final ShipperTuning DEFAULT = new ShipperTuning(200, 30_000, 60_000, 10_000, 30_000, 1_000);

    /** First backoff step after a retryable failure. */
    final long backoffBaseMillis;
    /** Longest backoff after retryable failures (throttling, 5xx, network). */
    final long backoffMaxMillis;
    /** Wait between attempts after a failure retrying cannot fix now (stream missing, access denied). */
    final long slowRetryMillis;
    /** One HTTP attempt (connect + request + response). */
    final long attemptTimeoutMillis;
    /** One API call, credentials and signing included. */
    final long callTimeoutMillis;
    /** At shutdown with a spool: time kept back from delivery to write what is left to disk. */
    final long spoolReserveMillis;

    ShipperTuning(long backoffBaseMillis, long backoffMaxMillis, long slowRetryMillis, long attemptTimeoutMillis,
            long callTimeoutMillis, long spoolReserveMillis) {
        this.backoffBaseMillis = backoffBaseMillis;
        this.backoffMaxMillis = backoffMaxMillis;
        this.slowRetryMillis = slowRetryMillis;
        this.attemptTimeoutMillis = attemptTimeoutMillis;
        this.callTimeoutMillis = callTimeoutMillis;
        this.spoolReserveMillis = spoolReserveMillis;
    }

    /** Short waits for tests: 20 ms..200 ms backoff, 300 ms slow retry, given attempt timeout. */
    static ShipperTuning forTests(long attemptTimeoutMillis) {
        return new ShipperTuning(20, 200, 300, attemptTimeoutMillis, attemptTimeoutMillis * 2, 300);
    }
}
