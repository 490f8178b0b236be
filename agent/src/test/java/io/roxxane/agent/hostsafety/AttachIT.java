package io.roxxane.agent.hostsafety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code java -jar roxxane.jar list} and {@code attach PID}, against child JVMs, on JDK 17 and Temurin 25. */
class AttachIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Modules of a Java runtime without attach support (no jdk.attach). */
    private static final String NO_ATTACH_MODULES = "java.base,java.management,java.instrument";

    static List<Jdk> jdks() {
        return Jdk.all();
    }

    /** What one command-line run printed. */
    static final class CliResult {
        final int exitCode;
        final List<String> stdout;
        final List<String> stderr;
        final String description;

        CliResult(int exitCode, List<String> stdout, List<String> stderr, String description) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
            this.description = description;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + description;
        }
    }

    private static CliResult cli(List<String> prefix, String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.add("-jar");
        command.add(Hosts.agentJar().toString());
        command.addAll(Arrays.asList(args));
        Child child = Child.start(command, Hosts.scratch("cli"), Map.of());
        int exit = child.waitFor(TIMEOUT);
        return new CliResult(exit, child.stdout(), child.stderr(), child.describe());
    }

    private static CliResult cli(Jdk jdk, String... args) throws InterruptedException {
        return cli(List.of(jdk.java().toString()), args);
    }

    /** A plain host that waits for "go" and then exits with 7. */
    private static Child startHost(Jdk jdk, String... jvmOptions) throws InterruptedException {
        Child host = Child.start(Hosts.command(jdk, "plain", null, "PlainHost", Arrays.asList(jvmOptions), "wait", "exit=7"),
                Hosts.scratch("attach-host"), Map.of());
        assertNotNull(host.awaitLine(Hosts.READY::equals, TIMEOUT), host.describe());
        return host;
    }

    private static void assertHostEndsNormally(Child host) throws InterruptedException {
        host.send("go");
        assertEquals(7, host.waitFor(TIMEOUT), host.describe());
        assertEquals(List.of("host: started", "host: ready", "host: exiting 7"), host.stdout(), host.describe());
    }

    private static void assertRefused(CliResult result, int exitCode, String... words) {
        assertEquals(exitCode, result.exitCode, result.toString());
        assertEquals(List.of(), result.stdout, result.toString());
        assertEquals(1, result.stderr.size(), "expected exactly one line on stderr:\n" + result);
        for (String word : words) {
            assertTrue(result.stderr.get(0).contains(word), "the line does not say '" + word + "':\n" + result);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void list_whenHostRunning_showsItsPidAndMainClass(Jdk jdk) throws Exception {
        Child host = startHost(jdk);
        try {
            String expected = host.pid() + " +PlainHost";
            CliResult list = cli(jdk, "list");
            assertEquals(0, list.exitCode, list.toString());
            assertTrue(list.stdout.stream().anyMatch(l -> l.matches(expected)), list.toString());

            CliResult withoutAttachApi = cli(List.of(jdk.java().toString(), "--limit-modules", NO_ATTACH_MODULES), "list");
            assertEquals(0, withoutAttachApi.exitCode, withoutAttachApi.toString());
            assertTrue(withoutAttachApi.stdout.stream().anyMatch(l -> l.matches(expected)), withoutAttachApi.toString());
            assertTrue(withoutAttachApi.stderr.stream().anyMatch(l -> l.contains("no attach support")),
                    withoutAttachApi.toString());
        } finally {
            assertHostEndsNormally(host);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void attach_whenHostRunning_startsTheAgentAndASecondAttachIsNoOp(Jdk jdk) throws Exception {
        Child host = startHost(jdk);
        try {
            String pid = Long.toString(host.pid());
            CliResult first = cli(jdk, "attach", pid, "sink=log,interval=1s");
            assertEquals(0, first.exitCode, first.toString());
            assertEquals(1, first.stdout.size(), first.toString());
            assertTrue(first.stdout.get(0).startsWith("roxxane attached to JVM " + pid + " (PlainHost)"), first.toString());
            assertNotNull(host.awaitLine(l -> l.startsWith("[roxxane] started ") && l.contains("(attached)"), TIMEOUT),
                    host.describe());
            assertNotNull(host.awaitLine(Hosts.firstSample(), TIMEOUT), host.describe());

            CliResult second = cli(jdk, "attach", pid, "sink=log,interval=5s");
            assertEquals(0, second.exitCode, second.toString());
            assertEquals(List.of("roxxane is already running in JVM " + pid + " (started by agentmain); nothing attached"),
                    second.stderr, second.toString());
            assertTrue(second.stdout.isEmpty(), second.toString());
        } finally {
            assertHostEndsNormally(host);
        }
        List<String> agentLines = host.stderr().stream().filter(l -> l.startsWith("[roxxane]")
                && !l.startsWith("[roxxane] sample {")).collect(Collectors.toList());
        assertEquals(1, agentLines.size(), "expected only the start line:\n" + host.describe());
        // Java 21+ warns about dynamically loaded agents itself; nothing else may reach the host's stderr.
        assertTrue(host.stderr().stream().allMatch(l -> l.startsWith("[roxxane]") || l.startsWith("WARNING: ")),
                host.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void attach_whenAgentStartedByJavaagent_isNoOp(Jdk jdk) throws Exception {
        Child host = startHost(jdk, Hosts.javaagent("sink=log,interval=1s"));
        try {
            assertNotNull(host.awaitLine(Hosts.firstSample(), TIMEOUT), host.describe());
            CliResult attach = cli(jdk, "attach", Long.toString(host.pid()), "sink=log");
            assertEquals(0, attach.exitCode, attach.toString());
            assertEquals(1, attach.stderr.size(), attach.toString());
            assertTrue(attach.stderr.get(0).contains("already running") && attach.stderr.get(0).contains("premain"),
                    attach.toString());
            assertTrue(attach.stdout.isEmpty(), attach.toString());
        } finally {
            assertHostEndsNormally(host);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void attach_whenArgumentsAreBad_refusesBeforeTouchingTheHost(Jdk jdk) throws Exception {
        Child host = startHost(jdk);
        try {
            String pid = Long.toString(host.pid());
            assertRefused(cli(jdk, "attach", pid, "interval=0s"), 2, "interval", "0s", "nothing attached");
            assertRefused(cli(jdk, "attach", pid, "colour=red"), 2, "colour");
            assertRefused(cli(jdk, "attach", pid, "verbose"), 2, "verbose");
            assertRefused(cli(jdk, "attach", "abc"), 2, "abc", "list");
        } finally {
            assertHostEndsNormally(host);
        }
        assertTrue(host.stderr().isEmpty(), host.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void attach_whenPidDoesNotExist_refuses(Jdk jdk) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        assertRefused(cli(jdk, "attach", Long.toString(gone.pid())), 1, "no process with pid " + gone.pid(), "list");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void attach_whenProcessIsNotAJvm_refuses(Jdk jdk) throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            assertRefused(cli(jdk, "attach", Long.toString(sleep.pid())), 1, "(sleep) is not a Java virtual machine");
        } finally {
            sleep.destroyForcibly();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void attach_whenTargetDisablesAttach_refusesWithoutDisturbingIt(Jdk jdk) throws Exception {
        Path argFile = Files.writeString(Hosts.scratch("argfile").resolve("options"), "-XX:+DisableAttachMechanism\n");
        for (String option : List.of("-XX:+DisableAttachMechanism", "@" + argFile)) {
            Child host = startHost(jdk, option);
            try {
                assertRefused(cli(jdk, "attach", Long.toString(host.pid()), "sink=log"), 1,
                        "-XX:+DisableAttachMechanism", "-javaagent:");
            } finally {
                assertHostEndsNormally(host); // e.g. no thread dump from a stray SIGQUIT
            }
            assertEquals(List.of(), host.stderr(), host.describe());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void attach_whenThisJavaHasNoAttachSupport_refuses(Jdk jdk) throws Exception {
        Child host = startHost(jdk);
        try {
            CliResult result = cli(List.of(jdk.java().toString(), "--limit-modules", NO_ATTACH_MODULES),
                    "attach", Long.toString(host.pid()));
            assertRefused(result, 1, "no attach support", "jdk.attach", "JDK");
        } finally {
            assertHostEndsNormally(host);
        }
        assertTrue(host.stderr().isEmpty(), host.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void attach_whenPidIsTheCommandItself_refuses(Jdk jdk) throws Exception {
        // exec keeps the shell's pid, so $$ is the pid of the JVM that runs the command
        CliResult result = cli(List.of("sh", "-c", "exec \"$0\" \"$@\" $$", jdk.java().toString()), "attach");
        assertRefused(result, 1, "own JVM");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void attach_whenTargetBelongsToAnotherUser_refuses(Jdk jdk) throws Exception {
        int uid = (Integer) Files.getAttribute(Paths.get("/proc/self"), "unix:uid");
        if (uid != 0) {
            // pid 1 belongs to root; a non-root user cannot attach to it
            assertRefused(cli(jdk, "attach", "1"), 1, "belongs to user root", "sudo -u root");
            return;
        }
        Child host = startHost(jdk);
        try {
            CliResult result = cli(List.of("runuser", "-u", "nobody", "--", jdk.java().toString()),
                    "attach", Long.toString(host.pid()));
            assertRefused(result, 1, "belongs to user root", "you are nobody", "sudo -u root");
        } finally {
            assertHostEndsNormally(host);
        }
    }
}
