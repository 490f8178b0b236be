package io.roxxane.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

    @Test
    void block_whenOutage_cutsAndRefusesConnectionsUntilUnblocked() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
             TcpProxy proxy = TcpProxy.start(URI.create("http://127.0.0.1:" + echo.getLocalPort()))) {
            Thread server = new Thread(() -> echoLoop(echo));
            server.setDaemon(true);
            server.start();

            try (Socket open = connect(proxy)) {
                assertEquals("a", roundTrip(open, "a"));
                proxy.block();
                assertThrows(IOException.class, () -> {
                    roundTrip(open, "b");
                    roundTrip(open, "c");
                });
            }
            try (Socket refused = connect(proxy)) {
                assertThrows(IOException.class, () -> roundTrip(refused, "d"));
            }
            assertTrue(proxy.refusedConnections() >= 1);

            proxy.unblock();
            try (Socket again = connect(proxy)) {
                assertEquals("e", roundTrip(again, "e"));
            }
            assertEquals(2, proxy.forwardedConnections());
        }
    }

    private static Socket connect(TcpProxy proxy) throws IOException {
        Socket socket = new Socket(proxy.endpoint().getHost(), proxy.endpoint().getPort());
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** Writes one character and reads the echo; an IOException, or end of stream as one, when cut. */
    private static String roundTrip(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int read = socket.getInputStream().read();
        if (read < 0) {
            throw new IOException("closed");
        }
        return String.valueOf((char) read);
    }

    private static void echoLoop(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread pump = new Thread(() -> {
                    try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
                        int b;
                        while ((b = in.read()) >= 0) {
                            out.write(b);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // proxy cut the connection
                    }
                });
                pump.setDaemon(true);
                pump.start();
            } catch (IOException e) {
                return;
            }
        }
    }
}
