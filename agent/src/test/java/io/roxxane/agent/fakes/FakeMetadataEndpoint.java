package io.roxxane.agent.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback stand-in for the machine's metadata endpoints: EC2's IMDSv2 under {@code /latest/}
 * (token by {@code PUT /latest/api/token} with the TTL header; every GET needs that token, as on
 * an instance that requires IMDSv2) and ECS's task metadata v4 under {@link #ECS_PATH}. The answers
 * are AWS's documented examples (test resources {@code context/*.json}); each can be replaced by
 * a status, a body, or a hang. Records every request. Binds 127.0.0.1 only.
 */
public final class FakeMetadataEndpoint implements AutoCloseable {
    public static final String TOKEN = "AQAEAFakeImdsSessionTokenForTests_b94UPLuLYRw==";
    public static final String TOKEN_PATH = "/latest/api/token";
    public static final String DOCUMENT_PATH = "/latest/dynamic/instance-identity/document";
    /** Where {@code ECS_CONTAINER_METADATA_URI_V4} points (the container; {@code /task} below it). */
    public static final String ECS_PATH = "/v4/3c2d1e8f4a5b4c6d8e9f0a1b2c3d4e5f-2495160603";

    /** One request as received. */
    public static final class Request {
        public final String method;
        public final String path;
        public final Map<String, String> headers;
        /** Wall-clock time of arrival, epoch milliseconds (comparable with a sample's {@code ts}). */
        public final long receivedAtMillis = System.currentTimeMillis();

        Request(String method, String path, Map<String, String> headers) {
            this.method = method;
            this.path = path;
            this.headers = headers;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** An answer: a status and a body, or a hang of {@code hangMillis} (until {@link #close()}). */
    public static final class Reply {
        final int status;
        final byte[] body;
        final long hangMillis;

        private Reply(int status, byte[] body, long hangMillis) {
            this.status = status;
            this.body = body;
            this.hangMillis = hangMillis;
        }

        public static Reply ok(String body) {
            return new Reply(200, body.getBytes(StandardCharsets.UTF_8), 0);
        }

        public static Reply status(int status) {
            return new Reply(status, new byte[0], 0);
        }

        /** Accepts the request and never answers (until the fake is closed). */
        public static Reply hang() {
            return new Reply(200, new byte[0], Long.MAX_VALUE);
        }

        /** Answers {@code body} after {@code millis}. */
        public static Reply after(long millis, String body) {
            return new Reply(200, body.getBytes(StandardCharsets.UTF_8), millis);
        }

        /** A test resource under {@code context/}, as is. */
        public static Reply resource(String name) {
            try (InputStream in = FakeMetadataEndpoint.class.getResourceAsStream("/context/" + name)) {
                if (in == null) {
                    throw new IllegalArgumentException("no test resource context/" + name);
                }
                return new Reply(200, in.readAllBytes(), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-metadata");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    /** IMDS answers as an m5 instance would, ECS as a task on the EC2 launch type (AWS's examples). */
    public FakeMetadataEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        reply("PUT", TOKEN_PATH, Reply.ok(TOKEN));
        reply("GET", DOCUMENT_PATH, Reply.resource("imds-instance-identity-document.json"));
        reply("GET", ECS_PATH, Reply.resource("ecs-v4-ec2-container.json"));
        reply("GET", ECS_PATH + "/task", Reply.resource("ecs-v4-ec2-task.json"));
    }

    /** {@code http://127.0.0.1:PORT}: the value for {@code AWS_EC2_METADATA_SERVICE_ENDPOINT}. */
    public String imdsEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The value for {@code ECS_CONTAINER_METADATA_URI_V4}. */
    public String ecsUri() {
        return imdsEndpoint() + ECS_PATH;
    }

    /** From now on {@code method path} gets {@code reply}; unknown paths get 404. */
    public FakeMetadataEndpoint reply(String method, String path, Reply reply) {
        replies.put(method + " " + path, reply);
        return this;
    }

    public List<Request> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            requests.add(new Request(method, path, headers));
            Reply reply = replies.getOrDefault(method + " " + path, Reply.status(404));
            if (path.startsWith("/latest/")) {
                if (method.equals("PUT") && !headers.containsKey("x-aws-ec2-metadata-token-ttl-seconds")) {
                    reply = Reply.status(400); // IMDS: the TTL header is required
                } else if (method.equals("GET") && !TOKEN.equals(headers.get("x-aws-ec2-metadata-token"))) {
                    reply = Reply.status(401); // IMDSv2 required: no valid token, no answer
                }
            }
            if (reply.hangMillis > 0) {
                closed.await(reply.hangMillis, TimeUnit.MILLISECONDS);
            }
            exchange.getResponseHeaders().add("Content-Type",
                    path.startsWith("/latest/") ? "text/plain" : "application/json");
            exchange.sendResponseHeaders(reply.status, reply.body.length == 0 ? -1 : reply.body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (a deadline closed the exchange)
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
