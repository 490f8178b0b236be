package io.roxxane.agent.identity.context;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The plain-socket HTTP/1.1 exchange against a loopback server answering raw bytes. */
class MetadataHttpTest {
    private RawServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static long inSeconds(long seconds) {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }

    private MetadataHttp.Answer get(String rawAnswer) throws IOException {
        server = new RawServer(rawAnswer.getBytes(StandardCharsets.ISO_8859_1));
        return new MetadataHttp().exchange("GET", server.url("/v4/abc?x=1"), Map.of("X-Test", "yes"), inSeconds(5));
    }

    @Test
    void exchange_sendsAPlainRequestWithConnectionClose() throws Exception {
        MetadataHttp.Answer answer = get("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
        assertEquals(200, answer.status);
        assertEquals("hello", answer.text());
        assertEquals("GET /v4/abc?x=1 HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nAccept: */*\r\n"
                + "Connection: close\r\nX-Test: yes\r\n\r\n", server.request());
    }

    @Test
    void exchange_putCarriesAnEmptyBody() throws Exception {
        server = new RawServer("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\ntok".getBytes(StandardCharsets.ISO_8859_1));
        MetadataHttp.Answer answer = new MetadataHttp().exchange("PUT", server.url("/latest/api/token"),
                Map.of("X-aws-ec2-metadata-token-ttl-seconds", "60"), inSeconds(5));
        assertEquals("tok", answer.text());
        assertTrue(server.request().startsWith("PUT /latest/api/token HTTP/1.1\r\n"));
        assertTrue(server.request().contains("\r\nContent-Length: 0\r\nX-aws-ec2-metadata-token-ttl-seconds: 60\r\n\r\n"));
    }

    @Test
    void exchange_chunkedAnswer_isDecoded() throws Exception {
        MetadataHttp.Answer answer = get("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4\r\n{\"a\"\r\n6;ext=1\r\n:\"b\"}\n\r\n0\r\nTrailer: x\r\n\r\n");
        assertEquals("{\"a\":\"b\"}\n", answer.text());
    }

    @Test
    void exchange_noLength_readsToTheEnd_andInterimAnswersAreSkipped() throws Exception {
        assertEquals("{}", get("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.0 200 OK\nContent-Type: application/json\n\n{}")
                .text());
    }

    @Test
    void exchange_errorStatus_isReturnedWithoutItsBody() throws Exception {
        MetadataHttp.Answer answer = get("HTTP/1.1 401 Unauthorized\r\nContent-Length: 12\r\n\r\nUnauthorized");
        assertEquals(401, answer.status);
        assertArrayEquals(new byte[0], answer.body);
    }

    @Test
    void exchange_brokenAnswers_areIOExceptions() {
        assertEquals("not an HTTP answer",
                assertThrows(IOException.class, () -> get("SSH-2.0-OpenSSH_9.2\r\n")).getMessage());
        assertEquals("the endpoint closed the connection without an answer",
                assertThrows(IOException.class, () -> get("")).getMessage());
        assertEquals("the answer ends 10 bytes early",
                assertThrows(IOException.class, () -> get("HTTP/1.1 200 OK\r\nContent-Length: 15\r\n\r\nhello")).getMessage());
        assertEquals("answer larger than " + MetadataHttp.MAX_BODY_BYTES + " bytes",
                assertThrows(IOException.class, () -> get("HTTP/1.1 200 OK\r\nContent-Length: 999999999\r\n\r\n"))
                        .getMessage());
        assertEquals("answer head larger than " + MetadataHttp.MAX_HEAD_BYTES + " bytes",
                assertThrows(IOException.class, () -> get("HTTP/1.1 200 OK\r\nX: " + "a".repeat(20_000) + "\r\n\r\n"))
                        .getMessage());
    }

    @Test
    void exchange_aHeaderValueWithLineBreaks_isRefusedBeforeSending() throws Exception {
        server = new RawServer(new byte[0]);
        IOException e = assertThrows(IOException.class, () -> new MetadataHttp().exchange("GET", server.url("/"),
                Map.of("X-aws-ec2-metadata-token", "abc\r\nX-Injected: 1"), inSeconds(5)));
        assertEquals("header X-aws-ec2-metadata-token would carry characters HTTP does not allow", e.getMessage());
    }

    @Test
    void exchange_deadlinePassed_failsWithoutConnecting() {
        assertThrows(SocketTimeoutException.class, () -> new MetadataHttp().exchange("GET", "http://127.0.0.1:9/",
                Map.of(), System.nanoTime() - 1));
        assertThrows(IOException.class, () -> new MetadataHttp().exchange("GET", "https://127.0.0.1:9/",
                Map.of(), inSeconds(5)));
    }

    /** Accepts connections; reads each request head, answers {@code answer} and closes. */
    private static final class RawServer implements AutoCloseable {
        private final ServerSocket socket;
        private volatile String request = "";

        RawServer(byte[] answer) throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        request = readHead(client.getInputStream());
                        client.getOutputStream().write(answer);
                        client.getOutputStream().flush();
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "raw-http-server");
            thread.setDaemon(true);
            thread.start();
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                String text = head.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r\n\r\n")) {
                    return text;
                }
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        int port() {
            return socket.getLocalPort();
        }

        String url(String path) {
            return "http://127.0.0.1:" + port() + path;
        }

        String request() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (request.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            return request;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
