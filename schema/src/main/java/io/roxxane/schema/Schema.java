package io.roxxane.schema;

/** Facts about the record format as a whole. */
public final class Schema {
    /**
     * Written in every sample's {@code schema_version}. Version 2 added the JVM, host and container
     * depth, where the row comes from, and the agent's distress and spool columns; versions only add
     * columns, so every reader takes a fleet that mixes them.
     */
    public static final int VERSION = 2;

    /** Firehose bills ingestion per record rounded up to 5 KB increments; 5 KB = 5,120 bytes (AWS pricing page). */
    public static final int FIREHOSE_BILLING_INCREMENT_BYTES = 5 * 1024;

    private Schema() {
    }
}
