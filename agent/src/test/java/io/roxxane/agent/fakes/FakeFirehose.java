package io.roxxane.agent.fakes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fault-injecting stand-in for the Firehose endpoint, speaking the JSON 1.1 protocol the AWS SDK
 * uses ({@code X-Amz-Target: Firehose_20150804.*}, {@code application/x-amz-json-1.1}) and answering
 * with Firehose's response and error shapes. A {@link Behavior} decides each PutRecordBatch call's
 * fate; records are decoded from base64 and kept, so tests can check every sample by {@code seq}.
 */
public final class FakeFirehose implements AutoCloseable {
    public static final String TARGET_PREFIX = "Firehose_20150804.";
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    /** What a PutRecordBatch call gets. */
    public interface Behavior {
        Reply reply(int call, int records);
    }

    /** One call's fate. */
    public static final class Reply {
        public final String kind;
        public final int status;
        public final String errorType;
        public final List<Integer> failIndexes;
        public final long hangMillis;

        private Reply(String kind, int status, String errorType, List<Integer> failIndexes, long hangMillis) {
            this.kind = kind;
            this.status = status;
            this.errorType = errorType;
            this.failIndexes = failIndexes;
            this.hangMillis = hangMillis;
        }

        public static Reply ok() {
            return new Reply("ok", 200, null, List.of(), 0);
        }

        /** A whole-call error with Firehose's JSON error body. */
        public static Reply error(int status, String errorType) {
            return new Reply("error", status, errorType, List.of(), 0);
        }

        public static Reply throttled() {
            return error(400, "ServiceUnavailableException");
        }

        /** HTTP 200 with FailedPutCount > 0: these request indexes fail with {@code errorCode}. */
        public static Reply partial(List<Integer> failIndexes, String errorCode) {
            return new Reply("partial", 200, errorCode, failIndexes, 0);
        }

        /** Holds the call for {@code millis} (past the client's timeout), then fails it without storing. */
        public static Reply hang(long millis) {
            return new Reply("hang", 500, "InternalFailure", List.of(), millis);
        }

        /** Stores the records, then drops the connection without an answer (response lost). */
        public static Reply resetAfterStoring() {
            return new Reply("reset", 0, null, List.of(), 0);
        }

        /** Holds the call for {@code millis}, then stores the records and answers ok (a slow network). */
        public static Reply slowOk(long millis) {
            return new Reply("slow", 200, null, List.of(), millis);
        }

        /** Holds the call until {@link FakeFirehose#release}, then answers ok without storing. */
        public static Reply hangUntilReleased() {
            return new Reply("block", 500, "InternalFailure", List.of(), 0);
        }
    }

