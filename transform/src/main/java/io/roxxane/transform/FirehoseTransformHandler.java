package io.roxxane.transform;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The Firehose transformation Lambda: {@code io.roxxane.transform.FirehoseTransformHandler::handleRequest}.
 *
 * <p>Reads the transformation event, turns each record into {@code Ok} (the sample as one JSON
 * line with {@code arrival_ts}, and its partition keys) or {@code ProcessingFailed} (its data
 * unchanged), and writes every record id back exactly once, in order. A bad record never fails
 * the invocation; only an event that is not a transformation event at all does, with an
 * {@link InvalidEventException}. Safe to call from several threads: each call has its own state.
 */
public final class FirehoseTransformHandler implements RequestStreamHandler {
    /** Lambda's synchronous response limit is 6 MB; stay clear of it. */
    static final long DEFAULT_RESPONSE_LIMIT_BYTES = 6_000_000L;

    /** Shared, thread-safe; never closes the caller's streams, never quotes input in error messages. */
    static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final LongSupplier clock;
    private final long responseLimitBytes;

    /** The handler Lambda instantiates. */
    public FirehoseTransformHandler() {
        this(new SystemClock(), DEFAULT_RESPONSE_LIMIT_BYTES);
    }

    /**
     * @param clock stands in for a missing {@code approximateArrivalTimestamp}
     * @param responseLimitBytes the largest response to write
     */
    FirehoseTransformHandler(LongSupplier clock, long responseLimitBytes) {
        this.clock = clock;
        this.responseLimitBytes = responseLimitBytes;
    }

    /**
     * Transforms one event.
     *
     * @param context may be null (failures are then logged to stderr)
     * @throws InvalidEventException if the input is not a Firehose transformation event; nothing is written then
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        TransformingConsumer outcomes = new TransformingConsumer(new SampleTransformer(JSON));
        new FirehoseEventReader(JSON, clock).read(input, outcomes);
        ResponseWriter writer = new ResponseWriter(JSON, responseLimitBytes);
        List<RecordOutcome> fitted = writer.fit(outcomes.outcomes);
        writer.write(fitted, output);
        FailureLog.report(fitted, context);
    }

    // Named classes rather than a lambda and a method reference: their invokedynamic bootstrap
    // costs tens of milliseconds on a cold JVM.

    /** Transforms each record as the reader hands it over, keeping the outcomes in order. */
    private static final class TransformingConsumer implements FirehoseEventReader.RecordConsumer {
        final List<RecordOutcome> outcomes = new ArrayList<>();
        private final SampleTransformer transformer;

        TransformingConsumer(SampleTransformer transformer) {
            this.transformer = transformer;
        }

        @Override
        public void accept(String recordId, long arrivalMillis, RecordData data) {
            outcomes.add(transformer.transform(recordId, arrivalMillis, data));
        }
    }

    private static final class SystemClock implements LongSupplier {
        @Override
        public long getAsLong() {
            return System.currentTimeMillis();
        }
    }
}
