package io.roxxane.transform;

import com.fasterxml.jackson.core.io.SerializedString;

/** What the response says about one input record. */
final class RecordOutcome {
    private final String recordId;
    private final RecordResult result;
    private final RecordData original;
    private final byte[] okData;
    private final SerializedString metadata;
    private final String reason;

    private RecordOutcome(String recordId, RecordResult result, RecordData original, byte[] okData,
            SerializedString metadata, String reason) {
        this.recordId = recordId;
        this.result = result;
        this.original = original;
        this.okData = okData;
        this.metadata = metadata;
        this.reason = reason;
    }

    /**
     * A transformed record.
     *
     * @param original the record's data as received, kept in case the record must be demoted
     * @param base64Data the new data, base64 (ASCII bytes)
     * @param metadata the raw JSON of the {@code metadata} object, with the partition keys
     */
    static RecordOutcome ok(String recordId, RecordData original, byte[] base64Data, SerializedString metadata) {
        return new RecordOutcome(recordId, RecordResult.OK, original, base64Data, metadata, null);
    }

    /**
     * A record that fails alone; its data goes back unchanged so that nothing is lost.
     *
     * @param reason what was wrong and what is allowed
     */
    static RecordOutcome failed(String recordId, RecordData original, String reason) {
        return new RecordOutcome(recordId, RecordResult.PROCESSING_FAILED, original, null, null, reason);
    }

    /** This record as a failure: used when the response would otherwise be too large. */
    RecordOutcome demoted(String why) {
        return failed(recordId, original, why);
    }

    String recordId() {
        return recordId;
    }

    RecordResult result() {
        return result;
    }

    /** The record's data exactly as received. */
    RecordData original() {
        return original;
    }

    /** Base64 of the transformed sample; only for {@link RecordResult#OK}. */
    byte[] okData() {
        return okData;
    }

    /** The raw {@code metadata} JSON; only for {@link RecordResult#OK}. */
    SerializedString metadata() {
        return metadata;
    }

    /** Why the record failed; null when it did not. */
    String reason() {
        return reason;
    }
}
