package io.roxxane.it.emulator;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Optional;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;

/**
 * Decides once per JVM which emulator to run, starts it and hands out the same one to every
 * test class. The decision, or the reason none could run, is remembered.
 */
final class EmulatorLauncher {
    private static RunningEmulator shared;
    private static String unavailableReason;

    private EmulatorLauncher() {
    }

    static synchronized RunningEmulator shared() {
        if (shared == null && unavailableReason == null) {
            try {
                shared = launch();
                RunningEmulator started = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "aws-emulator-stop"));
            } catch (NoEmulatorException e) {
                unavailableReason = e.getMessage();
            }
        }
        if (shared != null) {
            return shared;
        }
        if (isCi()) {
            throw new IllegalStateException("CI=true and no AWS emulator can run: " + unavailableReason
                    + ". Integration tests must run in CI, never skip.");
        }
        throw new TestAbortedException("skipped, no AWS emulator: " + unavailableReason);
    }

    private static RunningEmulator launch() throws NoEmulatorException {
        String choice = setting("ROXXANE_EMULATOR").orElse("auto").toLowerCase(Locale.ROOT);
        switch (choice) {
            case "localstack":
                if (!dockerAvailable()) {
                    throw new IllegalStateException("ROXXANE_EMULATOR=localstack but no Docker engine answers");
                }
                return LocalStack.start();
            case "moto":
                return MotoServer.start(motoServer().orElseThrow(() -> new IllegalStateException(
                        "ROXXANE_EMULATOR=moto but moto_server is neither on the PATH nor named by MOTO_SERVER")), logDirectory());
            case "auto":
                if (dockerAvailable()) {
                    return LocalStack.start();
                }
                Optional<Path> moto = motoServer();
                if (moto.isPresent()) {
                    return MotoServer.start(moto.get(), logDirectory());
                }
                throw new NoEmulatorException("no Docker engine for LocalStack and no moto_server "
                        + setting("MOTO_SERVER").map(path -> "at MOTO_SERVER=" + path).orElse("on the PATH")
                        + " (install moto[server] or start Docker)");
            default:
                throw new IllegalStateException("ROXXANE_EMULATOR=" + choice + " is not one of auto, localstack, moto");
        }
    }

    /** Asks Testcontainers only when a Docker endpoint is plausible, which keeps machines without Docker quiet and fast. */
    private static boolean dockerAvailable() {
        boolean plausible = System.getenv("DOCKER_HOST") != null
                || Files.exists(Paths.get("/var/run/docker.sock"))
                || Files.exists(Paths.get(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
                || Files.exists(Paths.get(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!plausible) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static Optional<Path> motoServer() {
        Optional<String> configured = setting("MOTO_SERVER");
        if (configured.isPresent()) {
            Path path = Paths.get(configured.get());
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
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

    static Path logDirectory() {
        return Paths.get(System.getProperty("roxxane.emulator.logs", "target/emulator-logs"));
    }

    static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static Optional<String> setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** No emulator can run on this machine (as opposed to one that was asked for and failed). */
    private static final class NoEmulatorException extends Exception {
        private static final long serialVersionUID = 1L;

        NoEmulatorException(String message) {
            super(message);
        }
    }
}
