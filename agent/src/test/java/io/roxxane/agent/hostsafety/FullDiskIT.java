package io.roxxane.agent.hostsafety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A full disk leaves no litter: on a 12 KiB tmpfs filled to the last byte (in a private mount
 * namespace, {@code unshare}), the agent says one line, then every sample fails to start a file,
 * and each failed start deletes what it created, so nothing piles up (an empty in-progress file
 * per interval would exhaust the inodes in a long outage). Once space returns, the samples are
 * written, and no leftover remains.
 */
class FullDiskIT {
    private static final String SCRIPT = String.join("\n",
            "set -u",
            "D=\"$1\"; JAR=\"$2\"; JAVA=\"$3\"",
            "mount -t tmpfs -o size=12k tmpfs \"$D\" || exit 90",
            "mkdir \"$D/data\"",
            "dd if=/dev/zero of=\"$D/filler\" bs=1k count=64 2>/dev/null",
            "echo \"--- filled: $(df -k \"$D\" | tail -1)\"",
            "\"$JAVA\" -XX:-UsePerfData \"-javaagent:$JAR=dir=$D/data,interval=1s,roll_time=2s,service=full\""
                    + " -jar \"$JAR\" demo-workload 16 &",
            "pid=$!",
            "sleep 10",
            "echo '--- full'",
            "find \"$D/data\" -printf '%y %s %P\\n'",
            "rm \"$D/filler\"",
            "wait $pid",
            "echo \"--- exit $?\"",
            "find \"$D/data\" -printf '%y %s %P\\n'");

    @Test
    void fullDisk_oneLine_noFilePerAttempt_andNoLeftoverOnceSpaceReturns() throws Exception {
        Path unshare = Paths.get("/usr/bin/unshare");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (ci) {
            assertTrue(Files.isExecutable(unshare), "CI must be able to mount a small file system: no unshare");
        }
        Assumptions.assumeTrue(Files.isExecutable(unshare), "no unshare: cannot mount a small file system");
        Path run = Hosts.scratch("full-disk");
        Path mount = Files.createDirectories(run.resolve("mnt"));
        List<String> command = new ArrayList<>(List.of(unshare.toString(),
                "root".equals(System.getProperty("user.name")) ? "-m" : "-rm", "sh", "-c", SCRIPT, "sh",
                mount.toString(), Hosts.agentJar().toString(), Jdk.all().get(0).java().toString()));
        Child child = Child.start(command, run, Map.of());
        int exit = child.waitFor(Duration.ofSeconds(90));
        boolean cannotMount = exit == 90 || child.stderr().stream().anyMatch(l -> l.startsWith("unshare:"));
        if (ci) {
            assertFalse(cannotMount, "CI must be able to mount a tmpfs in a private namespace: " + child.describe());
        }
        Assumptions.assumeFalse(cannotMount,
                "cannot mount a tmpfs in a private namespace here: " + child.describe());
        assertEquals(0, exit, child.describe());

        List<String> out = child.stdout();
        List<String> whileFull = out.subList(out.indexOf("--- full") + 1, indexStarting(out, "--- exit"));
        assertTrue(whileFull.get(0).startsWith("d "), "the data directory itself:\n" + child.describe());
        assertTrue(whileFull.stream().noneMatch(l -> l.startsWith("f ")), "no file while the disk is full:\n"
                + child.describe());
        assertEquals("--- exit 0", out.get(indexStarting(out, "--- exit")), child.describe());
        List<String> after = out.subList(indexStarting(out, "--- exit") + 1, out.size());
        List<String> files = new ArrayList<>();
        for (String line : after) {
            if (line.startsWith("f ")) {
                files.add(line.substring(line.lastIndexOf('/') + 1));
            }
        }
        assertFalse(files.isEmpty(), "the samples after the outage are written:\n" + child.describe());
        for (String file : files) {
            assertTrue(file.matches("part-\\d{8}T\\d{6}Z-[0-9a-f]{8}-\\d+\\.json\\.gz"), "a leftover: " + file + "\n"
                    + child.describe());
        }
        assertTrue(files.stream().anyMatch(f -> f.endsWith("-0.json.gz")),
                "the name that failed is the one used once it works: " + files);
        List<String> agentLines = child.stderr().stream().filter(l -> l.startsWith("[roxxane]")).collect(
                java.util.stream.Collectors.toList());
        assertEquals(2, agentLines.size(), "the start line and one line for the outage:\n" + child.describe());
        assertTrue(agentLines.get(1).startsWith("[roxxane] cannot write samples under ")
                && agentLines.get(1).contains("No space left on device"), agentLines.get(1));
    }

    private static int indexStarting(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return lines.size();
    }
}
