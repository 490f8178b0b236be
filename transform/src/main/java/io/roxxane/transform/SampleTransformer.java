package io.roxxane.transform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.io.SerializedString;
import io.roxxane.schema.Column;
import io.roxxane.schema.PartitionRule;
import java.io.IOException;

/**
 * Turns one Firehose record into its outcome: decode, check, find the partition, add
 * {@code arrival_ts}, encode. Every problem becomes a {@code ProcessingFailed} outcome naming
 * what was wrong; nothing is thrown. Not thread-safe: one per invocation.
 */
final class SampleTransformer {
    /** How far after its record's arrival a sample's {@code ts} may lie (clock skew of the sender). */
    static final long MAX_FUTURE_SKEW_MS = 24L * 3_600_000L;

    private static final String TS = "'" + Column.TS.columnName() + "'";

    private final SampleCodec codec = new SampleCodec();
    private final SampleScanner scanner;
    private final SampleRewriter rewriter;
    private final PartitionMetadataCache partitions = new PartitionMetadataCache();

    SampleTransformer(JsonFactory factory) {
        this.scanner = new SampleScanner(factory);
        this.rewriter = new SampleRewriter(factory);
    }

    RecordOutcome transform(String recordId, long arrivalMillis, RecordData data) {
        try {
            return transformOrReject(recordId, arrivalMillis, data);
        } catch (RejectedSample e) {
            return RecordOutcome.failed(recordId, data, e.getMessage());
        } catch (RuntimeException | IOException e) {
            return RecordOutcome.failed(recordId, data, "unexpected error in the transform: " + e);
        }
    }

    /** The latest {@code ts} a record that arrived at {@code arrivalMillis} may carry. */
    static long latestTs(long arrivalMillis) {
        return arrivalMillis > Long.MAX_VALUE - MAX_FUTURE_SKEW_MS ? Long.MAX_VALUE : arrivalMillis + MAX_FUTURE_SKEW_MS;
    }

    private RecordOutcome transformOrReject(String recordId, long arrivalMillis, RecordData data)
            throws RejectedSample, IOException {
        int length = codec.decode(data);
        ScannedSample sample = scanner.scan(codec.sample(), length);
        if (sample.hasTs) {
            checkTs(sample.ts, arrivalMillis);
        }
        long ts = sample.hasTs ? sample.ts : arrivalMillis;
        SerializedString metadata;
        try {
            metadata = partitions.metadataFor(sample.service, ts);
        } catch (IllegalArgumentException e) {
            throw new RejectedSample(sample.hasTs ? TS + " cannot be partitioned: " + e.getMessage()
                    : "the sample has no " + TS + " and its record's approximateArrivalTimestamp cannot stand in: "
                            + e.getMessage());
        }
        byte[] encoded = sample.canAppend() ? codec.encodeAppendingArrival(sample, arrivalMillis)
                : SampleCodec.encode(rewriter.rewrite(codec.sample(), sample, ts, arrivalMillis));
        return RecordOutcome.ok(recordId, data, encoded, metadata);
    }

    private static void checkTs(long ts, long arrivalMillis) throws RejectedSample {
        if (ts < PartitionRule.MIN_TS_MS) {
            throw new RejectedSample(TS + " " + ts + " is before 2000-01-01T00:00:00Z; " + TS
                    + " must be epoch milliseconds UTC");
        }
        if (ts > latestTs(arrivalMillis)) {
            throw new RejectedSample(TS + " " + ts + " is more than 24 h after the record's arrival (" + arrivalMillis
                    + "); " + TS + " must be epoch milliseconds UTC and the sender's clock roughly right");
        }
    }
}
