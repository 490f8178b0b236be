package io.roxxane.transform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Reads a Firehose transformation event with Jackson's streaming parser and hands each record to a
 * {@link RecordConsumer} as soon as it is read. Anything that makes the event as a whole unanswerable (not JSON, no
 * {@code records} array, a record without a {@code recordId}, fields of the wrong JSON type) is an
 * {@link InvalidEventException}; problems inside a record's data are left to the consumer.
 * Other top-level fields ({@code invocationId}, {@code deliveryStreamArn}, {@code region}, …) and
 * other record fields ({@code kinesisRecordMetadata}, …) are skipped.
 */
final class FirehoseEventReader {
    /** Receives each record in the order of the event. */
    interface RecordConsumer {
        void accept(String recordId, long arrivalMillis, RecordData data);
    }

    private final JsonFactory factory;
    private final LongSupplier clock;

    /**
     * @param clock stands in for a record's {@code approximateArrivalTimestamp} when it is missing
     */
    FirehoseEventReader(JsonFactory factory, LongSupplier clock) {
        this.factory = factory;
        this.clock = clock;
    }

    /**
     * Reads the whole event (kept in memory, so that each record's data can be taken from it as
     * bytes); returns the number of records.
     */
    int read(InputStream input, RecordConsumer consumer) throws IOException {
        if (input == null) {
            throw new InvalidEventException("the event is missing (no input stream)");
        }
        byte[] event = input.readAllBytes();
        try (JsonParser parser = factory.createParser(event)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidEventException("the event is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new InvalidEventException("the event is " + JsonValues.describe(parser, first));
            }
            int records = -1;
            String name;
            while ((name = parser.nextFieldName()) != null) {
                JsonToken value = parser.nextToken();
                if ("records".equals(name)) {
                    if (records >= 0) {
                        throw new InvalidEventException("the event has 'records' twice");
                    }
                    records = readRecords(parser, value, event, consumer);
                } else {
                    parser.skipChildren();
                }
            }
            if (records < 0) {
                throw new InvalidEventException("the event has no 'records' array");
            }
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw new InvalidEventException("the event continues after its closing brace with "
                        + JsonValues.describe(parser, after));
            }
            return records;
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("the event is not valid JSON: " + JsonValues.parseError(e), e);
        }
    }

    private int readRecords(JsonParser parser, JsonToken value, byte[] event, RecordConsumer consumer) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw new InvalidEventException("'records' is " + JsonValues.describe(parser, value) + ", not an array");
        }
        int index = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                throw new InvalidEventException("records[" + index + "] is " + JsonValues.describe(parser, token)
                        + ", not an object");
            }
            readRecord(parser, index, event, consumer);
            index++;
        }
        return index;
    }

    private void readRecord(JsonParser parser, int index, byte[] event, RecordConsumer consumer) throws IOException {
        String recordId = null;
        boolean hasArrival = false;
        long arrival = 0;
        RecordData data = RecordData.MISSING;
        int dataStart = -1;
        String name;
        while (true) {
            name = parser.nextFieldName();
            if (dataStart >= 0) {
                // The parser has just skipped the data string: take its bytes straight from the event.
                data = RecordData.ofRaw(Arrays.copyOfRange(event, dataStart, closingQuote(parser, event)));
                requireReadable(data, index);
                dataStart = -1;
            }
            if (name == null) {
                break;
            }
            JsonToken value = parser.nextToken();
            switch (name) {
                case "recordId":
                    if (value != JsonToken.VALUE_STRING) {
                        throw new InvalidEventException("records[" + index + "].recordId is "
                                + JsonValues.describe(parser, value) + ", not a string");
                    }
                    recordId = parser.getText();
                    break;
                case "approximateArrivalTimestamp":
                    if (value == JsonToken.VALUE_NULL) {
                        hasArrival = false;
                    } else if (value == JsonToken.VALUE_NUMBER_INT
                            && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                        hasArrival = true;
                        arrival = parser.getLongValue();
                    } else {
                        throw new InvalidEventException("records[" + index + "].approximateArrivalTimestamp is "
                                + JsonValues.describe(parser, value) + ", not epoch milliseconds (an integral number)");
                    }
                    break;
                case "data":
                    if (value == JsonToken.VALUE_NULL) {
                        data = RecordData.MISSING;
                    } else if (value == JsonToken.VALUE_STRING) {
                        long quote = parser.currentTokenLocation().getByteOffset();
                        if (quote < 0) { // Jackson detected UTF-16 or UTF-32 and reads characters
                            throw new InvalidEventException("the event is not UTF-8");
                        }
                        dataStart = Math.toIntExact(quote) + 1;
                    } else {
                        throw new InvalidEventException("records[" + index + "].data is "
                                + JsonValues.describe(parser, value) + ", not a base64 string");
                    }
                    break;
                default:
                    parser.skipChildren();
            }
        }
        if (recordId == null) {
            throw new InvalidEventException("records[" + index + "] has no 'recordId', so it cannot be answered");
        }
        consumer.accept(recordId, hasArrival ? arrival : clock.getAsLong(), data);
    }

    /**
     * Jackson skips strings without decoding them, and so lets through some bytes that are not
     * UTF-8 (an encoded surrogate) and that only decoding the string finds: decode data that is
     * not plain ASCII now, so that the event fails as a whole and not later while answering it.
     */
    private static void requireReadable(RecordData data, int index) {
        if (data.isPlainAscii()) {
            return;
        }
        try {
            data.asText();
        } catch (UncheckedIOException e) {
            String reason = e.getCause() instanceof JsonProcessingException
                    ? JsonValues.parseError((JsonProcessingException) e.getCause()) : String.valueOf(e.getCause());
            throw new InvalidEventException("records[" + index + "].data is not a valid JSON string: " + reason);
        }
    }

    /**
     * The index of the closing quote of the string value that precedes the parser's current token
     * (the next field name or the record's closing brace), found by stepping back over whitespace
     * and the comma.
     */
    private static int closingQuote(JsonParser parser, byte[] event) {
        int i = JsonBytes.skipWhitespaceBack(event, Math.toIntExact(parser.currentTokenLocation().getByteOffset()) - 1);
        if (event[i] == ',') {
            i = JsonBytes.skipWhitespaceBack(event, i - 1);
        }
        if (event[i] != '"') {
            throw new IllegalStateException("no closing quote before byte " + (i + 1));
        }
        return i;
    }
}
