package io.roxxane.agent.sink.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.fakes.FakeFirehose;
import java.io.File;
import java.nio.charset.StandardCharsets;
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
 * The minute before the crash: real child JVMs die the ways services die, against a healthy
 * loopback Firehose, with the agent's production settings (the default flush of 60 s). Out of
 * memory, with and without -XX:+ExitOnOutOfMemoryError, the samples of all but the last two
 * intervals arrive without a spool (distress makes each sample urgent); killed with SIGKILL, a
 * spool loses at most the sample being written and the next JVM on it sends the rest, with their
 * own instance id and seq.
 */
class DeathIT {
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
        return "stream=" + FirehoseTestSupport.STREAM + ",region=us-east-1,endpoint=" + fake.endpoint()
                + ",interval=1s,service=dying-host" + extra;
    }

    private AgentChild child(String extra, String stderr) {
        return new AgentChild(args(extra), temp.resolve(stderr).toFile()).jvmOptions("-Droxxane.debug=true");
    }

    private static Process run(AgentChild child, long maxMillis) throws Exception {
        Process process = child.start();
        assertTrue(process.waitFor(maxMillis, TimeUnit.MILLISECONDS), "host did not die in time");
        return process;
    }

    /** Samples taken that never arrived. */
    private Set<Long> lost(AgentChild child) throws Exception {
        Set<Long> missing = new TreeSet<>(child.takenSeqs());
        missing.removeAll(fake.seqs());
        return missing;
    }

    private static void report(String scenario, AgentChild child, Set<Long> lost) throws Exception {
        System.out.println("DEATH-TABLE\t" + scenario + "\t" + child.takenSeqs().size() + "\t" + lost.size());
    }

    @Test
    void outOfMemory_withExitOnOutOfMemoryError_losesAtMostTheLastTwoIntervals() throws Exception {
        AgentChild child = child("", "stderr.txt")
                .jvmOptions("-Xmx64m", "-XX:+ExitOnOutOfMemoryError").running(LeakingHost.class, "400");
        Process process = run(child, 90_000);
        assertEquals(3, process.exitValue(), "ExitOnOutOfMemoryError exits with 3: " + child.log());
        Set<Long> lost = lost(child);
        report("OutOfMemoryError with -XX:+ExitOnOutOfMemoryError, no spool", child, lost);
        assertTrue(child.takenSeqs().size() >= 5, child.log());
        assertTrue(lost.size() <= 2, "lost " + lost + " of " + child.takenSeqs().size() + "\n" + child.log());
        assertTrue(child.log().contains("agent_distress") || fake.records().stream()
                .anyMatch(r -> new String(r, StandardCharsets.UTF_8).contains("\"agent_distress\"")),
                "the samples before the death say why they went at once");
    }

    @Test
    void outOfMemory_withoutExitOnOutOfMemoryError_losesAtMostTheLastTwoIntervals() throws Exception {
        AgentChild child = child("", "stderr.txt").jvmOptions("-Xmx64m").running(LeakingHost.class, "400");
        run(child, 90_000);
        Set<Long> lost = lost(child);
        report("OutOfMemoryError ends main, JVM shuts down, no spool", child, lost);
        assertTrue(child.takenSeqs().size() >= 5, child.log());
        assertTrue(lost.size() <= 2, "lost " + lost + " of " + child.takenSeqs().size() + "\n" + child.log());
    }

    @Test
    void sigkill_atHighMemory_withoutSpool_losesAtMostTheLastTwoIntervals() throws Exception {
        // As the container's OOM killer does: SIGKILL, which no shutdown hook sees.
        AgentChild child = child("", "stderr.txt").jvmOptions("-Xmx64m").running(HoldingHost.class, "90", "5000");
        Process process = child.start();
        Thread.sleep(12_000);
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        Thread.sleep(500);
        Set<Long> lost = lost(child);
        report("SIGKILL at 90% heap (as a container OOM kill), no spool", child, lost);
        assertTrue(child.takenSeqs().size() >= 5, child.log());
        assertTrue(lost.size() <= 2, "lost " + lost + " of " + child.takenSeqs().size() + "\n" + child.log());
    }

    @Test
    void sigkill_withSpool_losesAtMostOneSampleAndTheNextJvmSendsTheRestWithTheirOwnIdAndSeq() throws Exception {
        File spool = temp.resolve("spool").toFile();
        AgentChild first = child(",spool=" + spool, "first.txt").sleeping(600_000, 0);
        Process process = first.start();
        Thread.sleep(15_000);
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, fake.putCalls(), "a healthy host with flush=60s had sent nothing yet");

        AgentChild second = child(",spool=" + spool, "second.txt").sleeping(3_000, 0);
        run(second, 60_000);
        Set<Long> lost = lost(first);
        report("SIGKILL at 15 s, spool=DIR, next JVM on the spool", first, lost);
        assertTrue(first.takenSeqs().size() >= 13, first.log());
        assertTrue(lost.size() <= 1, "lost " + lost + " of " + first.takenSeqs().size() + "\n" + second.log());
        String firstInstance = first.instanceId();
        long delivered = fake.records().stream().flatMap(r -> new String(r, StandardCharsets.UTF_8).lines())
                .filter(l -> l.contains("\"instance_id\":\"" + firstInstance + "\"")).count();
        assertTrue(delivered >= first.takenSeqs().size() - 1, "the dead JVM's samples keep its instance id");
        assertTrue(second.log().contains("took over"), second.log());
    }

    @Test
    void twoJvmsOnOneSpool_eachDeliversItsOwnAndNothingIsLeft() throws Exception {
        File spool = temp.resolve("spool").toFile();
        AgentChild a = child(",spool=" + spool + ",flush=2s", "a.txt").sleeping(8_000, 0);
        AgentChild b = child(",spool=" + spool + ",flush=2s", "b.txt").sleeping(8_000, 0);
        Process pa = a.start();
        Process pb = b.start();
        assertTrue(pa.waitFor(60, TimeUnit.SECONDS) && pb.waitFor(60, TimeUnit.SECONDS));
        String ia = a.instanceId();
        String ib = b.instanceId();
        assertFalse(ia.equals(ib));
        for (AgentChild child : List.of(a, b)) {
            String instance = child.instanceId();
            Set<Long> arrived = new TreeSet<>();
            fake.records().stream().flatMap(r -> new String(r, StandardCharsets.UTF_8).lines())
                    .filter(l -> l.contains("\"instance_id\":\"" + instance + "\""))
                    .forEach(l -> arrived.add(Long.parseLong(l.replaceAll(".*\"seq\":(\\d+).*", "$1"))));
            assertEquals(new TreeSet<>(child.takenSeqs()), arrived, child.log());
        }
        String[] left = spool.list();
        assertEquals(0, left == null ? 0 : left.length, "all delivered, nothing left: " + String.join(", ",
                left == null ? new String[0] : left));
    }
}
