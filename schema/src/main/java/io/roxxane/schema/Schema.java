package io.roxxane.schema;

/** Facts about the record format as a whole. */
public final class Schema {
    /** Written in every sample's {@code schema_version}; bumped when a column changes meaning. */
    public static final int VERSION = 1;

    /** Firehose bills ingestion in increments of this many bytes per record. */
    public static final int FIREHOSE_BILLING_INCREMENT_BYTES = 5 * 1024;

    private Schema() {
    }
}
