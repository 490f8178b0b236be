package io.roxxane.it.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a free 127.0.0.1 port in front of one upstream endpoint, which a test can switch
 * off (an outage: open connections are cut, new ones are accepted and closed at once, as a
 * failing load balancer does) and on again. Works for any emulator, since it knows nothing of HTTP.
 */
final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    private volatile boolean blocked;
    private volatile boolean closed;

    private TcpProxy(ServerSocket server, InetSocketAddress upstream) {
        this.server = server;
        this.upstream = upstream;
    }

    /** Starts forwarding from a free loopback port to {@code target}'s host and port. */
    static TcpProxy start(URI target) throws IOException {
        int port = target.getPort() > 0 ? target.getPort() : ("https".equals(target.getScheme()) ? 443 : 80);
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        TcpProxy proxy = new TcpProxy(server, new InetSocketAddress(target.getHost(), port));
        Thread acceptor = new Thread(proxy::acceptLoop, "tcp-proxy-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    /** {@code http://127.0.0.1:<port>}, to give to clients instead of the upstream endpoint. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** The outage starts: every open connection is cut and new ones are closed as soon as accepted. */
    void block() {
        blocked = true;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    /** The outage ends. */
    void unblock() {
        blocked = false;
    }

    /** Connections accepted and closed at once while blocked. */
    int refusedConnections() {
        return refused.get();
    }

    /** Connections forwarded to the upstream. */
    int forwardedConnections() {
        return forwarded.get();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (blocked) {
                refused.incrementAndGet();
                closeQuietly(client);
                continue;
            }
            try {
                Socket target = new Socket();
                target.connect(upstream, 5_000);
                forwarded.incrementAndGet();
                open.add(client);
                open.add(target);
                pump(client, target);
                pump(target, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // a side closed: close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
