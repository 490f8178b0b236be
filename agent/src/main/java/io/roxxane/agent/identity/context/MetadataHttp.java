package io.roxxane.agent.identity.context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP exchange with a metadata endpoint of the machine (EC2's IMDS, ECS's task metadata)
 * over the JDK's {@link HttpURLConnection}, held to a deadline: connect and read timeouts are the
 * time left, the body is read only while time is left, and {@link #abandon()} (called by the
 * detection thread at the deadline) closes the exchange in flight, so that an endpoint that
 * trickles its answer cannot hold detection past it.
 *
 * <p>Never through a proxy ({@link Proxy#NO_PROXY}: both endpoints are link-local services of the
 * machine itself), never from a cache, no redirects, {@code Connection: close} (no connection is
 * kept, so the JDK starts no keep-alive thread).
 */
final class MetadataHttp {
    /** The answers are small: an identity document is about 500 bytes, a task's metadata a few kB. */
    static final int MAX_BODY_BYTES = 512 * 1024;

    private HttpURLConnection current;
    private String currentUrl;
    private boolean abandoned;

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
     * Sends {@code method url} with {@code headers} (a PUT with an empty body) and reads the
     * answer: the whole body of a 2xx, only the status of anything else.
     *
     * @throws SocketTimeoutException when the deadline passes (or has passed)
     * @throws IOException on every other failure, and after {@link #abandon()}
     */
    Answer exchange(String method, String url, Map<String, String> headers, long deadlineNanos) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection(Proxy.NO_PROXY);
        int timeout = millisLeft(deadlineNanos);
        connection.setConnectTimeout(timeout);
        connection.setReadTimeout(timeout);
        connection.setUseCaches(false);
        connection.setInstanceFollowRedirects(false);
        connection.setRequestMethod(method);
        connection.setRequestProperty("Connection", "close");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            connection.setRequestProperty(header.getKey(), header.getValue());
        }
        if (method.equals("PUT")) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(0);
        }
        begin(connection, url);
        try {
            int status = connection.getResponseCode();
            if (status < 200 || status >= 300) {
                return new Answer(status, new byte[0]);
            }
            InputStream in = connection.getInputStream();
            try {
                return new Answer(status, readBody(in, deadlineNanos));
            } finally {
                in.close();
            }
        } finally {
            end();
            connection.disconnect();
        }
    }

    /** Closes the exchange in flight and refuses new ones; the URL that was in flight, or null. */
    String abandon() {
        HttpURLConnection inFlight;
        String url;
        synchronized (this) {
            abandoned = true;
            inFlight = current;
            url = currentUrl;
        }
        if (inFlight != null) {
            try {
                inFlight.disconnect(); // closes the socket: the blocked read ends with an exception
            } catch (RuntimeException ignored) {
                // the exchange ended meanwhile
            }
        }
        return url;
    }

    private synchronized void begin(HttpURLConnection connection, String url) throws IOException {
        if (abandoned) {
            throw new IOException("detection ended");
        }
        current = connection;
        currentUrl = url;
    }

    private synchronized void end() {
        current = null;
        currentUrl = null;
    }

    private static byte[] readBody(InputStream in, long deadlineNanos) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8_192];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            body.write(buffer, 0, read);
            if (body.size() > MAX_BODY_BYTES) {
                throw new IOException("answer larger than " + MAX_BODY_BYTES + " bytes");
            }
            millisLeft(deadlineNanos);
        }
        return body.toByteArray();
    }

    /** The milliseconds left, at least 1. */
    static int millisLeft(long deadlineNanos) throws SocketTimeoutException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (left < 1) {
            throw new SocketTimeoutException("no time left");
        }
        return (int) Math.min(left, Integer.MAX_VALUE);
    }
}
