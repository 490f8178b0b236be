package io.roxxane.transform;

import io.roxxane.schema.Column;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The base64 side of a record: decodes its data into a reused buffer, and encodes the answer,
 * reusing the record's own base64 for the bytes that did not change. Not thread-safe: one per
 * invocation.
 */
final class SampleCodec {
    /** Largest decoded sample: Firehose's limit for one record, 1,000 KiB. */
    static final int MAX_SAMPLE_BYTES = 1_000 * 1024;

    private static final int MAX_BASE64_CHARS = (MAX_SAMPLE_BYTES / 3 + 1) * 4;

    /** {@code ,"arrival_ts":} + 20 digits + {@code }\n}. */
    private static final int MAX_TAIL_BYTES = 40;

    private static final Base64.Decoder DECODER = Base64.getDecoder();
    private static final Base64.Encoder ENCODER = Base64.getEncoder();

    private byte[] sample = new byte[8192];
    /** The record's base64 when {@link #sample} was decoded straight from it, else null. */
    private byte[] decodedFrom;
    private long tailArrival = Long.MIN_VALUE;
    private byte[] tail;

    /** The decoded sample of the last {@link #decode}, followed by spare room. */
    byte[] sample() {
        return sample;
    }

    /** Decodes the record's data into {@link #sample()}; returns the sample's length. */
    int decode(RecordData data) throws RejectedSample {
        if (data.isMissing()) {
            throw new RejectedSample("the record has no data; it must hold one base64-encoded JSON sample");
        }
        byte[] base64 = data.raw();
        if (base64.length == 0) {
            throw new RejectedSample("the record's data is empty; it must hold one base64-encoded JSON sample");
        }
        if (base64.length > MAX_BASE64_CHARS) {
            throw tooLarge();
        }
        int length;
        decodedFrom = null;
        try {
            length = decodeIntoSample(base64);
            decodedFrom = base64;
        } catch (IllegalArgumentException e) {
            if (data.isPlainAscii()) {
                throw notBase64(e);
            }
            // JSON escapes (such as \/) in the event: decode the string's value instead.
            try {
                length = decodeIntoSample(data.asText().getBytes(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException again) {
                throw notBase64(again);
            }
        }
        if (length > MAX_SAMPLE_BYTES) {
            throw tooLarge();
        }
        return length;
    }

    /**
     * Writes {@code ,"arrival_ts":N}\n} over the sample's closing brace and encodes the line. When
     * the sample starts at the data's first byte, the line's leading whole 3-byte groups are the
     * record's own bytes, whose base64 is the record's first characters (a whole group has exactly
     * one encoding): those are copied, and only the few bytes from there on are encoded.
     */
    byte[] encodeAppendingArrival(ScannedSample scanned, long arrivalMillis) {
        if (tail == null || tailArrival != arrivalMillis) {
            tail = (",\"" + Column.ARRIVAL_TS.columnName() + "\":" + arrivalMillis + "}\n")
                    .getBytes(StandardCharsets.US_ASCII);
            tailArrival = arrivalMillis;
        }
        System.arraycopy(tail, 0, sample, scanned.end, tail.length);
        int end = scanned.end + tail.length;
        if (decodedFrom == null || scanned.start != 0) {
            return ENCODER.encode(ByteBuffer.wrap(sample, scanned.start, end - scanned.start)).array();
        }
        int kept = scanned.end / 3 * 3;
        int keptChars = kept / 3 * 4;
        byte[] rest = ENCODER.encode(ByteBuffer.wrap(sample, kept, end - kept)).array();
        byte[] encoded = new byte[keptChars + rest.length];
        System.arraycopy(decodedFrom, 0, encoded, 0, keptChars);
        System.arraycopy(rest, 0, encoded, keptChars, rest.length);
        return encoded;
    }

    static byte[] encode(byte[] line) {
        return ENCODER.encode(line);
    }

    private int decodeIntoSample(byte[] base64) {
        int maxDecoded = base64.length / 4 * 3 + 3;
        if (sample.length < maxDecoded + MAX_TAIL_BYTES) {
            sample = new byte[Math.max(maxDecoded + MAX_TAIL_BYTES, sample.length * 2)];
        }
        return DECODER.decode(base64, sample);
    }

    private static RejectedSample notBase64(IllegalArgumentException e) {
        return new RejectedSample("the record's data is not valid base64 (" + e.getMessage()
                + "); Firehose sends each record's data base64-encoded");
    }

    private static RejectedSample tooLarge() {
        return new RejectedSample("the sample is larger than " + MAX_SAMPLE_BYTES
                + " bytes, Firehose's limit for one record");
    }
}
