package io.roxxane.transform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import io.roxxane.schema.Column;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads one decoded sample with Jackson's streaming parser and checks it: one JSON object, UTF-8,
 * each known column once with a value of its type, nested values included ({@link ColumnValues}),
 * whatever the sample's schema_version. Unknown keys pass, unless they differ from a column only in
 * case (a case-insensitive reader would collide them with the column). Not thread-safe: one per
 * invocation.
 */
final class SampleScanner {
    private static final Column[] COLUMNS = Column.values();
    private static final SerializedString[] NAMES = new SerializedString[COLUMNS.length];

    static {
        for (Column column : COLUMNS) {
            NAMES[column.ordinal()] = new SerializedString(column.columnName());
        }
    }

    private final JsonFactory factory;
    private final long[] seen = new long[(COLUMNS.length + 63) / 64];

    SampleScanner(JsonFactory factory) {
        this.factory = factory;
    }

    /** Scans {@code json[0, length)}. */
    ScannedSample scan(byte[] json, int length) throws RejectedSample {
        int start = JsonBytes.skipWhitespace(json, 0, length);
        if (start == length) {
            throw new RejectedSample("the sample is empty or only whitespace; a record must hold one JSON object");
        }
        if (json[start] != '{') {
            throw new RejectedSample("the sample is " + JsonValues.describeStart(json[start])
                    + "; a record must hold one JSON object");
        }
        if (start + 1 < length && json[start + 1] == 0) {
            // Jackson would detect UTF-16/32 from the zero byte; the output must be UTF-8.
            throw new RejectedSample("the sample is not UTF-8 (a zero byte follows its opening brace);"
                    + " samples must be UTF-8 JSON");
        }
        return scanObject(json, start, length);
    }

    /** Scans {@code json[start, length)}, whose first byte is the object's brace. */
    private ScannedSample scanObject(byte[] json, int start, int length) throws RejectedSample {
        ScannedSample sample = new ScannedSample();
        sample.start = start;
        Arrays.fill(seen, 0L);
        try (JsonParser parser = factory.createParser(json, start, length - start)) {
            parser.nextToken();
            // Writers emit the columns in schema order: try the next one by its bytes first, which
            // spares Jackson hashing the name and us looking it up.
            int expected = nextExpected(-1);
            while (true) {
                Column column = null;
                if (expected < COLUMNS.length) {
                    if (parser.nextFieldName(NAMES[expected])) {
                        column = COLUMNS[expected];
                    }
                } else {
                    parser.nextToken();
                }
                if (column == null) {
                    if (parser.currentToken() != JsonToken.FIELD_NAME) {
                        break; // the object's end
                    }
                    column = Column.byName(parser.currentName());
                }
                JsonToken value = parser.nextToken();
                if (column == null) {
                    checkUnknown(parser, parser.currentName(), value);
                } else {
                    checkColumn(parser, column, value, sample);
                    expected = nextExpected(column.ordinal());
                }
            }
            sample.singleLine = parser.currentTokenLocation().getLineNr() == 1;
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw new RejectedSample("the record holds more than one JSON value (" + JsonValues.describe(parser, after)
                        + " follows the first object); one record must hold exactly one sample,"
                        + " which Firehose's deaggregation of newline-delimited JSON ensures");
            }
        } catch (JsonProcessingException e) {
            throw new RejectedSample("the sample is not valid JSON: " + JsonValues.parseError(e));
        } catch (IOException e) {
            throw new RejectedSample("the sample could not be read: " + e);
        }
        sample.end = JsonBytes.skipWhitespaceBack(json, length - 1); // the parser proved it is the object's '}'
        return sample;
    }

    /** The column expected after the one with this ordinal; the agent never writes arrival_ts. */
    private static int nextExpected(int ordinal) {
        int next = ordinal + 1;
        return next == Column.ARRIVAL_TS.ordinal() ? next + 1 : next;
    }

    private void checkColumn(JsonParser parser, Column column, JsonToken value, ScannedSample sample)
            throws IOException, RejectedSample {
        int ordinal = column.ordinal();
        long bit = 1L << (ordinal & 63);
        if ((seen[ordinal >>> 6] & bit) != 0) {
            throw new RejectedSample("key '" + column.columnName() + "' appears more than once; each column at most once");
        }
        seen[ordinal >>> 6] |= bit;
        if (column == Column.ARRIVAL_TS) {
            sample.hasArrivalTs = true;
        }
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        ColumnValues.check(parser, column, value);
        if (column == Column.TS) {
            sample.hasTs = true;
            sample.ts = parser.getLongValue();
        } else if (column == Column.SERVICE) {
            sample.service = parser.getText();
        }
    }

    private static void checkUnknown(JsonParser parser, String name, JsonToken value) throws IOException, RejectedSample {
        Column lookalike = Column.byName(name.toLowerCase(Locale.ROOT));
        if (lookalike != null) {
            throw new RejectedSample("key " + JsonValues.abbreviate(name) + " differs from column '"
                    + lookalike.columnName() + "' only in case; a case-insensitive JSON reader (the Parquet"
                    + " conversion of streams made before schema 2, Hive's JSON SerDes) would read it as that column,"
                    + " so use the column's exact name");
        }
        // Decode every string inside, which proves it is valid UTF-8.
        if (value == JsonToken.VALUE_STRING) {
            parser.getTextCharacters();
        } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
            int depth = 1;
            while (depth > 0) {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                } else if (token == JsonToken.VALUE_STRING) {
                    parser.getTextCharacters();
                }
            }
        }
    }
}
