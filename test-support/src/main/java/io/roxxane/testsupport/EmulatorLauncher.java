package io.roxxane.testsupport;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * Starts emulators for {@link AwsEmulatorExtension}: the one every test class of a JVM shares
 * (LocalStack or moto, decided once per JVM), or a {@code moto_server} of a class's own. Where
 * none can run, the tests are skipped with the reason, except under {@code CI=true}, where they
 * fail: in CI a skipped emulator-backed test is not a pass.
 */
final class EmulatorLauncher {
    private static RunningEmulator shared;
    private static String unavailableReason;

    private EmulatorLauncher() {
    }

    /** The JVM's shared emulator, started on first use and stopped when the JVM exits (or JUnit's run ends). */
    static synchronized RunningEmulator shared() {
        if (shared == null && unavailableReason == null) {
            try {
                RunningEmulator started = requireLoopback(launch());
                shared = started;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "aws-emulator-stop"));
            } catch (NoEmulatorException e) {
                unavailableReason = e.getMessage();
            }
        }
        if (shared != null) {
            return shared;
        }
        throw unavailable("no AWS emulator: " + unavailableReason, isCi());
    }

    /** A {@code moto_server} for one test class, whatever {@code ROXXANE_EMULATOR} says; the caller closes it. */
    static RunningEmulator ownMoto(Map<String, String> environment) {
        Path executable = MotoServer.find().orElseThrow(() -> unavailable(
                "moto_server is neither on the PATH nor named by MOTO_SERVER (pip install 'moto[server]')", isCi()));
        return requireLoopback(MotoServer.start(executable, logDirectory(), environment));
    }

    /**
     * What to throw when no emulator can run: a skip ({@link TestAbortedException}) with the
     * reason, or under CI a failure.
     */
    static RuntimeException unavailable(String reason, boolean ci) {
        if (ci) {
            return new IllegalStateException("CI=true and " + reason
                    + ". Emulator-backed tests must run in CI, never skip.");
        }
        return new TestAbortedException("skipped, " + reason);
    }

    static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** {@code roxxane.emulator.logs}, default {@code target/emulator-logs} of the module under test. */
    static Path logDirectory() {
        return Paths.get(System.getProperty("roxxane.emulator.logs", "target/emulator-logs"));
    }

    /** A system property, else an environment variable, of that name; blank counts as unset. */
    static Optional<String> setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static RunningEmulator requireLoopback(RunningEmulator running) {
        String host = running.emulator().endpoint().getHost();
        if (!Loopback.isLoopback(host)) {
            running.close();
            throw new IllegalStateException("the emulator's endpoint " + running.emulator().endpoint()
                    + " is not a loopback address: tests reach loopback addresses only");
        }
        return running;
    }

    private static RunningEmulator launch() throws NoEmulatorException {
        String choice = setting("ROXXANE_EMULATOR").orElse("auto").toLowerCase(Locale.ROOT);
        switch (choice) {
            case "localstack":
                if (!localStackOnClassPath()) {
                    throw new IllegalStateException("ROXXANE_EMULATOR=localstack but Testcontainers' LocalStack module"
                            + " (org.testcontainers:testcontainers-localstack) is not on the test class path");
                }
                if (!LocalStack.dockerAvailable()) {
                    throw new IllegalStateException("ROXXANE_EMULATOR=localstack but no Docker engine answers");
                }
                return LocalStack.start();
            case "moto":
                return MotoServer.start(MotoServer.find().orElseThrow(() -> new IllegalStateException(
                        "ROXXANE_EMULATOR=moto but moto_server is neither on the PATH nor named by MOTO_SERVER")),
                        logDirectory(), Map.of());
            case "auto":
                if (localStackOnClassPath() && LocalStack.dockerAvailable()) {
                    return LocalStack.start();
                }
                Optional<Path> moto = MotoServer.find();
                if (moto.isPresent()) {
                    return MotoServer.start(moto.get(), logDirectory(), Map.of());
                }
                throw new NoEmulatorException("no Docker engine for LocalStack and no moto_server "
                        + setting("MOTO_SERVER").map(path -> "at MOTO_SERVER=" + path).orElse("on the PATH")
                        + " (install moto[server] or start Docker)");
            default:
                throw new IllegalStateException("ROXXANE_EMULATOR=" + choice + " is not one of auto, localstack, moto");
        }
    }

    /** Testcontainers is optional: modules that only ever run moto do not carry it. */
    private static boolean localStackOnClassPath() {
        try {
            Class.forName("org.testcontainers.localstack.LocalStackContainer", false, EmulatorLauncher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** No emulator can run on this machine (as opposed to one that was asked for and failed). */
    private static final class NoEmulatorException extends Exception {
        private static final long serialVersionUID = 1L;

        NoEmulatorException(String message) {
            super(message);
        }
    }
}
