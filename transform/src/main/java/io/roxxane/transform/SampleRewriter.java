package io.roxxane.transform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.roxxane.schema.Column;
import java.io.IOException;

/**
 * Writes a scanned sample again, token by token, as one compact line: for the few samples that
 * cannot simply be copied (a line break inside, a missing or null {@code ts} to fill in, an
 * {@code arrival_ts} of their own to replace).
 */
final class SampleRewriter {
    private final JsonFactory factory;

    SampleRewriter(JsonFactory factory) {
        this.factory = factory;
    }

    /**
     * The sample as one line ending in a newline, with {@code ts} set to {@code ts} if the sample
     * had none, and {@code arrival_ts} set to {@code arrivalMillis}.
     */
    byte[] rewrite(byte[] json, ScannedSample sample, long ts, long arrivalMillis) throws IOException {
        ByteArrayBuilder out = new ByteArrayBuilder(sample.end - sample.start + 64);
        try (JsonParser parser = factory.createParser(json, sample.start, sample.end + 1 - sample.start);
                JsonGenerator generator = factory.createGenerator(out)) {
            parser.nextToken();
            generator.writeStartObject();
            String name;
            while ((name = parser.nextFieldName()) != null) {
                parser.nextToken();
                boolean replaced = name.equals(Column.ARRIVAL_TS.columnName())
                        || !sample.hasTs && name.equals(Column.TS.columnName());
                if (replaced) {
                    parser.skipChildren();
                } else {
                    generator.writeFieldName(name);
                    generator.copyCurrentStructure(parser);
                }
            }
            if (!sample.hasTs) {
                generator.writeNumberField(Column.TS.columnName(), ts);
            }
            generator.writeNumberField(Column.ARRIVAL_TS.columnName(), arrivalMillis);
            generator.writeEndObject();
        }
        out.write('\n');
        return out.toByteArray();
    }
}
