package io.roxxane.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code moto_server} as a child process on a free 127.0.0.1 port, its output in a log file.
 * Tests get one through {@link AwsEmulatorExtension}; this class is the one way to launch it.
 */
public final class MotoServer implements RunningEmulator {
    /** The region moto's clients are configured with; moto serves any. */
    static final String REGION = "us-east-1";
    /** moto's default account id. */
    static final String ACCOUNT_ID = "123456789012";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final AwsEmulator emulator;
    private final Path log;

    private MotoServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.emulator = new AwsEmulator("moto", endpoint, REGION, "testing", "testing", ACCOUNT_ID);
        this.log = log;
    }

    /**
     * The {@code moto_server} executable: {@code MOTO_SERVER} (system property or environment
     * variable) when set, else the first on the {@code PATH}; empty when there is none (or
     * {@code MOTO_SERVER} names no executable file).
     */
    public static Optional<Path> find() {
        Optional<String> configured = EmulatorLauncher.setting("MOTO_SERVER");
        if (configured.isPresent()) {
            Path path = Paths.get(configured.get());
            return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = System.getenv("PATH");
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String directory : pathVariable.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Paths.get(directory, "moto_server");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Starts {@code executable -H 127.0.0.1 -p PORT} and waits until it answers HTTP; tries
     * another port if it exits first (another process may have taken the free port).
     *
     * @param logDirectory where {@code moto_server-PORT.log} is written
     * @param environment  added to the server's environment (e.g. {@code INITIAL_NO_AUTH_ACTION_COUNT})
     * @throws IllegalStateException if it cannot be started or does not answer within 60 s (with its log's tail)
     */
    public static MotoServer start(Path executable, Path logDirectory, Map<String, String> environment) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = freeLoopbackPort();
            Path log = logDirectory.resolve("moto_server-" + port + ".log");
            Process process;
            try {
                Files.createDirectories(logDirectory);
                ProcessBuilder builder = new ProcessBuilder(List.of(executable.toString(), "-H", "127.0.0.1", "-p",
                        Integer.toString(port))).redirectErrorStream(true).redirectOutput(log.toFile());
                // moto is Python (botocore): it must not look for instance metadata either.
                builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
                builder.environment().putAll(environment);
                process = builder.start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start " + executable + ": " + e.getMessage(), e);
            }
            MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), log);
            try {
                server.awaitReady();
                return server;
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

    /** The server's output so far. */
    public Path log() {
        return log;
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

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        long pauseMs = 50;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + ": " + tail());
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
                + READY_TIMEOUT.toSeconds() + " s: " + tail());
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

    private String tail() {
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
