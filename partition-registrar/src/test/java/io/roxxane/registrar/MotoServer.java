package io.roxxane.registrar;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A {@code moto_server} child process on a free 127.0.0.1 port, for one test class. Missing
 * {@code moto_server} fails the tests under {@code CI=true}; elsewhere each test is reported
 * as skipped with the reason ({@code assumeTrue} in {@code @BeforeEach}).
 */
final class MotoServer implements AutoCloseable {
    private static final Duration START_DEADLINE = Duration.ofSeconds(60);

    private final Process process;
    private final URI endpoint;
    private final Path logFile;

    private MotoServer(Process process, URI endpoint, Path logFile) {
        this.process = process;
        this.endpoint = endpoint;
        this.logFile = logFile;
    }

    /**
     * Null when {@code moto_server} is on PATH, otherwise why the tests cannot run. Under
     * {@code CI=true} a missing {@code moto_server} fails instead: CI must never skip them.
     */
    static String unavailableReason() {
        if (findOnPath("moto_server") != null) {
            return null;
        }
        String reason = "moto_server is not on PATH (pip install 'moto[server]'); the Glue tests need it";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(reason + " and CI=true forbids skipping");
        }
        System.err.println("SKIPPED: " + reason);
        return reason;
    }

    /** Starts {@code moto_server}; call only when {@link #unavailableReason()} is null. */
    static MotoServer start() throws IOException, InterruptedException {
        Path executable = findOnPath("moto_server");
        if (executable == null) {
            fail("moto_server is not on PATH");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("moto-server-", ".log");
        Process process = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), log);
        server.awaitReady();
        return server;
    }

    URI endpoint() {
        return endpoint;
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("moto_server exited with " + process.exitValue() + ": " + Files.readString(logFile));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2_000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        fail("moto_server did not answer on " + endpoint + " within " + START_DEADLINE + ": " + Files.readString(logFile));
    }

    private static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(logFile);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }
}
