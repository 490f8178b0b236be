package io.roxxane.agent.hostsafety;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A child process whose output lines are collected as they come, with a way to wait for one. */
final class Child {
    private final List<String> command;
    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    private Child(List<String> command, Process process) {
        this.command = command;
        this.process = process;
        this.outReader = reader(process.getInputStream(), stdout);
        this.errReader = reader(process.getErrorStream(), stderr);
    }

    /**
     * Starts {@code command} in {@code dir} with this environment minus anything that would change
     * what a JVM prints or how the agent is configured (JAVA_TOOL_OPTIONS and friends, ROXXANE_*).
     */
    static Child start(List<String> command, Path dir, Map<String, String> extraEnv) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("ROXXANE_") || k.equals("JAVA_TOOL_OPTIONS")
                || k.equals("JDK_JAVA_OPTIONS") || k.equals("_JAVA_OPTIONS") || k.equals("CLASSPATH")
                || isFleetContext(k));
        env.putAll(extraEnv);
        try {
            return new Child(command, builder.start());
        } catch (IOException e) {
            throw new AssertionError("cannot start " + command, e);
        }
    }

    /**
     * The variables the agent's fleet context detection reads: a test JVM that runs in ECS or
     * Kubernetes, or has OpenTelemetry configured, must not hand them to a child (ECS's would make
     * the child contact the link-local task metadata endpoint). AWS_EC2_METADATA_DISABLED=true
     * (set for every test JVM by the build) stays.
     */
    private static boolean isFleetContext(String name) {
        return name.startsWith("OTEL_") || name.startsWith("ECS_CONTAINER_METADATA_URI")
                || name.startsWith("AWS_EC2_METADATA_SERVICE_ENDPOINT") || name.equals("KUBERNETES_SERVICE_HOST");
    }

    long pid() {
        return process.pid();
    }

    private Thread reader(InputStream in, List<String> sink) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (this) {
                        sink.add(line);
                        notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        }, "child-output-reader");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits until a line of stdout or stderr matches; the line, or null after {@code timeout} or exit. */
    synchronized String awaitLine(Predicate<String> matcher, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seenOut = 0;
        int seenErr = 0;
        while (true) {
            for (; seenOut < stdout.size(); seenOut++) {
                if (matcher.test(stdout.get(seenOut))) {
                    return stdout.get(seenOut);
                }
            }
            for (; seenErr < stderr.size(); seenErr++) {
                if (matcher.test(stderr.get(seenErr))) {
                    return stderr.get(seenErr);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || (!process.isAlive() && !outReader.isAlive() && !errReader.isAlive())) {
                return null;
            }
            wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
        }
    }

    /** Writes one line to the child's stdin. */
    void send(String line) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            // the child may have gone already; its exit code tells
        }
    }

    /** Waits for the exit; a child still running after {@code timeout} is killed and the test fails. */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            fail("child did not exit within " + timeout + ": " + command + "\n" + describe());
        }
        outReader.join(10_000);
        errReader.join(10_000);
        return process.exitValue();
    }

    void destroy() {
        process.destroyForcibly();
    }

    synchronized List<String> stdout() {
        return new ArrayList<>(stdout);
    }

    synchronized List<String> stderr() {
        return new ArrayList<>(stderr);
    }

    /** The command and all output so far, for failure messages. */
    synchronized String describe() {
        return "command: " + String.join(" ", command) + "\n--- stdout\n" + String.join("\n", stdout)
                + "\n--- stderr\n" + String.join("\n", stderr);
    }
}
