package io.roxxane.agent.sink.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.fakes.FakeFirehose;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outages around a normal exit, with the agent's production timings (the built jar in a child
 * JVM: 200 ms backoff doubling to 30 s, 10 s attempts, the default {@code shutdown_timeout=5s}),
 * against a loopback Firehose that throttles and fails records by the clock. No shrunken tuning
 * here: the bug these tests hold down (a shutdown that waited for a 15-30 s backoff and gave up
 * without one call) only shows with the real one.
 */
class ShutdownAfterOutageIT {
    private static final String BASE = ",interval=1s,flush=2s,service=outage-host";

    private FakeFirehose fake;

    @TempDir
    Path temp;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeFirehose(FirehoseTestSupport.STREAM);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private String args(String extra) {
        return "stream=" + FirehoseTestSupport.STREAM + ",region=us-east-1,endpoint=" + fake.endpoint() + BASE + extra;
    }

    /** Runs the host for {@code hostMillis} under {@code script}; returns the child, ended. */
    private AgentChild run(OutageScript script, String extra, long hostMillis, String stderrName) throws Exception {
        AgentChild child = new AgentChild(args(extra), temp.resolve(stderrName).toFile())
                .jvmOptions("-Droxxane.debug=true").sleeping(hostMillis, 3);
        fake.behave(script.start());
        Process process = child.start();
        assertTrue(process.waitFor(hostMillis + 60_000, TimeUnit.MILLISECONDS), "host did not exit");
        assertEquals(3, process.exitValue(), child.log());
        return child;
    }

    /** One row of docs/BENCHMARKS.md's fault table, picked up by bench/faults/run.sh from the test output. */
    private static void report(String scenario, AgentChild child, FakeFirehose fake) throws Exception {
        System.out.println("FAULT-TABLE\t" + scenario + "\t" + child.takenSeqs().size() + "\t" + fake.distinctSeqs());
    }

    private static void assertEveryTakenSampleArrived(AgentChild child, FakeFirehose fake) throws Exception {
        List<Long> taken = child.takenSeqs();
        assertFalse(taken.isEmpty(), child.log());
        Set<Long> arrived = new TreeSet<>(fake.seqs());
        Set<Long> missing = new TreeSet<>(taken);
        missing.removeAll(arrived);
        assertEquals(Set.of(), missing, "taken " + taken.size() + ", arrived " + arrived + "\n" + child.log());
        assertFalse(child.log().contains("were lost"), child.log());
    }

    @Test
    void exit_afterThrottlingThenPartialFailures_deliversEverySample() throws Exception {
        // The reported case: throttled from 2 s to 22 s, every third record failing until 28 s, exit at 30 s.
        AgentChild child = run(new OutageScript(2_000, 22_000, 28_000), "", 30_000, "stderr.txt");
        report("throttled 2-22 s, every 3rd record failing until 28 s, exit at 30 s", child, fake);
        assertEveryTakenSampleArrived(child, fake);
        assertTrue(child.takenSeqs().size() >= 28, child.log());
    }

    @Test
    void exit_whenTheOutageEndsWithinShutdownTimeout_deliversWhatTheDeadlineAllows() throws Exception {
        // Throttled from 2 s until about 2 s after the host's exit, inside the 5 s shutdown_timeout.
        AgentChild child = run(new OutageScript(2_000, 12_500, 12_500), "", 10_000, "stderr.txt");
        report("throttled from 2 s until 2.5 s into shutdown_timeout (exit at 10 s)", child, fake);
        assertEveryTakenSampleArrived(child, fake);
    }

    @Test
    void exit_duringPartialFailures_resendsTheFailedRecordsUntilAllArrive() throws Exception {
        // Every third record fails from 2 s until 1 s after the exit.
        AgentChild child = run(new OutageScript(2_000, 2_000, 11_000), "", 10_000, "stderr.txt");
        report("every 3rd record failing from 2 s until 1 s after exit (10 s)", child, fake);
        assertEveryTakenSampleArrived(child, fake);
    }

    @Test
    void run_whenTheEndpointComesBack_resumesWithinAFlushIntervalNotABackoffCeiling() throws Exception {
        // Down (connection refused) from 2 s to 14 s: some seven failed calls, a backoff ceiling of
        // 12.8-25.6 s by then; with flush=2s the next attempt comes within 2 s of the endpoint's return.
        OutageScript script = new OutageScript(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
        AgentChild child = new AgentChild(args(""), temp.resolve("stderr.txt").toFile())
                .jvmOptions("-Droxxane.debug=true").sleeping(22_000, 3);
        fake.behave(script.start());
        Process process = child.start();
        Thread.sleep(2_000);
        fake.down();
        Thread.sleep(12_000);
        fake.up();
        long upAt = script.elapsedMillis();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "host did not exit");

        long firstAfterUp = script.firstCallFrom(fake.callMillis(), upAt);
        assertTrue(firstAfterUp >= 0 && firstAfterUp - upAt <= 2_000 + 2_500, "endpoint back at " + upAt
                + " ms, first call at " + firstAfterUp + " ms\n" + child.log());
        report("connection refused 2-14 s, exit at 22 s", child, fake);
        assertEveryTakenSampleArrived(child, fake);
    }

    @Test
    void exit_whenTheOutageGoesOn_triesSeveralTimesThenCountsTheLoss() throws Exception {
        OutageScript script = new OutageScript(2_000, Long.MAX_VALUE, Long.MAX_VALUE);
        long started = System.nanoTime();
        AgentChild child = run(script, "", 8_000, "stderr.txt");
        long livedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        int taken = child.takenSeqs().size();
        long arrived = fake.distinctSeqs();
        String log = child.log();
        assertTrue(log.contains("shutdown: " + (taken - arrived) + " samples were lost"), log);
        assertTrue(livedMillis < 8_000 + 5_000 + 4_000, "the host lived " + livedMillis + " ms: " + log);
        report("throttled from 2 s on, still at exit (8 s), no spool", child, fake);
        assertShutdownAttempts(script, fake, 8_000);
    }

    @Test
    void exit_whenTheOutageGoesOnWithSpool_keepsEverySampleForTheNextStart() throws Exception {
        File spool = temp.resolve("spool").toFile();
        OutageScript script = new OutageScript(2_000, Long.MAX_VALUE, Long.MAX_VALUE);
        AgentChild first = run(script, ",spool=" + spool, 8_000, "first.txt");
        assertShutdownAttempts(script, fake, 8_000);
        assertTrue(first.log().contains("not delivered in time stay in the spool"), first.log());

        fake.behave((call, records) -> FakeFirehose.Reply.ok());
        AgentChild second = new AgentChild(args(",spool=" + spool), temp.resolve("second.txt").toFile())
                .sleeping(4_000, 3);
        Process process = second.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        report("throttled from 2 s on, still at exit (8 s), spool=DIR; counted after the next start", first, fake);
        assertEveryTakenSampleArrived(first, fake);
    }

    /** The agent called during the shutdown window, several times, rather than waiting out a backoff. */
    private static void assertShutdownAttempts(OutageScript script, FakeFirehose fake, long exitMillis) {
        long duringShutdown = script.callsFrom(fake.callMillis(), exitMillis);
        assertTrue(duringShutdown >= 3, "calls during shutdown: " + duringShutdown + " of " + fake.callMillis());
    }
}
