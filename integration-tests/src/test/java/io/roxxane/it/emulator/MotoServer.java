package io.roxxane.it.emulator;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code moto_server} as a child process on a free loopback port. */
final class MotoServer implements RunningEmulator {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final String REGION = "us-east-1";

    private final Process process;
    private final AwsEmulator emulator;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.emulator = new AwsEmulator("moto", endpoint, REGION, "testing", "testing", "123456789012");
    }

    /** Starts {@code executable} and waits until it answers HTTP; retries on another port if binding lost a race. */
    static MotoServer start(Path executable, Path logDirectory) {
        return start(executable, logDirectory, Map.of());
    }

    /** @param environment added to moto_server's environment (e.g. {@code INITIAL_NO_AUTH_ACTION_COUNT}) */
    static MotoServer start(Path executable, Path logDirectory, Map<String, String> environment) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freeLoopbackPort();
            Path log = logDirectory.resolve("moto_server-" + port + ".log");
            try {
                Files.createDirectories(logDirectory);
                ProcessBuilder builder = new ProcessBuilder(List.of(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port)))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                URI endpoint = URI.create("http://127.0.0.1:" + port);
                MotoServer server = new MotoServer(process, endpoint);
                server.awaitReady(log);
                return server;
            } catch (IOException e) {
                throw new IllegalStateException("cannot start " + executable + ": " + e.getMessage(), e);
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    @Override
    public AwsEmulator emulator() {
        return emulator;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        long pauseMs = 50;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + ": " + tail(log));
            }
            if (answers()) {
                return;
            }
            try {
                Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto_server", e);
            }
            pauseMs = Math.min(500, pauseMs * 2);
        }
        close();
        throw new IllegalStateException("moto_server did not answer on " + emulator.endpoint() + " within "
                + READY_TIMEOUT.toSeconds() + " s: " + tail(log));
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) emulator.endpoint().resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port: " + e.getMessage(), e);
        }
    }
}
