package io.roxxane.transform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.io.SerializedString;
import io.roxxane.schema.Column;
import io.roxxane.schema.PartitionRule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Turns one Firehose record into its outcome: decode, check, find the partition, append
 * {@code arrival_ts}, encode. Every problem becomes a {@code ProcessingFailed} outcome naming
 * what was wrong; nothing is thrown. Not thread-safe: one per invocation.
 */
final class SampleTransformer {
    /** Largest decoded sample: Firehose's limit for one record, 1,000 KiB. */
    static final int MAX_SAMPLE_BYTES = 1_000 * 1024;

    /** How far after its record's arrival a sample's {@code ts} may lie (clock skew of the sender). */
    static final long MAX_FUTURE_SKEW_MS = 24L * 3_600_000L;

    /** {@code ,"arrival_ts":} + 20 digits + {@code }\n}. */
    private static final int MAX_TAIL_BYTES = 40;

    private static final int MAX_BASE64_CHARS = (MAX_SAMPLE_BYTES / 3 + 1) * 4;

    private static final Base64.Decoder DECODER = Base64.getDecoder();
    private static final Base64.Encoder ENCODER = Base64.getEncoder();

    private final SampleScanner scanner;
    private final SampleRewriter rewriter;
    private final PartitionMetadataCache partitions = new PartitionMetadataCache();
    private byte[] scratch = new byte[8192];
    private long tailArrival = Long.MIN_VALUE;
    private byte[] tail;
    /** The record's base64 when {@link #scratch} was decoded straight from it, else null. */
    private byte[] decodedFrom;

    SampleTransformer(JsonFactory factory) {
        this(factory, true);
    }

    /** @param fastPath see {@link SampleScanner#SampleScanner(JsonFactory, boolean)} */
    SampleTransformer(JsonFactory factory, boolean fastPath) {
        this.scanner = new SampleScanner(factory, fastPath);
        this.rewriter = new SampleRewriter(factory);
    }

    RecordOutcome transform(String recordId, long arrivalMillis, RecordData data) {
        try {
            return transformOrReject(recordId, arrivalMillis, data);
        } catch (RejectedSample e) {
            return RecordOutcome.failed(recordId, data, e.getMessage());
        } catch (UnverifiedEventData e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            return RecordOutcome.failed(recordId, data, "unexpected error in the transform: " + e);
        }
    }

    private RecordOutcome transformOrReject(String recordId, long arrivalMillis, RecordData data)
            throws RejectedSample, IOException {
        int length = decode(data);
        ScannedSample sample = scanner.scan(scratch, length);
        long ts = sample.hasTs ? sample.ts : arrivalMillis;
        if (sample.hasTs) {
            checkTs(sample.ts, arrivalMillis);
        }
        SerializedString metadata;
        try {
            metadata = partitions.metadataFor(sample.service, ts);
        } catch (IllegalArgumentException e) {
            throw new RejectedSample(sample.hasTs ? "'ts' cannot be partitioned: " + e.getMessage()
                    : "the sample has no 'ts' and its record's approximateArrivalTimestamp cannot stand in: "
                            + e.getMessage());
        }
        byte[] encoded;
        if (sample.canAppend()) {
            encoded = appendArrivalAndEncode(sample, arrivalMillis);
        } else {
            encoded = ENCODER.encode(rewriter.rewrite(scratch, sample, ts, arrivalMillis));
        }
        return RecordOutcome.ok(recordId, data, encoded, metadata);
    }

