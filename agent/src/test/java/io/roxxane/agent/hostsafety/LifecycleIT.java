package io.roxxane.agent.hostsafety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent in a plain host JVM, started with -javaagent: what it must leave alone (logging,
 * MBean server, exit code, JVM exit), what its threads look like, and a second -javaagent.
 */
class LifecycleIT {
    private static final String HOST = "plain";
    private static final String MAIN = "PlainHost";
    private static final String AGENT_ARGS = "sink=log,interval=1s,shutdown_timeout=1s";
    private static final Duration SAMPLE_TIMEOUT = Duration.ofSeconds(20);

    static List<Jdk> jdks() {
        return Jdk.all();
    }

    private static HostResult runPlain(Jdk jdk, List<String> jvmOptions, boolean waitForSample, String... args)
            throws InterruptedException {
        Path dir = Hosts.scratch("plain-" + jdk);
        return Hosts.run(Hosts.command(jdk, HOST, null, MAIN, jvmOptions, args), dir, Map.of(),
                waitForSample ? Hosts.firstSample() : null, SAMPLE_TIMEOUT);
    }

    /** Runs the host with the agent's default sink, the file sink, released once the sink holds data. */
    private static HostResult runWithFileSink(Jdk jdk, Path data, String... args) throws InterruptedException {
        Path dir = Hosts.scratch("plain-file-" + jdk);
        String agent = Hosts.javaagent("sink=file,dir=" + data + ",interval=1s,roll_time=1s,shutdown_timeout=1s");
        return Hosts.run(Hosts.command(jdk, HOST, null, MAIN, List.of(agent), args), dir, Map.of(),
                l -> l.startsWith("[roxxane] started "), data, SAMPLE_TIMEOUT);
    }

