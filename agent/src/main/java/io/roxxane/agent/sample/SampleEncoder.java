package io.roxxane.agent.sample;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import io.roxxane.schema.Column;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * Writes a {@link Sample} as one flat JSON object on one line, keys in schema order, absent
 * columns left out, ending in a newline: the record format of the whole pipeline.
 */
public final class SampleEncoder {
    private static final Column[] COLUMNS = Column.values();
    /** Each column's key, UTF-8 and JSON escaping done once rather than per sample. */
    private static final SerializedString[] KEYS = new SerializedString[COLUMNS.length];

    static {
        for (Column column : COLUMNS) {
            KEYS[column.ordinal()] = new SerializedString(column.columnName());
        }
    }

    private final JsonFactory factory = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(2_048);
    /**
     * Kept from sample to sample: at one sample per interval the code never gets hot, and making
     * a generator each time cost about as much as writing the sample.
     */
    private JsonGenerator json;

    /** The JSON line of the sample, UTF-8. Not thread-safe: one encoder per thread. */
    public byte[] encode(Sample sample) {
        buffer.reset();
        try {
            if (json == null) {
                json = factory.createGenerator(buffer, JsonEncoding.UTF8);
                json.setRootValueSeparator(null); // each sample its own line: the newline is written below
            }
            json.writeStartObject();
            for (Column column : COLUMNS) {
                Object value = sample.get(column);
                if (value == null) {
                    continue;
                }
                json.writeFieldName(KEYS[column.ordinal()]);
                writeValue(json, value);
            }
            json.writeEndObject();
            json.flush();
        } catch (IOException | RuntimeException e) {
            json = null; // half a sample may be in it: start afresh
            throw new IllegalStateException("cannot encode sample", e);
        }
        buffer.write('\n');
        return buffer.toByteArray();
    }

    /** Encodes and wraps with the identity fields sinks use. */
    public EncodedSample encodeForSink(Sample sample) {
        byte[] line = encode(sample);
        Object service = sample.get(Column.SERVICE);
        return new EncodedSample(sample.getLong(Column.TS, 0), sample.getLong(Column.SEQ, -1),
                service == null ? null : service.toString(), line, sample.has(Column.AGENT_DISTRESS));
    }

    /**
     * A column's value. Nested values go to one small method per shape rather than back through
     * this one: one recursive method inlined into itself made a single C2 compilation of 60 kB and
     * 0.3 s of CPU, some 30 s after start, in every JVM (docs/BENCHMARKS.md).
     */
    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Map) {
            writeMap(json, (Map<?, ?>) value);
        } else if (value instanceof Struct) {
            writeStruct(json, (Struct) value);
        } else {
            writeScalar(json, value);
        }
    }

    /** A map: its values are structs or scalars. */
    private static void writeMap(JsonGenerator json, Map<?, ?> map) throws IOException {
        json.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            json.writeFieldName(String.valueOf(entry.getKey()));
            Object value = entry.getValue();
            if (value instanceof Struct) {
                writeStruct(json, (Struct) value);
            } else {
                writeScalar(json, value);
            }
        }
        json.writeEndObject();
    }

    /** A struct: its fields are scalars or maps (labels), absent ones left out. */
    private static void writeStruct(JsonGenerator json, Struct struct) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < struct.size(); i++) {
            Object field = struct.get(i);
            if (field == null) {
                continue;
            }
            json.writeFieldName(struct.name(i));
            if (field instanceof Map) {
                writeMap(json, (Map<?, ?>) field);
            } else {
                writeScalar(json, field);
            }
        }
        json.writeEndObject();
    }

    private static void writeScalar(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Long) {
            json.writeNumber((Long) value);
        } else if (value instanceof Double) {
            json.writeNumber((Double) value);
        } else if (value instanceof Boolean) {
            json.writeBoolean((Boolean) value);
        } else {
            json.writeString(value.toString());
        }
    }
}