    /** Decodes the record's base64 into {@link #scratch}, leaving room for the tail; returns the length. */
    private int decode(RecordData data) throws RejectedSample {
        if (data.isMissing()) {
            throw new RejectedSample("the record has no data; it must hold one base64-encoded JSON sample");
        }
        byte[] base64 = data.raw();
        if (base64.length == 0) {
            throw new RejectedSample("the record's data is empty; it must hold one base64-encoded JSON sample");
        }
        if (base64.length > MAX_BASE64_CHARS) {
            data.requireVerified();
            throw tooLarge();
        }
        int length;
        decodedFrom = null;
        try {
            length = decodeIntoScratch(base64); // success: the data was base64, so plain ASCII
            decodedFrom = base64;
        } catch (IllegalArgumentException e) {
            data.requireVerified();
            if (data.isPlainAscii()) {
                throw notBase64(e);
            }
            // JSON escapes (such as \/) in the event: decode the string's value instead.
            byte[] value = data.asText().getBytes(StandardCharsets.UTF_8);
            try {
                length = decodeIntoScratch(value);
            } catch (IllegalArgumentException again) {
                throw notBase64(again);
            }
        }
        if (length > MAX_SAMPLE_BYTES) {
            throw tooLarge();
        }
        return length;
    }

    private int decodeIntoScratch(byte[] base64) {
        int maxDecoded = base64.length / 4 * 3 + 3;
        if (scratch.length < maxDecoded + MAX_TAIL_BYTES) {
            scratch = new byte[Math.max(maxDecoded + MAX_TAIL_BYTES, scratch.length * 2)];
        }
        return DECODER.decode(base64, scratch);
    }

    private static RejectedSample notBase64(IllegalArgumentException e) {
        return new RejectedSample("the record's data is not valid base64 (" + e.getMessage()
                + "); Firehose sends each record's data base64-encoded");
    }

    private static RejectedSample tooLarge() {
        return new RejectedSample("the sample is larger than " + MAX_SAMPLE_BYTES
                + " bytes, Firehose's limit for one record");
    }

    private static void checkTs(long ts, long arrivalMillis) throws RejectedSample {
        if (ts < PartitionRule.MIN_TS_MS) {
            throw new RejectedSample("'ts' " + ts + " is before 2000-01-01T00:00:00Z; 'ts' must be epoch milliseconds UTC");
        }
        if (ts > latestTs(arrivalMillis)) {
            throw new RejectedSample("'ts' " + ts + " is more than 24 h after the record's arrival (" + arrivalMillis
                    + "); 'ts' must be epoch milliseconds UTC and the sender's clock roughly right");
        }
    }

    /** The latest {@code ts} a record that arrived at {@code arrivalMillis} may carry. */
    static long latestTs(long arrivalMillis) {
        return arrivalMillis > Long.MAX_VALUE - MAX_FUTURE_SKEW_MS ? Long.MAX_VALUE : arrivalMillis + MAX_FUTURE_SKEW_MS;
    }

    /**
     * Writes {@code ,"arrival_ts":N}\n} over the closing brace and encodes the line. When the
     * sample starts at the data's first byte, the line's leading whole 3-byte groups are the
     * record's own bytes, whose base64 is the record's first characters (a whole group has exactly
     * one encoding): those are copied, and only the few bytes from there on are encoded.
     */
    private byte[] appendArrivalAndEncode(ScannedSample sample, long arrivalMillis) {
        if (tailArrival != arrivalMillis || tail == null) {
            tail = (",\"" + Column.ARRIVAL_TS.columnName() + "\":" + arrivalMillis + "}\n")
                    .getBytes(StandardCharsets.US_ASCII);
            tailArrival = arrivalMillis;
        }
        System.arraycopy(tail, 0, scratch, sample.end, tail.length);
        if (decodedFrom == null || sample.start != 0) {
            ByteBuffer line = ByteBuffer.wrap(scratch, sample.start, sample.end + tail.length - sample.start);
            return ENCODER.encode(line).array();
        }
        int kept = sample.end / 3 * 3;
        int keptChars = kept / 3 * 4;
        byte[] rest = ENCODER.encode(ByteBuffer.wrap(scratch, kept, sample.end + tail.length - kept)).array();
        byte[] encoded = new byte[keptChars + rest.length];
        System.arraycopy(decodedFrom, 0, encoded, 0, keptChars);
        System.arraycopy(rest, 0, encoded, keptChars, rest.length);
        return encoded;
    }
}