    private static void assertFileSamples(Path data, HostResult result) {
        List<String> samples = SinkFiles.samples(data);
        assertFalse(samples.isEmpty(), "no sample in the file sink's closed files under " + data + ":\n" + result);
        for (String sample : samples) {
            assertTrue(sample.startsWith("{") && sample.contains("\"seq\":"), "not a sample: " + sample);
        }
        assertEquals(1, result.agentLines().size(), "expected only the start line:\n" + result);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void hostOutput_whenAgentRunning_isUnchangedAndHostKeepsLoggingAndMBeanServerToItself(Jdk jdk) throws Exception {
        String[] args = {"wait", "late-checks", "threads", "exit=7"};
        HostResult without = runPlain(jdk, List.of(), false, args);
        Path data = Hosts.scratch("data");
        HostResult with = runWithFileSink(jdk, data, args);

        assertNotNull(with.releasedBy, "no sample from the agent before the host's late checks:\n" + with);
        assertFileSamples(data, with);
        assertTrue(with.stdout.contains("host: log manager = HostLogManager"),
                "java.util.logging was initialised before the host installed its LogManager:\n" + with);
        assertTrue(with.stdout.contains("host: platform mbean server built by the host's builder = true"),
                "the platform MBean server was created before the host set its builder:\n" + with);
        assertEquals(without.hostStdoutWithoutThreads(), with.hostStdoutWithoutThreads(), "host stdout changed:\n" + with);
        assertEquals(without.hostStderr(), with.hostStderr(), "host stderr changed:\n" + with);
        assertTrue(with.hostStderr().stream().noneMatch(l -> l.contains("SLF4J") || l.startsWith("WARNING")),
                "a warning reached the host's stderr:\n" + with);
        assertEquals(7, without.exitCode, without.toString());
        assertEquals(7, with.exitCode, "exit code changed:\n" + with);
        assertTrue(with.exitDelayMillis >= 0 && with.exitDelayMillis < 1_000 + 5_000,
                "exit took " + with.exitDelayMillis + " ms after System.exit with shutdown_timeout=1s:\n" + with);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void agentThreads_whenAgentRunning_areDaemonsNamedRoxxane(Jdk jdk) throws Exception {
        String[] args = {"wait", "threads", "exit=0"};
        Map<String, String> before = threads(runPlain(jdk, List.of(), false, args));
        Path data = Hosts.scratch("data");
        HostResult with = runWithFileSink(jdk, data, args);
        assertNotNull(with.releasedBy, "no sample from the agent before the thread listing:\n" + with);
        Map<String, String> added = threads(with);
        added.keySet().removeAll(before.keySet());
        // On Linux OSHI is not built, so none of its start-up commands runs and the JDK starts no
        // "process reaper" thread: every thread the agent adds is a roxxane-* daemon.

        assertTrue(added.containsKey("roxxane-collector"), "no roxxane-collector thread: " + added + "\n" + with);
        for (Map.Entry<String, String> thread : added.entrySet()) {
            assertTrue(thread.getKey().startsWith("roxxane-"), "agent-started thread not named roxxane-*: " + thread);
            assertEquals("true", thread.getValue(), "agent thread is not a daemon: " + thread.getKey());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void hostClasses_whenFileSinkRunsOnLinux_includeNoOshiAndNoLocaleData(Jdk jdk) throws Exception {
        Path dir = Hosts.scratch("classes-" + jdk);
        Path data = dir.resolve("data");
        Path classLog = dir.resolve("classes.log");
        String agent = Hosts.javaagent("sink=file,dir=" + data + ",interval=1s,roll_time=1s,shutdown_timeout=1s");
        HostResult with = Hosts.run(
                Hosts.command(jdk, HOST, null, MAIN, List.of("-Xlog:class+load=info:file=" + classLog, agent), "wait",
                        "exit=0"),
                dir, Map.of(), l -> l.startsWith("[roxxane] started "), () -> SinkFiles.samples(data).size() >= 2,
                SAMPLE_TIMEOUT);
        assertNotNull(with.releasedBy, "no closed file with two samples:\n" + with);
        List<String> loaded = java.nio.file.Files.readAllLines(classLog);
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" io.roxxane.agent.collect.host.DiskCollector ")),
                "the class log does not show the agent's classes: " + classLog);
        // Every host figure comes from /proc, /sys and the JDK here: OSHI (and SLF4J, which only it
        // uses in the file sink) stays out of the host, and so do the JDK's locale data, which a
        // SimpleDateFormat for file names would load.
        List<String> unwanted = loaded.stream()
                .filter(l -> l.contains(" oshi.") || l.contains(" org.slf4j.") || l.contains(" sun.util.cldr.")
                        || l.contains(" sun.util.resources.cldr."))
                .collect(Collectors.toList());
        assertEquals(List.of(), unwanted, "classes the file sink should not load on Linux");
    }

    private static Map<String, String> threads(HostResult result) {
        return result.stdout.stream().filter(l -> l.startsWith("thread: "))
                .map(l -> l.substring("thread: ".length()))
                .collect(Collectors.toMap(l -> l.substring(0, l.lastIndexOf(" daemon=")),
                        l -> l.substring(l.lastIndexOf(" daemon=") + " daemon=".length()), (a, b) -> a, TreeMap::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void lateChecks_whenHostInitialisesLoggingAndMBeansEarly_detectTheEarlyStart(Jdk jdk) throws Exception {
        // Control: the late checks do report an early initialisation, so the test above can fail.
        HostResult early = runPlain(jdk, List.of(), false, "early-jul", "early-mbeans", "wait", "late-checks", "exit=0");
        assertTrue(early.stdout.contains("host: log manager = java.util.logging.LogManager"), early.toString());
        assertTrue(early.stdout.contains("host: platform mbean server built by the host's builder = false"),
                early.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void jvmExit_whenHostMainReturnsWhileAgentRuns_isNotHeldBack(Jdk jdk) throws Exception {
        HostResult with = runPlain(jdk, List.of(Hosts.javaagent(AGENT_ARGS)), true, "wait");
        assertNotNull(with.releasedBy, "no sample from the agent:\n" + with);
        assertEquals(0, with.exitCode, with.toString());
        assertTrue(with.exitDelayMillis < 1_000 + 5_000,
                "JVM took " + with.exitDelayMillis + " ms to exit after main returned:\n" + with);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void secondJavaagent_whenAgentAlreadyRunning_isNoOpWithOneLine(Jdk jdk) throws Exception {
        HostResult without = runPlain(jdk, List.of(), false, "wait", "exit=5");
        HostResult twice = runPlain(jdk,
                List.of(Hosts.javaagent(AGENT_ARGS), Hosts.javaagent("sink=log,interval=2s")), true, "wait", "exit=5");

        List<String> notSamples = twice.agentLines().stream().filter(l -> !l.startsWith("[roxxane] sample "))
                .collect(Collectors.toList());
        assertEquals(2, notSamples.size(), "expected one start line and one 'already running' line:\n" + twice);
        assertEquals(1, notSamples.stream().filter(l -> l.startsWith("[roxxane] started ")).count(), twice.toString());
        assertEquals(1, notSamples.stream().filter(l -> l.contains("already running")).count(), twice.toString());
        assertTrue(notSamples.stream().filter(l -> l.startsWith("[roxxane] started ")).allMatch(l -> l.contains("1000ms")),
                "the second -javaagent's settings were applied:\n" + twice);
        assertFalse(twice.samples().isEmpty(), twice.toString());
        assertEquals(without.stdout, twice.stdout, twice.toString());
        assertEquals(without.hostStderr(), twice.hostStderr(), twice.toString());
        assertEquals(5, twice.exitCode, twice.toString());
    }
}
