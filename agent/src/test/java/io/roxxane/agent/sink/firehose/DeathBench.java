package io.roxxane.agent.sink.firehose;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.fakes.FakeFirehose;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: the benchmark behind docs/BENCHMARKS.md's table of samples lost per death and the
 * cost of the spool ({@code bench/deaths/run.sh} runs it through failsafe; its name matches no
 * test pattern, so the build never runs it). Each way to die, with and without {@code spool=}, at
 * each interval ({@code -Ddeaths.intervals=1,10}), against a healthy loopback Firehose with the
 * production settings; then the spool's cost at a 1 s interval, side by side with no spool.
 * Prints {@code DEATH-BENCH} and {@code SPOOL-COST} lines.
 */
class DeathBench {
    private static final Pattern SPOOL_IO = Pattern.compile("spool: (\\d+) bytes written, (\\d+) fsyncs");

    @TempDir
    Path temp;

    private enum Death {
        SIGTERM, SYSTEM_EXIT, OOM_EXIT_ON_OOME, OOM, SIGKILL, SIGKILL_HIGH_MEMORY
    }

    @Test
    void samplesLostPerDeath() throws Exception {
        for (String interval : System.getProperty("deaths.intervals", "1,10").split(",")) {
            int seconds = Integer.parseInt(interval.trim());
            for (Death death : Death.values()) {
                for (boolean spool : new boolean[] {false, true}) {
                    run(death, seconds, spool);
                }
            }
        }
    }

    private void run(Death death, int intervalSeconds, boolean spool) throws Exception {
        try (FakeFirehose fake = new FakeFirehose(FirehoseTestSupport.STREAM)) {
            Path dir = Files.createTempDirectory(temp, "run");
            String args = "stream=" + FirehoseTestSupport.STREAM + ",region=us-east-1,endpoint=" + fake.endpoint()
                    + ",interval=" + intervalSeconds + "s,service=bench" + (spool ? ",spool=" + dir.resolve("spool") : "");
            long lifeMillis = intervalSeconds * 12_000L; // about a dozen samples
            AgentChild child = new AgentChild(args, dir.resolve("stderr.txt").toFile()).jvmOptions("-Droxxane.debug=true");
            switch (death) {
                case SIGTERM:
                case SIGKILL:
                    child.sleeping(3_600_000, 0);
                    break;
                case SYSTEM_EXIT:
                    child.sleeping(lifeMillis, 0);
                    break;
                case OOM_EXIT_ON_OOME:
                case OOM:
                    // a leak that fills 64 MiB in about a dozen intervals
                    child.jvmOptions("-Xmx64m").running(LeakingHost.class, String.valueOf(Math.max(1, 520 / intervalSeconds)));
                    if (death == Death.OOM_EXIT_ON_OOME) {
                        child.jvmOptions("-XX:+ExitOnOutOfMemoryError");
                    }
                    break;
                case SIGKILL_HIGH_MEMORY:
                    child.jvmOptions("-Xmx64m").running(HoldingHost.class, "90", String.valueOf(lifeMillis / 2));
                    break;
                default:
                    throw new AssertionError(death);
            }
            Process process = child.start();
            if (death == Death.SIGTERM || death == Death.SIGKILL || death == Death.SIGKILL_HIGH_MEMORY) {
                Thread.sleep(lifeMillis);
                if (death == Death.SIGTERM) {
                    process.destroy();
                } else {
                    process.destroyForcibly();
                }
            }
            assertTrue(process.waitFor(lifeMillis + 120_000, TimeUnit.MILLISECONDS), death + " did not end");
            if (spool && (death == Death.SIGKILL || death == Death.SIGKILL_HIGH_MEMORY
                    || death == Death.OOM_EXIT_ON_OOME)) {
                AgentChild next = new AgentChild(args, dir.resolve("next.txt").toFile()).sleeping(4_000, 0);
                assertTrue(next.start().waitFor(60, TimeUnit.SECONDS));
            } else {
                Thread.sleep(1_000);
            }
            Set<Long> lost = new TreeSet<>(child.takenSeqs());
            lost.removeAll(fake.seqs());
            System.out.println("DEATH-BENCH\t" + death + "\t" + intervalSeconds + "\t" + (spool ? "spool" : "none") + "\t"
                    + child.takenSeqs().size() + "\t" + lost.size());
        }
    }

    @Test
    void spoolCost() throws Exception {
        int seconds = Integer.getInteger("deaths.costSeconds", 120);
        for (int round = 0; round < 2; round++) {
            for (boolean spool : new boolean[] {false, true}) {
                try (FakeFirehose fake = new FakeFirehose(FirehoseTestSupport.STREAM)) {
                    Path dir = Files.createTempDirectory(temp, "cost");
                    String args = "stream=" + FirehoseTestSupport.STREAM + ",region=us-east-1,endpoint="
                            + fake.endpoint() + ",interval=1s,service=bench" + (spool ? ",spool=" + dir.resolve("spool") : "");
                    AgentChild child = new AgentChild(args, dir.resolve("stderr.txt").toFile())
                            .jvmOptions("-Droxxane.debug=true").sleeping(seconds * 1_000L + 500, 0);
                    Process process = child.start();
                    Thread.sleep(seconds * 1_000L - 1_000);
                    long[] cpu = agentThreadsCpuNanos(process.pid());
                    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
                    int samples = child.takenSeqs().size();
                    Matcher io = SPOOL_IO.matcher(child.log());
                    System.out.println("SPOOL-COST\t" + (spool ? "spool" : "none") + "\t" + samples + "\t"
                            + cpu[0] / Math.max(1, samples) / 1_000 + "\t" + cpu[1] / Math.max(1, samples) / 1_000 + "\t"
                            + (io.find() ? io.group(1) + "\t" + io.group(2) : "0\t0"));
                }
            }
        }
    }

    /** On-CPU nanoseconds of the collector and the sender thread of a child, from /proc. */
    private static long[] agentThreadsCpuNanos(long pid) throws IOException {
        long[] cpu = new long[2];
        File[] tasks = new File("/proc/" + pid + "/task").listFiles();
        for (File task : tasks == null ? new File[0] : tasks) {
            String name = Files.readString(task.toPath().resolve("comm"), StandardCharsets.UTF_8).trim();
            long onCpu = Long.parseLong(Files.readString(task.toPath().resolve("schedstat")).trim().split("\\s+")[0]);
            if (name.equals("roxxane-collect")) { // comm is cut at 15 characters
                cpu[0] += onCpu;
            } else if (name.startsWith("roxxane-firehos")) {
                cpu[1] += onCpu;
            }
        }
        return cpu;
    }
}
