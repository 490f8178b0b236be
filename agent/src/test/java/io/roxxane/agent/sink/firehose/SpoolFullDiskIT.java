package io.roxxane.agent.sink.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.fakes.FakeFirehose;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool on a full disk: a 16 KiB tmpfs filled to the last byte (in a private mount namespace,
 * {@code unshare -m}, as root; under CI=true this must run). The agent starts anyway, says one
 * line, keeps the samples it cannot write in memory and counts them in
 * {@code agent_spool_failed_writes}; the host is unharmed and, against a healthy Firehose, every
 * sample arrives; once space returns the spool takes the samples again.
 */
class SpoolFullDiskIT {
    private static final String SCRIPT = String.join("\n",
            "set -u",
            "D=\"$1\"; shift",
            "mount -t tmpfs -o size=16k tmpfs \"$D\" || exit 90",
            "mkdir \"$D/spool\"",
            "dd if=/dev/zero of=\"$D/filler\" bs=1k count=64 2>/dev/null",
            "\"$@\" &",
            "pid=$!",
            "sleep 7",
            "rm \"$D/filler\"",
            "wait $pid",
            "echo \"exit $?\"",
            "ls \"$D/spool\"");

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

    @Test
    void fullDisk_keepsSamplesInMemoryCountsThemAndDeliversEveryOne() throws Exception {
        Path unshare = Paths.get("/usr/bin/unshare");
        assertTrue(Files.isExecutable(unshare) && "root".equals(System.getProperty("user.name")),
                "this test mounts a small tmpfs: it needs unshare and root (as on the build machines)");
        Path mount = Files.createDirectories(temp.resolve("mnt"));
        Path stderr = temp.resolve("stderr.txt");
        String agentArgs = "stream=" + FirehoseTestSupport.STREAM + ",region=us-east-1,endpoint=" + fake.endpoint()
                + ",interval=1s,flush=2s,service=full-spool,spool=" + mount.resolve("spool");
        AgentChild child = new AgentChild(agentArgs, stderr.toFile()).jvmOptions("-Droxxane.debug=true")
                .sleeping(12_000, 0);
        List<String> command = new ArrayList<>(List.of(unshare.toString(), "-m", "sh", "-c", SCRIPT, "sh",
                mount.toString()));
        command.addAll(child.command());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile())
                .redirectOutput(temp.resolve("stdout.txt").toFile());
        child.environmentInto(builder.environment());
        Process process = builder.start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS));
        String out = Files.readString(temp.resolve("stdout.txt"));
        String log = child.log();
        assertTrue(out.contains("exit 0"), out + log);

        Set<Long> missing = new TreeSet<>(child.takenSeqs());
        missing.removeAll(fake.seqs());
        assertEquals(Set.of(), missing, log);
        assertTrue(child.takenSeqs().size() >= 10, log);
        long failedWrites = fake.records().stream().flatMap(r -> new String(r, StandardCharsets.UTF_8).lines())
                .mapToLong(l -> l.contains("\"agent_spool_failed_writes\":")
                        ? Long.parseLong(l.replaceAll(".*\"agent_spool_failed_writes\":(\\d+).*", "$1")) : 0)
                .max().orElse(0);
        assertTrue(failedWrites >= 3, "samples the full disk refused are counted: " + failedWrites);
        assertEquals(1, log.lines().filter(l -> l.contains("cannot write to spool")).count(), log);
        assertFalse(out.contains(".log"), "everything delivered, nothing left in the spool: " + out);
    }
}