    private final String streamName;
    private final int port;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-firehose");
        t.setDaemon(true);
        return t;
    });
    private final List<byte[]> stored = new CopyOnWriteArrayList<>();
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private final List<Integer> recordsPerCall = new CopyOnWriteArrayList<>();
    private final List<Long> bytesPerCall = new CopyOnWriteArrayList<>();
    private final List<Long> callMillis = new CopyOnWriteArrayList<>();
    private final AtomicInteger putCalls = new AtomicInteger();
    private volatile Behavior behavior = (call, records) -> Reply.ok();
    private volatile String streamStatus = "ACTIVE";
    private volatile CountDownLatch released = new CountDownLatch(1);
    private volatile HttpServer server;
    private volatile SigV4Verifier signatures;
    private final List<String> signatureProblems = new CopyOnWriteArrayList<>();
    private final List<String> securityTokens = new CopyOnWriteArrayList<>();

    public FakeFirehose(String streamName) throws IOException {
        this.streamName = streamName;
        HttpServer first = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        this.port = first.getAddress().getPort();
        startOn(first);
    }

    private void startOn(HttpServer s) {
        s.createContext("/", this::handle);
        s.setExecutor(executor);
        s.start();
        server = s;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public void behave(Behavior b) {
        behavior = b;
    }

    /** The first {@code n} PutRecordBatch calls get {@code reply}, the rest are healthy. */
    public void firstCalls(int n, Reply reply) {
        int offset = putCalls.get();
        behavior = (call, records) -> call < offset + n ? reply : Reply.ok();
    }

    /** From now on, a call whose SigV4 signature {@code verifier} rejects gets 403 InvalidSignatureException. */
    public void requireSignatures(SigV4Verifier verifier) {
        signatures = verifier;
    }

    /** Each call's {@code X-Amz-Security-Token}, "" where there was none, in arrival order. */
    public List<String> securityTokens() {
        return securityTokens;
    }

    /** What was wrong with each rejected signature, in arrival order. */
    public List<String> signatureProblems() {
        return signatureProblems;
    }

    public void streamStatus(String status) {
        streamStatus = status;
    }

    /** Stops listening: connections are refused until {@link #up}. */
    public void down() {
        HttpServer s = server;
        server = null;
        if (s != null) {
            s.stop(0);
        }
    }

    /** Listens again on the same port. */
    public void up() throws IOException {
        IOException last = null;
        for (int i = 0; i < 50; i++) {
            try {
                startOn(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50));
                return;
            } catch (java.net.BindException e) {
                last = e;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException(ie);
                }
            }
        }
        throw last;
    }

    /** Lets calls held by {@link Reply#hangUntilReleased} finish. */
    public void release() {
        released.countDown();
    }

    public boolean released() {
        return released.getCount() == 0;
    }

    public int putCalls() {
        return putCalls.get();
    }

    public List<String> targets() {
        return targets;
    }

    public List<Integer> recordsPerCall() {
        return recordsPerCall;
    }

    public List<Long> bytesPerCall() {
        return bytesPerCall;
    }

    /** When each PutRecordBatch call arrived (epoch ms), in arrival order. */
    public List<Long> callMillis() {
        return callMillis;
    }

    /** Data blobs of every record stored, decoded. */
    public List<byte[]> records() {
        return new ArrayList<>(stored);
    }

    /** The seq of every sample line stored, in arrival order (duplicates kept). */
    public List<Long> seqs() {
        List<Long> seqs = new ArrayList<>();
        for (byte[] record : stored) {
            for (String line : new String(record, StandardCharsets.UTF_8).split("\n")) {
                Matcher m = SEQ.matcher(line);
                if (m.find()) {
                    seqs.add(Long.parseLong(m.group(1)));
                }
            }
        }
        return seqs;
    }

    public long distinctSeqs() {
        return seqs().stream().distinct().count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            byte[] body = readAll(exchange.getRequestBody());
            targets.add(target + " " + contentType);
            String securityToken = exchange.getRequestHeaders().getFirst("X-Amz-Security-Token");
            securityTokens.add(securityToken == null ? "" : securityToken);
            SigV4Verifier verifier = signatures;
            if (verifier != null) {
                Map<String, String> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
                String problem = verifier.problem(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        headers, body);
                if (problem != null) {
                    signatureProblems.add(problem);
                    send(exchange, 403, errorBody("InvalidSignatureException", "The request signature we calculated"
                            + " does not match the signature you provided: " + problem), "InvalidSignatureException");
                    return;
                }
            }
            if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)
                    || contentType == null || !contentType.startsWith("application/x-amz-json-1.1")) {
                send(exchange, 400, errorBody("UnknownOperationException", "not a Firehose JSON 1.1 call"),
                        "UnknownOperationException");
                return;
            }
            String operation = target.substring(TARGET_PREFIX.length());
            Map<String, Object> request = parse(body);
            if (!streamName.equals(request.get("DeliveryStreamName"))) {
                send(exchange, 400, errorBody("ResourceNotFoundException", "Firehose " + request.get("DeliveryStreamName")
                        + " under account 123456789012 not found."), "ResourceNotFoundException");
                return;
            }
            switch (operation) {
                case "PutRecordBatch":
                    putRecordBatch(exchange, request);
                    return;
                case "DescribeDeliveryStream":
                    send(exchange, 200, "{\"DeliveryStreamDescription\":{\"DeliveryStreamName\":\"" + streamName
                            + "\",\"DeliveryStreamARN\":\"arn:aws:firehose:us-east-1:123456789012:deliverystream/"
                            + streamName + "\",\"DeliveryStreamStatus\":\"" + streamStatus
                            + "\",\"DeliveryStreamType\":\"DirectPut\",\"VersionId\":\"1\",\"CreateTimestamp\":1.7E9,"
                            + "\"Destinations\":[],\"HasMoreDestinations\":false}}", null);
                    return;
                default:
                    send(exchange, 400, errorBody("InvalidArgumentException", "unsupported " + operation), "InvalidArgumentException");
            }
        } catch (Throwable t) {
            send(exchange, 500, errorBody("InternalFailure", String.valueOf(t)), "InternalFailure");
        }
    }

    @SuppressWarnings("unchecked")
    private void putRecordBatch(HttpExchange exchange, Map<String, Object> request) throws IOException, InterruptedException {
        List<byte[]> records = (List<byte[]>) request.get("Records");
        int call = putCalls.getAndIncrement();
        recordsPerCall.add(records.size());
        callMillis.add(System.currentTimeMillis());
        bytesPerCall.add(records.stream().mapToLong(r -> r.length).sum());
        Reply reply = behavior.reply(call, records.size());
        switch (reply.kind) {
            case "ok":
                stored.addAll(records);
                send(exchange, 200, putResponse(records.size(), List.of(), null), null);
                return;
            case "error":
                send(exchange, reply.status, errorBody(reply.errorType, "injected " + reply.errorType), reply.errorType);
                return;
            case "partial":
                for (int i = 0; i < records.size(); i++) {
                    if (!reply.failIndexes.contains(i)) {
                        stored.add(records.get(i));
                    }
                }
                send(exchange, 200, putResponse(records.size(), reply.failIndexes, reply.errorType), null);
                return;
            case "slow":
                Thread.sleep(reply.hangMillis);
                stored.addAll(records);
                send(exchange, 200, putResponse(records.size(), List.of(), null), null);
                return;
            case "hang":
                Thread.sleep(reply.hangMillis);
                send(exchange, 500, errorBody("InternalFailure", "too late"), "InternalFailure");
                return;
            case "block":
                released.await(60, TimeUnit.SECONDS);
                send(exchange, 500, errorBody("InternalFailure", "released"), "InternalFailure");
                return;
            case "reset":
                stored.addAll(records);
                exchange.close(); // before any header: the connection closes, no status line at all
                return;
            default:
                throw new IllegalStateException(reply.kind);
        }
    }

    private static String putResponse(int count, List<Integer> failed, String errorCode) {
        StringBuilder json = new StringBuilder("{\"FailedPutCount\":").append(failed.size())
                .append(",\"Encrypted\":false,\"RequestResponses\":[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                json.append(',');
            }
            if (failed.contains(i)) {
                json.append("{\"ErrorCode\":\"").append(errorCode)
                        .append("\",\"ErrorMessage\":\"Slow down.\"}");
            } else {
                json.append("{\"RecordId\":\"").append(UUID.randomUUID()).append("\"}");
            }
        }
        return json.append("]}").toString();
    }

    private static String errorBody(String type, String message) {
        return "{\"__type\":\"" + type + "\",\"message\":\"" + message.replace("\"", "'") + "\"}";
    }

    private static void send(HttpExchange exchange, int status, String body, String errorType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    /** The request's top-level strings, and Records as decoded data blobs. */
    /** A PutRecordBatch request: its string fields, and "Records" as the decoded data blobs (strict base64). */
    public static Map<String, Object> parse(byte[] body) throws IOException {
        Map<String, Object> result = new HashMap<>();
        List<byte[]> records = new ArrayList<>();
        result.put("Records", records);
        try (JsonParser p = new JsonFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("request is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken value = p.nextToken();
                if (field.equals("Records") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.getCurrentName();
                            p.nextToken();
                            if (name.equals("Data")) {
                                records.add(Base64.getDecoder().decode(p.getText()));
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                } else if (value == JsonToken.VALUE_STRING) {
                    result.put(field, p.getText());
                } else {
                    p.skipChildren();
                }
            }
        }
        return result;
    }

    @Override
    public void close() {
        release();
        down();
        executor.shutdownNow();
    }
}
