package io.roxxane.transform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code {"records":[{recordId, result, data, metadata}]}}, keeping the response under a
 * size limit: if the outcomes would not fit, Ok records are demoted to ProcessingFailed (their
 * original data, which is never larger than in the request) from the last one backwards until
 * they do.
 */
final class ResponseWriter {
    static final String TOO_LARGE = "the response would exceed Lambda's 6 MB limit with this record transformed;"
            + " it is returned unprocessed so that nothing is lost";

    private static final SerializedString RECORDS = new SerializedString("records");
    private static final SerializedString RECORD_ID = new SerializedString("recordId");
    private static final SerializedString RESULT = new SerializedString("result");
    private static final SerializedString DATA = new SerializedString("data");
    private static final SerializedString METADATA = new SerializedString("metadata");

    private static final int ENVELOPE = "{\"records\":[]}".length();
    private static final int ENTRY = "{\"recordId\":\"\",\"result\":\"\",\"data\":\"\"}".length();
    private static final int METADATA_FIELD = ",\"metadata\":".length();

    private final JsonFactory factory;
    private final long limitBytes;

    ResponseWriter(JsonFactory factory, long limitBytes) {
        this.factory = factory;
        this.limitBytes = limitBytes;
    }

    /** The outcomes, with Ok ones demoted from the end as far as needed to fit the limit. */
    List<RecordOutcome> fit(List<RecordOutcome> outcomes) {
        long size = sizeOf(outcomes);
        if (size <= limitBytes) {
            return outcomes;
        }
        List<RecordOutcome> fitted = new ArrayList<>(outcomes);
        for (int i = fitted.size() - 1; i >= 0 && size > limitBytes; i--) {
            RecordOutcome outcome = fitted.get(i);
            if (outcome.result() == RecordResult.OK) {
                RecordOutcome demoted = outcome.demoted(TOO_LARGE);
                size += entrySize(demoted) - entrySize(outcome);
                fitted.set(i, demoted);
            }
        }
        return fitted;
    }

    void write(List<RecordOutcome> outcomes, OutputStream output) throws IOException {
        try (JsonGenerator generator = factory.createGenerator(output)) {
            generator.writeStartObject();
            generator.writeFieldName(RECORDS);
            generator.writeStartArray();
            for (RecordOutcome outcome : outcomes) {
                generator.writeStartObject();
                generator.writeFieldName(RECORD_ID);
                generator.writeString(outcome.recordId());
                generator.writeFieldName(RESULT);
                generator.writeString(outcome.result().wireName());
                generator.writeFieldName(DATA);
                if (outcome.result() == RecordResult.OK) {
                    byte[] data = outcome.okData();
                    generator.writeRawUTF8String(data, 0, data.length); // base64: nothing to escape
                    generator.writeFieldName(METADATA);
                    generator.writeRawValue(outcome.metadata());
                } else {
                    generator.writeString(outcome.original().asText());
                }
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
    }

    /** An upper bound of the written size, exact when record ids and failed data need no escaping. */
    static long sizeOf(List<RecordOutcome> outcomes) {
        long size = ENVELOPE + Math.max(0, outcomes.size() - 1);
        for (RecordOutcome outcome : outcomes) {
            size += entrySize(outcome);
        }
        return size;
    }

    static long entrySize(RecordOutcome outcome) {
        long size = ENTRY + jsonLength(outcome.recordId()) + outcome.result().wireName().length();
        if (outcome.result() == RecordResult.OK) {
            size += outcome.okData().length + METADATA_FIELD + outcome.metadata().charLength();
        } else {
            size += jsonLength(outcome.original().asText());
        }
        return size;
    }

    /** UTF-8 bytes of the string inside JSON quotes, counting 6 for any character that may be escaped. */
    private static long jsonLength(String s) {
        long length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                length += 6;
            } else if (c < 0x80) {
                length += 1;
            } else if (c < 0x800 || Character.isSurrogate(c)) {
                length += 2; // a surrogate pair is 4 bytes
            } else {
                length += 3;
            }
        }
        return length;
    }
}
