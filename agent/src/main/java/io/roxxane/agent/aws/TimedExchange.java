package io.roxxane.agent.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * One HTTP exchange over the SDK's HTTP client, held to a deadline (a task on the one
 * {@link CallTimer} thread aborts the exchange when it passes), the whole answer read up to
 * {@link #MAX_ANSWER_BYTES}. Shared by the Firehose call and the web identity credentials call.
 */
public final class TimedExchange implements AutoCloseable {
    /**
     * The answers read here are small: Firehose's about 60 bytes per record, STS's about 1.5 kB.
     * More is not the service talking.
     */
    static final int MAX_ANSWER_BYTES = 1 << 20;

    private final SdkHttpClient http;
    private final ScheduledExecutorService timer;

    /** Over {@code http}, timed on {@code timer}; closing this closes both. */
    public TimedExchange(SdkHttpClient http, ScheduledExecutorService timer) {
        this.http = http;
        this.timer = timer;
    }

    /** Over its own HTTP client (the shipper's timeouts) and {@link CallTimer} thread; closing this closes both. */
    public static TimedExchange open(CallTimeouts timeouts) {
        return new TimedExchange(httpClient(timeouts).build(), CallTimer.create());
    }

    /** The URL-connection HTTP client with the shipper's connect and attempt timeouts. */
    public static UrlConnectionHttpClient.Builder httpClient(CallTimeouts timeouts) {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofMillis(Math.min(timeouts.attemptMillis(), 5_000)))
                .socketTimeout(Duration.ofMillis(timeouts.attemptMillis()));
    }

    /** Closes the HTTP client and stops the timer thread. */
    @Override
    public void close() {
        try {
            http.close();
        } finally {
            timer.shutdownNow();
        }
    }

    /** A whole answer: status, {@code x-amzn-ErrorType}, body. */
    public static final class Response {
        public final int status;
        public final String errorType;
        public final byte[] body;

        Response(int status, String errorType, byte[] body) {
            this.status = status;
            this.errorType = errorType;
            this.body = body;
        }
    }

    /** Thrown when the deadline aborted the exchange. */
    public static final class DeadlineExceeded extends InterruptedIOException {
        private static final long serialVersionUID = 1L;

        DeadlineExceeded(long millis) {
            super("no answer within " + millis + " ms");
        }
    }

    /**
     * Sends {@code request} with {@code payload} and reads the whole answer.
     *
     * @throws IOException on network failures, an answer over the cap, and {@link DeadlineExceeded}
     *     past the deadline
     */
    public Response call(SdkHttpRequest request, ContentStreamProvider payload, long deadlineMillis) throws IOException {
        ExecutableHttpRequest exchange = http.prepareRequest(HttpExecuteRequest.builder()
                .request(request)
                .contentStreamProvider(payload)
                .build());
        AtomicBoolean aborted = new AtomicBoolean();
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            aborted.set(true);
            exchange.abort();
        }, deadlineMillis, TimeUnit.MILLISECONDS);
        try {
            HttpExecuteResponse response = exchange.call();
            byte[] answer = read(response);
            return new Response(response.httpResponse().statusCode(),
                    response.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(null), answer);
        } catch (IOException | RuntimeException e) {
            if (aborted.get()) {
                DeadlineExceeded timeout = new DeadlineExceeded(deadlineMillis);
                timeout.initCause(e);
                throw timeout;
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    private static byte[] read(HttpExecuteResponse response) throws IOException {
        if (!response.responseBody().isPresent()) {
            return new byte[0];
        }
        try (InputStream in = response.responseBody().get()) {
            ByteArrayOutputStream answer = new ByteArrayOutputStream(256);
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) > 0; ) {
                if (answer.size() + n > MAX_ANSWER_BYTES) {
                    throw new IOException("answer longer than " + MAX_ANSWER_BYTES + " bytes: not the AWS service");
                }
                answer.write(chunk, 0, n);
            }
            return answer.toByteArray();
        }
    }
}
