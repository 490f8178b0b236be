package io.roxxane.agent.identity.context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 exchange with a metadata endpoint of the machine (EC2's IMDS, ECS's task
 * metadata), held to a deadline: the connect timeout and every read's timeout are the time left,
 * so that an endpoint that never answers, or trickles its answer, cannot hold detection past it.
 *
 * <p>A plain {@link Socket} rather than {@code HttpURLConnection}, whose connections go through
 * JVM-wide state the host owns: its keep-alive cache (a reused connection, and the JDK's
 * {@code Keep-Alive-Timer} thread when an endpoint does not answer {@code Connection: close}),
 * the default {@code CookieHandler}, {@code ResponseCache} and {@code Authenticator}, a
 * {@code URLStreamHandlerFactory} the host installed, and the proxy settings. Here: never a proxy
 * ({@link Proxy#NO_PROXY}, SOCKS included: both endpoints are link-local services of the machine
 * itself), one connection per exchange, {@code Connection: close}, no redirects, no cache. Only
 * {@code http://}; a host name (only from a variable: AWS's endpoints are addresses) is resolved
 * by the system resolver, which no timeout bounds.
 */
final class MetadataHttp {
    /** The status line and headers of an answer. */
    static final int MAX_HEAD_BYTES = 16 * 1024;
    /** The answers are small: an identity document is about 500 bytes, a task's metadata a few kB. */
    static final int MAX_BODY_BYTES = 512 * 1024;

    /** A whole answer. */
    static final class Answer {
        final int status;
        final byte[] body;

        Answer(int status, byte[] body) {
            this.status = status;
            this.body = body;
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends {@code method url} with {@code headers} (and an empty body) and reads the answer: the
     * whole body of a 2xx, only the status of anything else.
     *
     * @throws SocketTimeoutException when the deadline passes (or has passed)
     * @throws IOException on every other failure
     */
    Answer exchange(String method, String url, Map<String, String> headers, long deadlineNanos) throws IOException {
        URI uri = parse(url);
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        InetAddress address = InetAddress.getByName(uri.getHost());
        try (Socket socket = new Socket(Proxy.NO_PROXY)) {
            socket.connect(new InetSocketAddress(address, port), millisLeft(deadlineNanos));
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(request(method, uri, headers).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            DeadlineInput in = new DeadlineInput(socket, deadlineNanos);
            int status;
            Map<String, String> head;
            do {
                status = statusCode(in.line());
                head = headers(in);
            } while (status >= 100 && status < 200); // interim answers (100 Continue) come before the real one
            if (status < 200 || status >= 300) {
                return new Answer(status, new byte[0]);
            }
            return new Answer(status, body(in, head));
        }
    }

    private static URI parse(String url) throws IOException {
        try {
            URI uri = new URI(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new IOException("not an http:// URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IOException("not a URL (" + e.getReason() + ")");
        }
    }

    private static String request(String method, URI uri, Map<String, String> headers) throws IOException {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder request = new StringBuilder(256).append(method).append(' ').append(path);
        if (uri.getRawQuery() != null) {
            request.append('?').append(uri.getRawQuery());
        }
        request.append(" HTTP/1.1\r\nHost: ").append(uri.getHost());
        if (uri.getPort() >= 0) {
            request.append(':').append(uri.getPort());
        }
        request.append("\r\nAccept: */*\r\nConnection: close\r\n");
        if (method.equals("PUT") || method.equals("POST")) {
            request.append("Content-Length: 0\r\n");
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (!isToken(header.getValue())) {
                throw new IOException("header " + header.getKey() + " would carry characters HTTP does not allow");
            }
            request.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        return request.append("\r\n").toString();
    }

    /** Visible ASCII only: a value from an answer (the IMDS token) must not smuggle in a header. */
    static boolean isToken(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static int statusCode(String statusLine) throws IOException {
        if (statusLine == null) {
            throw new IOException("the endpoint closed the connection without an answer");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || parts[1].length() != 3) {
            throw new IOException("not an HTTP answer");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP answer");
        }
    }

    private static Map<String, String> headers(DeadlineInput in) throws IOException {
        Map<String, String> headers = new HashMap<String, String>();
        String line;
        while ((line = in.line()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        if (line == null) {
            throw new IOException("the answer ends within its headers");
        }
        return headers;
    }

    private static byte[] body(DeadlineInput in, Map<String, String> head) throws IOException {
        String transferEncoding = head.get("transfer-encoding");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = in.line();
                if (sizeLine == null) {
                    throw new IOException("the answer ends within a chunk");
                }
                int semicolon = sizeLine.indexOf(';');
                long size = parseLength(semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon), 16);
                if (size == 0) {
                    headers(in); // trailers
                    return body.toByteArray();
                }
                in.readFully(body, size);
                if (in.line() == null) {
                    throw new IOException("the answer ends within a chunk");
                }
            }
        }
        String contentLength = head.get("content-length");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (contentLength != null) {
            in.readFully(body, parseLength(contentLength, 10));
        } else {
            in.readToEnd(body);
        }
        return body.toByteArray();
    }

    private static long parseLength(String text, int radix) throws IOException {
        try {
            long length = Long.parseLong(text.trim(), radix);
            if (length < 0 || length > MAX_BODY_BYTES) {
                throw new IOException("answer larger than " + MAX_BODY_BYTES + " bytes");
            }
            return length;
        } catch (NumberFormatException e) {
            throw new IOException("bad length in the answer");
        }
    }

    /** The milliseconds left, at least 1. */
    static int millisLeft(long deadlineNanos) throws SocketTimeoutException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (left < 1) {
            throw new SocketTimeoutException("no time left");
        }
        return (int) Math.min(left, Integer.MAX_VALUE);
    }

    /** The socket's input, buffered; before each read the socket's timeout becomes the time left. */
    private static final class DeadlineInput {
        private final Socket socket;
        private final InputStream in;
        private final long deadlineNanos;
        private final byte[] buffer = new byte[8_192];
        private int position;
        private int limit;
        private int headBytes;
        private long bodyBytes;

        DeadlineInput(Socket socket, long deadlineNanos) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadlineNanos = deadlineNanos;
        }

        private boolean fill() throws IOException {
            socket.setSoTimeout(millisLeft(deadlineNanos));
            int read = in.read(buffer);
            if (read < 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        }

        /** A line of the head (CRLF or LF, without it); null at the end of the stream before any byte. */
        String line() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                if (position == limit && !fill()) {
                    if (line.length() == 0) {
                        return null;
                    }
                    throw new IOException("the answer ends within a line");
                }
                byte b = buffer[position++];
                if (++headBytes > MAX_HEAD_BYTES) {
                    throw new IOException("answer head larger than " + MAX_HEAD_BYTES + " bytes");
                }
                if (b == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) (b & 0xff));
            }
        }

        void readFully(ByteArrayOutputStream out, long length) throws IOException {
            long left = length;
            while (left > 0) {
                if (position == limit && !fill()) {
                    throw new IOException("the answer ends " + left + " bytes early");
                }
                int n = (int) Math.min(left, limit - position);
                append(out, n);
                left -= n;
            }
        }

        void readToEnd(ByteArrayOutputStream out) throws IOException {
            while (position < limit || fill()) {
                append(out, limit - position);
            }
        }

        private void append(ByteArrayOutputStream out, int n) throws IOException {
            bodyBytes += n;
            if (bodyBytes > MAX_BODY_BYTES) {
                throw new IOException("answer larger than " + MAX_BODY_BYTES + " bytes");
            }
            out.write(buffer, position, n);
            position += n;
        }
    }
}
