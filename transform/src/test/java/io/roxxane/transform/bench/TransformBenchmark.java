package io.roxxane.transform.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.roxxane.transform.FirehoseTransformHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Records per second and bytes allocated per record ({@code -prof gc}: gc.alloc.rate.norm) for a
 * realistic 500-record event, next to the floor: base64-decoding and re-encoding the same
 * records' data, which any transform must do. Scores are per record (500 operations per call).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransformBenchmark {
    static final int RECORDS = 500;
    private static final JsonFactory JSON = new JsonFactory();

    private final FirehoseTransformHandler handler = new FirehoseTransformHandler();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(4 << 20);
    private byte[] event;
    private byte[][] base64Data;

    @Setup
    public void setUp() throws IOException {
        event = BenchEvents.event(RECORDS, 1);
        base64Data = dataOf(event);
    }

    /** The whole handler: event in, response out. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int transform() throws IOException {
        out.reset();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return out.size();
    }

    /** The floor: decode and re-encode each record's data, nothing else. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void floorBase64DecodeEncode(Blackhole blackhole) {
        Base64.Decoder decoder = Base64.getDecoder();
        Base64.Encoder encoder = Base64.getEncoder();
        for (byte[] data : base64Data) {
            blackhole.consume(encoder.encode(decoder.decode(data)));
        }
    }

    /**
     * A second reference, not a floor: the base64 floor plus one Jackson streaming pass over each
     * decoded sample's tokens (no checks, no event parsing, no response). Shows how much of the
     * transform's time is the JSON parse itself.
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void referenceBase64PlusJacksonTokens(Blackhole blackhole) throws IOException {
        Base64.Decoder decoder = Base64.getDecoder();
        Base64.Encoder encoder = Base64.getEncoder();
        for (byte[] data : base64Data) {
            byte[] sample = decoder.decode(data);
            int tokens = 0;
            try (JsonParser parser = JSON.createParser(sample)) {
                while (parser.nextToken() != null) {
                    tokens++;
                }
            }
            blackhole.consume(tokens);
            blackhole.consume(encoder.encode(sample));
        }
    }

    private static byte[][] dataOf(byte[] event) throws IOException {
        List<byte[]> data = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(event)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME && "data".equals(parser.currentName())) {
                    parser.nextToken();
                    data.add(parser.getText().getBytes(StandardCharsets.US_ASCII));
                }
            }
        }
        if (data.size() != RECORDS) {
            throw new IllegalStateException("expected " + RECORDS + " records, found " + data.size());
        }
        return data.toArray(new byte[0][]);
    }
}
