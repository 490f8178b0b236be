package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.sample.EncodedSample;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Packs samples, in order, into the records of one PutRecordBatch call. Firehose bills each
 * record rounded up to the next {@link io.roxxane.schema.Schema#FIREHOSE_BILLING_INCREMENT_BYTES},
 * so each record is filled as far as the limits allow (at most
 * {@link FirehoseLimits#MAX_SAMPLES_PER_RECORD} samples and {@link FirehoseLimits#MAX_RECORD_BYTES}
 * bytes): the rounding then costs less than one increment per record, instead of one increment
 * per sample. A sample is never split across records.
 *
 * <p>Use: {@link #tryAdd} until it returns false (the batch is full), then {@link #finish}.
 * Not thread-safe.
 */
final class RecordPacker {
    private final int maxBatchBytes;
    private final List<PackedRecord> records = new ArrayList<PackedRecord>();
    private final ByteArrayOutputStream open = new ByteArrayOutputStream(8_192);
    private int openSamples;
    private long batchBytes;
    private int batchSamples;

    /** @param maxBatchBytes data bytes allowed in the batch, at most {@link FirehoseLimits#MAX_BATCH_BYTES} */
    RecordPacker(int maxBatchBytes) {
        this.maxBatchBytes = Math.min(maxBatchBytes, FirehoseLimits.MAX_BATCH_BYTES);
    }

    /**
     * Adds the sample to the open record, or to a new one. Returns false, adding nothing, when the
     * batch has no room left for it. A sample larger than a record can hold is never accepted: see
     * {@link #fitsAlone}.
     */
    boolean tryAdd(EncodedSample sample) {
        return tryAdd(sample.jsonLine());
    }

    /** As {@link #tryAdd(EncodedSample)}, for a sample line read back from the spool. */
    boolean tryAdd(byte[] line) {
        int size = line.length;
        if (!fitsAlone(size) || batchBytes + size > maxBatchBytes) {
            return false;
        }
        if (openSamples > 0 && (open.size() + size > FirehoseLimits.MAX_RECORD_BYTES
                || openSamples >= FirehoseLimits.MAX_SAMPLES_PER_RECORD)) {
            if (records.size() + 1 >= FirehoseLimits.MAX_RECORDS_PER_BATCH) {
                return false; // closing this record would leave no record for the sample
            }
            closeOpenRecord();
        }
        open.write(line, 0, size);
        openSamples++;
        batchBytes += size;
        batchSamples++;
        return true;
    }

    /** Whether a sample of this size can ever be sent (in a record of its own, in a batch of its own). */
    boolean fitsAlone(int sampleBytes) {
        return sampleBytes <= FirehoseLimits.MAX_RECORD_BYTES && sampleBytes <= maxBatchBytes;
    }

    boolean isEmpty() {
        return batchSamples == 0;
    }

    long bytes() {
        return batchBytes;
    }

    int samples() {
        return batchSamples;
    }

    /** The records packed so far; the packer is empty afterwards. */
    List<PackedRecord> finish() {
        if (openSamples > 0) {
            closeOpenRecord();
        }
        List<PackedRecord> result = Collections.unmodifiableList(new ArrayList<PackedRecord>(records));
        records.clear();
        batchBytes = 0;
        batchSamples = 0;
        return result;
    }

    private void closeOpenRecord() {
        records.add(new PackedRecord(open.toByteArray(), openSamples));
        open.reset();
        openSamples = 0;
    }
}
