package io.roxxane.agent.hostsafety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The built roxxane.jar, the host applications (compiled here from test resources against the
 * host's own libraries) and a way to run them in child JVMs.
 */
final class Hosts {
    /** Line a host prints when it waits for "go" on stdin. */
    static final String READY = "host: ready";
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, Path> COMPILED = new HashMap<>();

    private Hosts() {
    }

    /** The built jar; failsafe passes its path. */
    static Path agentJar() {
        String path = System.getProperty("test.roxxane.jar");
        assertNotNull(path, "system property test.roxxane.jar (set by failsafe) is missing");
        Path jar = Paths.get(path);
        assertTrue(Files.isRegularFile(jar), "roxxane.jar not built at " + jar);
        return jar;
    }

    /** A folder of host libraries copied by the build (target/host-libs/NAME). */
    static Path hostLibs(String name) {
        String path = System.getProperty("test.host.libs");
        assertNotNull(path, "system property test.host.libs (set by failsafe) is missing");
        Path dir = Paths.get(path, name);
        assertTrue(Files.isDirectory(dir), "host libraries not copied to " + dir);
        return dir;
    }

    /** A fresh empty folder under target/hostsafety/ for one run. */
    static Path scratch(String prefix) {
        try {
            return Files.createDirectories(agentJar().getParent().resolve("hostsafety").resolve("runs")
                    .resolve(prefix + "-" + UUID.randomUUID().toString().substring(0, 8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class path of a host: its compiled classes plus the jars of its library set (or none). */
    static String classPath(String host, String libs) {
        return classPath("hosts", 11, host, libs);
    }

    /**
     * The class path of the host whose sources are the test resources {@code hostsafety/FOLDER/HOST}
     * ({@code hostsafety/HOST} for an empty folder), compiled once per run for {@code release}
     * against the jars of its library set (or none).
     */
    static synchronized String classPath(String folder, int release, String host, String libs) {
        List<String> jars = libs == null ? Collections.emptyList() : jars(hostLibs(libs));
        Path classes = COMPILED.computeIfAbsent(folder + "/" + host, h -> compile(folder, release, host, jars));
        List<String> entries = new ArrayList<>();
        entries.add(classes.toString());
        entries.addAll(jars);
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> jars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).map(Path::toString).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path compile(String folder, int release, String host, List<String> classPath) {
        try {
            String root = "/hostsafety/" + (folder.isEmpty() ? "" : folder + "/") + host;
            URL resource = Hosts.class.getResource(root);
            assertNotNull(resource, "host sources " + root.substring(1) + " not on the test class path");
            Path sources = Paths.get(resource.toURI());
            Path out = Files.createDirectories(agentJar().getParent().resolve("hostsafety")
                    .resolve(folder.isEmpty() ? "app-hosts" : folder).resolve(host));
            List<String> args = new ArrayList<>(Arrays.asList("--release", String.valueOf(release), "-d", out.toString()));
            if (!classPath.isEmpty()) {
                args.add("-cp");
                args.add(String.join(File.pathSeparator, classPath));
            }
            try (Stream<Path> files = Files.list(sources)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int status = compiler.run(null, errors, errors, args.toArray(new String[0]));
            assertEquals(0, status, "host " + host + " does not compile: " + errors);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code java [jvmOptions] -cp CLASSPATH main [args]}. */
    static List<String> command(Jdk jdk, String host, String libs, String main, List<String> jvmOptions,
            String... args) {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath(host, libs));
        command.add(main);
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** {@code -javaagent:roxxane.jar=ARGS}. */
    static String javaagent(String agentArgs) {
        return "-javaagent:" + agentJar() + (agentArgs.isEmpty() ? "" : "=" + agentArgs);
    }

    /**
     * Runs a host that waits for one line on stdin after {@link #READY}. It is released as soon as
     * a line matches {@code release} (or at {@link #READY} when {@code release} is null), or after
     * {@code releaseTimeout}; then it must exit within {@link #RUN_TIMEOUT}.
     */
    static HostResult run(List<String> command, Path dir, Map<String, String> env, Predicate<String> release,
            Duration releaseTimeout) throws InterruptedException {
        return run(command, dir, env, release, (Path) null, releaseTimeout);
    }

    /**
     * As {@link #run(List, Path, Map, Predicate, Duration)}, and when {@code awaitDataIn} is given,
     * the host is released only once the file sink has a file (in progress or closed) there.
     */
    static HostResult run(List<String> command, Path dir, Map<String, String> env, Predicate<String> release,
            Path awaitDataIn, Duration releaseTimeout) throws InterruptedException {
        return run(command, dir, env, release,
                awaitDataIn == null ? null : () -> !SinkFiles.all(awaitDataIn).isEmpty(), releaseTimeout);
    }

    /**
     * As {@link #run(List, Path, Map, Predicate, Duration)}, and when {@code awaitDelivery} is given,
     * the host is released only once it holds (or the timeout passes, then releasedBy is null).
     */
    static HostResult run(List<String> command, Path dir, Map<String, String> env, Predicate<String> release,
            java.util.function.BooleanSupplier awaitDelivery, Duration releaseTimeout) throws InterruptedException {
        Child child = Child.start(command, dir, env);
        try {
            long deadline = System.nanoTime() + releaseTimeout.toNanos();
            Predicate<String> matcher = release != null ? release : READY::equals;
            String releasedBy = child.awaitLine(matcher, releaseTimeout);
            if (release != null && releasedBy != null) {
                // the host must be waiting before it is released
                child.awaitLine(READY::equals, releaseTimeout);
            }
            if (awaitDelivery != null && releasedBy != null) {
                while (!awaitDelivery.getAsBoolean() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                if (!awaitDelivery.getAsBoolean()) {
                    releasedBy = null;
                }
            }
            child.send("go");
            String exiting = child.awaitLine(l -> l.startsWith("host: exiting"), RUN_TIMEOUT);
            long exitingAt = System.nanoTime();
            int exit = child.waitFor(RUN_TIMEOUT);
            long delay = exiting == null ? -1 : Duration.ofNanos(System.nanoTime() - exitingAt).toMillis();
            return new HostResult(exit, child.stdout(), child.stderr(), releasedBy, delay, child.describe());
        } finally {
            child.destroy();
        }
    }

    /** Predicate: the agent's first sample on stderr ({@code sink=log}). */
    static Predicate<String> firstSample() {
        return l -> l.startsWith("[roxxane] sample {");
    }

    /** Predicate: any line of the agent. */
    static Predicate<String> anyAgentLine() {
        return l -> l.startsWith("[roxxane]");
    }
}
