package io.roxxane.agent.sink.firehose;

/**
 * Amazon Data Firehose's fixed limits that the shipper packs within (PutRecordBatch API
 * reference): a record's data blob is at most 1,000 KiB, a call carries at most 500 records and
 * 4 MB, and the stream's JSON deaggregation handles at most 500 sub-records per record.
 */
final class FirehoseLimits {
    /** Largest data blob of one record, before base64: 1,000 KiB. */
    static final int MAX_RECORD_BYTES = 1_024_000;
    /** Most samples (newline-delimited sub-records) in one record, for deaggregation to work. */
    static final int MAX_SAMPLES_PER_RECORD = 500;
    /** Most records in one PutRecordBatch call. */
    static final int MAX_RECORDS_PER_BATCH = 500;
    /**
     * Most data bytes in one PutRecordBatch call. The API allows "4 MB" per request; 4,000,000
     * stays under it whichever way "MB" is read.
     */
    static final int MAX_BATCH_BYTES = 4_000_000;

    private FirehoseLimits() {
    }
}
