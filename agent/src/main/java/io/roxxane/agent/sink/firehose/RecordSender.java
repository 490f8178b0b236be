package io.roxxane.agent.sink.firehose;

import java.util.List;

/** Sends one PutRecordBatch call. Implementations never throw; failures come back as outcomes. */
interface RecordSender {
    /**
     * @param timeoutMillis longest time the call may take; 0 for the configured timeouts
     */
    PutOutcome put(List<PackedRecord> records, long timeoutMillis);

    /**
     * Gets ready for the first call (client, endpoint, credentials) so that it does not pay for
     * that when it matters: the first call may be the one a dying JVM makes. Never throws.
     */
    default void prepare() {
    }

    /** Releases the client. Never throws. */
    void close();
}
