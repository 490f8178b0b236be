package io.roxxane.agent.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local STS for AssumeRoleWithWebIdentity: records each request (method, path, headers, form
 * parameters) and answers from a script, then with credentials that expire at {@link #expiration}.
 */
public final class FakeSts implements AutoCloseable {
    public static final String ACCESS_KEY_ID = "ASIAFAKESTSFAKESTS01";
    public static final String SECRET_KEY = "stsSecretThatMustNeverBeLogged/0123456789";
    public static final String SESSION_TOKEN = "FwoGZXIvYXdzEFakeSessionToken+/=";
    public static final String ROLE_ARN = "arn:aws:iam::123456789012:role/roxxane-irsa";

    /** One request as received. */
    public static final class Request {
        public final String method;
        public final String path;
        public final Map<String, String> headers;
        public final Map<String, String> form;

        public Request(String method, String path, Map<String, String> headers, Map<String, String> form) {
            this.method = method;
            this.path = path;
            this.headers = headers;
            this.form = form;
        }
    }

    /** A scripted answer. */
    public static final class Reply {
        public final int status;
        public final String body;
        public final long delayMillis;

        public Reply(int status, String body, long delayMillis) {
            this.status = status;
            this.body = body;
            this.delayMillis = delayMillis;
        }

        public static Reply error(int status, String code, String message) {
            return new Reply(status, "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
                    + "  <Error>\n    <Type>Sender</Type>\n    <Code>" + code + "</Code>\n    <Message>" + message
                    + "</Message>\n  </Error>\n  <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>\n"
                    + "</ErrorResponse>\n", 0);
        }

        public static Reply hang(long millis) {
            return new Reply(200, "", millis);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-sts");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Reply> script = new ArrayDeque<>();
    public volatile Instant expiration = Instant.parse("2030-01-01T00:00:00Z");
    public volatile String accessKeyId = ACCESS_KEY_ID;

    public FakeSts() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next calls get these answers, in order; then credentials again. */
    public synchronized void then(Reply... replies) {
        for (Reply reply : replies) {
            script.addLast(reply);
        }
    }

    public List<Request> requests() {
        return requests;
    }

    public static String success(String accessKeyId, Instant expiration) {
        return "<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
                + "  <AssumeRoleWithWebIdentityResult>\n"
                + "    <SubjectFromWebIdentityToken>system:serviceaccount:default:app</SubjectFromWebIdentityToken>\n"
                + "    <Audience>sts.amazonaws.com</Audience>\n"
                + "    <AssumedRoleUser>\n"
                + "      <Arn>arn:aws:sts::123456789012:assumed-role/roxxane-irsa/session</Arn>\n"
                + "      <AssumedRoleId>AROACLKWSDQRAOEXAMPLE:session</AssumedRoleId>\n"
                + "    </AssumedRoleUser>\n"
                + "    <Credentials>\n"
                + "      <SessionToken>" + SESSION_TOKEN + "</SessionToken>\n"
                + "      <SecretAccessKey>" + SECRET_KEY + "</SecretAccessKey>\n"
                + "      <Expiration>" + expiration + "</Expiration>\n"
                + "      <AccessKeyId>" + accessKeyId + "</AccessKeyId>\n"
                + "    </Credentials>\n"
                + "    <Provider>arn:aws:iam::123456789012:oidc-provider/oidc.eks.example</Provider>\n"
                + "  </AssumeRoleWithWebIdentityResult>\n"
                + "  <ResponseMetadata>\n    <RequestId>ad4156e9-bce1-11e2-82e6-6b6efEXAMPLE</RequestId>\n"
                + "  </ResponseMetadata>\n"
                + "</AssumeRoleWithWebIdentityResponse>\n";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers,
                    form(new String(body, StandardCharsets.UTF_8))));
            Reply reply;
            synchronized (this) {
                reply = script.pollFirst();
            }
            if (reply == null) {
                reply = new Reply(200, success(accessKeyId, expiration), 0);
            }
            if (reply.delayMillis > 0) {
                Thread.sleep(reply.delayMillis);
            }
            byte[] answer = reply.body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(reply.status, answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    /** The form's parameters, decoded; order kept. */
    public static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
