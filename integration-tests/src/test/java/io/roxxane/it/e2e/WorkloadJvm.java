package io.roxxane.it.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A sample workload in a child JVM: {@code java [-javaagent:roxxane.jar=ARGS] -jar roxxane.jar
 * demo-workload SECONDS}, with only the given AWS environment (dummy credentials, region). Output
 * goes to a log file. {@link #close} ends it as an operator would (SIGTERM, so the agent's
 * shutdown flush runs), forcibly if it does not exit in time.
 */
final class WorkloadJvm implements AutoCloseable {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;

    private WorkloadJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param agentArguments arguments for {@code -javaagent}, or null to start without the agent
     */
    static WorkloadJvm start(Path agentJar, String agentArguments, int seconds, Map<String, String> environment,
                             Path directory, String name) throws IOException {
        List<String> command = new ArrayList<>(javaCommand());
        if (agentArguments != null) {
            command.add("-javaagent:" + agentJar.toAbsolutePath() + "=" + agentArguments);
        }
        command.addAll(List.of("-jar", agentJar.toAbsolutePath().toString(), "demo-workload", Integer.toString(seconds)));
        Path log = directory.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        cleanEnvironment(builder.environment(), environment);
        return new WorkloadJvm(builder.start(), log);
    }

    /**
     * {@code java -jar roxxane.jar attach PID ARGS}; retried while the target JVM is too young to
     * accept an attach (its attach mechanism starts with it), up to {@code timeout}.
     */
    static String attach(Path agentJar, long pid, String agentArguments, Map<String, String> environment, Path directory,
                         Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(List.of("-jar", agentJar.toAbsolutePath().toString(), "attach", Long.toString(pid), agentArguments));
        long deadline = System.nanoTime() + timeout.toNanos();
        Path log = directory.resolve("attach-" + pid + ".log");
        while (true) {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            cleanEnvironment(builder.environment(), environment);
            Process attach = builder.start();
            if (!attach.waitFor(60, TimeUnit.SECONDS)) {
                attach.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("attach did not finish within 60 s: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (attach.exitValue() == 0) {
                return output;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("attach to " + pid + " failed with exit " + attach.exitValue() + ": " + output);
            }
            Thread.sleep(300);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** What the JVM printed so far (the agent's {@code [roxxane]} lines among it). */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM and wait, so that the agent's shutdown flush runs; returns the exit code. */
    int stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
        }
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("workload " + process.pid() + " did not exit within " + STOP_TIMEOUT.toSeconds()
                    + " s of SIGTERM: " + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static List<String> javaCommand() {
        // Small and quick to start: these JVMs share 2 cores with the test and the emulator.
        return List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx192m");
    }

    /**
     * No AWS_* or ROXXANE_* from the test's own environment: only what the scenario gives, and
     * never the instance metadata service.
     */
    private static void cleanEnvironment(Map<String, String> target, Map<String, String> environment) {
        target.keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("ROXXANE_") || key.equals("JAVA_TOOL_OPTIONS"));
        target.putAll(environment);
        target.putIfAbsent("AWS_EC2_METADATA_DISABLED", "true");
    }
}
