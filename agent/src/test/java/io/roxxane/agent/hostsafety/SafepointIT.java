package io.roxxane.agent.hostsafety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent adds no safepoint per sample: a host with 2,000 parked platform threads runs idle for
 * the same time without the agent, with it ({@code interval=1s}), and, as the control that the
 * log shows what the test looks for, without it while the host itself dumps its threads every
 * second. Safepoints come from {@code -Xlog:safepoint} and are counted, by operation, between the
 * host's release and its exit (JVM uptime, which both the log and the host read). With the agent
 * there must be no operation the run without it lacks, other than the JVM's own Cleanup (taken at
 * most once a second when it has housekeeping: on JDK 17, inline-cache stubs of code being
 * compiled, the agent's included), and fewer added safepoints than one every other sample.
 */
class SafepointIT {
    private static final String HOST = "jvmmetrics";
    private static final String MAIN = "JvmMetricsHost";
    private static final int THREADS = 2_000;
    private static final int IDLE_MILLIS = 20_000;
    private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(30);
    /** Operations that list or inspect every thread: what per-sample thread states would cost. */
    private static final Set<String> THREAD_INSPECTIONS = Set.of("ThreadDump", "FindDeadlocks", "PrintThreads",
            "GetAllStackTraces", "ThreadsSuspendJVMTI");
    private static final String CLEANUP = "Cleanup";
    private static final Pattern SAFEPOINT = Pattern.compile("^\\[(\\d+)ms\\].*Safepoint \"([^\"]+)\"");

    static List<Jdk> jdks() {
        return Jdk.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void agent_sampling2000ThreadsEverySecond_addsNoSafepointPerSample(Jdk jdk) throws Exception {
        Run without = run(jdk, false, false);
        Run with = run(jdk, true, false);
        Run control = run(jdk, false, true);

        long samples = with.result.samples().size();
        assertTrue(samples >= 10, "samples during " + IDLE_MILLIS + " ms at interval=1s: " + samples + "\n" + with.result);
        assertTrue(control.inWindow.getOrDefault("ThreadDump", 0) >= IDLE_MILLIS / 1_000 / 2,
                "control: the host's own thread dumps show in the log: " + control.inWindow);
        for (String operation : THREAD_INSPECTIONS) {
            assertEquals(0, with.inWindow.getOrDefault(operation, 0),
                    "no " + operation + " while the agent samples: " + with.inWindow);
        }
        for (String operation : with.inWindow.keySet()) {
            // Cleanup: the JVM's own, at most once per GuaranteedSafepointInterval (1 s), when it has
            // housekeeping; before JDK 23 that includes inline-cache stubs left by code being compiled
            assertTrue(operation.equals(CLEANUP) || without.inWindow.containsKey(operation),
                    "a safepoint operation only the run with the agent has: " + operation + " in " + with.inWindow);
        }
        int added = with.total() - without.total();
        assertTrue(added < samples / 2, "safepoints with the agent " + with.inWindow + " against without it "
                + without.inWindow + " over " + samples + " samples: one every other sample or more");
        System.out.printf("%s: %d platform threads, %d ms idle; safepoints between release and exit: without agent %d %s,"
                + " with agent %d %s over %d samples (agent_collect_us median %d), control (host dumps threads"
                + " every second) %d %s; whole run with agent %s%n", jdk, THREADS, IDLE_MILLIS, without.total(),
                without.inWindow, with.total(), with.inWindow, samples, medianCollectMicros(with.result), control.total(),
                control.inWindow, with.wholeRun);
    }

    private static Run run(Jdk jdk, boolean agent, boolean dumpThreads) throws InterruptedException, IOException {
        Path dir = Hosts.scratch("safepoints-" + jdk);
        Path log = dir.resolve("safepoint.log");
        List<String> options = new ArrayList<>(List.of("-Xlog:safepoint=info:file=" + log + ":uptimemillis"));
        if (agent) {
            options.add(Hosts.javaagent("sink=log,interval=1s,shutdown_timeout=1s"));
        }
        List<String> args = new ArrayList<>(List.of("threads=" + THREADS, "wait=" + IDLE_MILLIS));
        if (dumpThreads) {
            args.add("dump-threads");
        }
        HostResult result = Hosts.run(Hosts.command(jdk, HOST, null, MAIN, options, args.toArray(new String[0])), dir,
                Map.of(), agent ? Hosts.firstSample() : null, RELEASE_TIMEOUT);
        assertNotNull(result.releasedBy, "not released:\n" + result);
        assertEquals(0, result.exitCode, result.toString());
        JvmMetricsIT.Records records = new JvmMetricsIT.Records(result);
        long from = records.value("released", "uptime", "-", 0);
        long to = records.value("exit", "uptime", "-", 0);
        Map<String, Integer> inWindow = new TreeMap<>();
        Map<String, Integer> wholeRun = new TreeMap<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = SAFEPOINT.matcher(line);
            if (m.find()) {
                long at = Long.parseLong(m.group(1));
                wholeRun.merge(m.group(2), 1, Integer::sum);
                if (at >= from && at <= to) {
                    inWindow.merge(m.group(2), 1, Integer::sum);
                }
            }
        }
        if (agent) {
            // the samples taken in the window, for the count
            List<String> samples = result.samples();
            assertTrue(!samples.isEmpty(), result.toString());
        }
        return new Run(result, inWindow, wholeRun);
    }

    private static long medianCollectMicros(HostResult result) {
        List<Long> micros = SampleJson.fromLog(result).stream().map(s -> (Long) s.get("agent_collect_us")).sorted()
                .collect(Collectors.toList());
        return micros.get(micros.size() / 2);
    }

    private static final class Run {
        final HostResult result;
        final Map<String, Integer> inWindow;
        final Map<String, Integer> wholeRun;

        Run(HostResult result, Map<String, Integer> inWindow, Map<String, Integer> wholeRun) {
            this.result = result;
            this.inWindow = inWindow;
            this.wholeRun = wholeRun;
        }

        int total() {
            return inWindow.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
