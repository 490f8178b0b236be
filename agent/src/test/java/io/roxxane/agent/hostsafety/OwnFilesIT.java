package io.roxxane.agent.hostsafety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.files.ForeignFixture;
import io.roxxane.agent.files.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue #24 with the built jar: two agent JVMs (JDK 17 and Temurin 25) share a directory that
 * already holds other people's files, links out of it and a loop, and the agents' own files of
 * an earlier run, more than {@code max_disk=1MiB}. They delete only their own oldest files, only
 * as many as the cap requires, write every sample, leave every foreign entry byte for byte as it
 * was, and say once that the directory holds foreign entries; {@code summary} then reads the
 * directory without a stack trace.
 */
class OwnFilesIT {
    private static final long CAP = 1 << 20;
    private static final String OWN_NAME = "\\.?part-\\d{8}T\\d{6}Z-[0-9a-f]{8}-\\d+(-salvaged)?\\.json\\.gz(\\.inprogress)?";

    /** Closed files of an earlier run, {@code count} hours before now, 100 KiB each, oldest first. */
    private static List<Path> earlierRun(Path dir, int count) throws IOException {
        Random random = new Random(7);
        List<Path> files = new ArrayList<>();
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withMinute(0).withSecond(0).withNano(0);
        for (int i = count; i > 0; i--) {
            ZonedDateTime t = now.minusHours(i + 2L);
            String folder = String.format("service=svc/year=%04d/month=%02d/day=%02d/hour=%02d", t.getYear(),
                    t.getMonthValue(), t.getDayOfMonth(), t.getHour());
            String name = String.format("part-%04d%02d%02dT%02d0000Z-0badcafe-%d.json.gz", t.getYear(), t.getMonthValue(),
                    t.getDayOfMonth(), t.getHour(), count - i);
            Path file = Files.createDirectories(dir.resolve(folder)).resolve(name);
            byte[] bytes = new byte[100 << 10];
            random.nextBytes(bytes);
            Files.write(file, bytes);
            Files.setLastModifiedTime(file, FileTime.from(t.toInstant()));
            files.add(file);
        }
        return files;
    }

    private static List<Path> ownFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> p.getFileName().toString().matches(OWN_NAME))
                    // the fixture's look-alikes, in folders the agents do not write this year
                    .filter(p -> !p.startsWith(dir.resolve("service=svc/year=2026/month=03/day=04/hour=09")))
                    .filter(p -> !p.startsWith(dir.resolve("service=Svc")))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of the closed files of this run (not the earlier run's random bytes). */
    private static List<String> samples(List<Path> own) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : own) {
            String name = file.getFileName().toString();
            if (!name.startsWith(".") && !name.contains("-0badcafe-")) {
                try (Stream<String> in = new java.io.BufferedReader(new java.io.InputStreamReader(
                        new java.util.zip.GZIPInputStream(Files.newInputStream(file)),
                        java.nio.charset.StandardCharsets.UTF_8)).lines()) {
                    in.filter(l -> !l.isEmpty()).forEach(lines::add);
                }
            }
        }
        return lines;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void twoAgents_sharingADirectoryWithForeignFiles_touchOnlyTheirOwn() throws Exception {
        Path run = Hosts.scratch("own-files");
        Path dir = Files.createDirectories(run.resolve("data"));
        Path outside = Files.createDirectories(run.resolve("outside"));
        ForeignFixture.create(dir, outside, 2 << 20);
        Snapshot foreignBefore = Snapshot.of(dir);
        Snapshot outsideBefore = Snapshot.of(outside);
        List<Path> earlier = earlierRun(dir, 14); // 1.4 MiB of own files: 4 must go, the oldest

        List<Child> agents = new ArrayList<>();
        for (Jdk jdk : Jdk.all()) {
            agents.add(Child.start(List.of(jdk.java().toString(), "-XX:-UsePerfData",
                    Hosts.javaagent("dir=" + dir + ",interval=1s,roll_time=2s,max_disk=1MiB,service=svc"),
                    "-jar", Hosts.agentJar().toString(), "demo-workload", "8"), run, Map.of()));
        }
        Map<String, List<String>> stderr = new TreeMap<>();
        for (Child agent : agents) {
            assertEquals(0, agent.waitFor(Hosts.RUN_TIMEOUT), agent.describe());
            stderr.put(agent.describe(), agent.stderr());
        }

        foreignBefore.assertIntactIn(Snapshot.of(dir));
        outsideBefore.assertIntactIn(Snapshot.of(outside));
        for (Map.Entry<String, List<String>> agent : stderr.entrySet()) {
            List<String> lines = agent.getValue();
            assertEquals(1, lines.stream().filter(l -> l.startsWith("[roxxane] dir='" + dir + "' holds what the agent"
                    + " did not write: ")).count(), agent.getKey());
            assertTrue(lines.stream().noneMatch(l -> l.contains("Exception") && !l.startsWith("[roxxane]")), agent.getKey());
        }

        // every sample of both agents is there: the cap took none of this run's files
        Map<String, List<Long>> seqs = new HashMap<>();
        for (String line : samples(ownFiles(dir))) {
            String instance = line.replaceAll(".*\"instance_id\":\"([^\"]+)\".*", "$1");
            seqs.computeIfAbsent(instance, k -> new ArrayList<>()).add(Long.parseLong(line.replaceAll(".*\"seq\":(\\d+).*", "$1")));
        }
        assertEquals(2, seqs.size(), seqs.keySet().toString());
        for (List<Long> s : seqs.values()) {
            s.sort(null);
            assertTrue(s.size() >= 3, s.toString());
            for (int i = 0; i < s.size(); i++) {
                assertEquals((long) i, s.get(i), "a sample is missing: " + s);
            }
        }
        // of the earlier run, the oldest went and only as many as the cap required
        List<Path> own = ownFiles(dir);
        long kept = own.stream().mapToLong(OwnFilesIT::size).sum();
        assertTrue(kept <= CAP, kept + " bytes kept over the cap: " + own);
        int gone = (int) earlier.stream().filter(p -> !Files.exists(p)).count();
        assertTrue(gone >= 4, gone + " deleted");
        for (int i = 0; i < earlier.size(); i++) {
            assertEquals(i >= gone, Files.exists(earlier.get(i)), "oldest first: " + earlier.get(i));
        }
        assertTrue(kept + 100 * 1024 > CAP, "one file fewer deleted would have been over the cap: " + kept);

        // summary reads the agents' files and names what it skipped, in one line, no stack trace
        Child summary = Child.start(List.of(Jdk.all().get(0).java().toString(), "-jar", Hosts.agentJar().toString(),
                "summary", dir.toString()), run, Map.of());
        assertEquals(0, summary.waitFor(Hosts.RUN_TIMEOUT), summary.describe());
        List<String> out = summary.stdout();
        assertTrue(out.get(0).matches(seqs.values().stream().mapToInt(List::size).sum() + " samples in \\d+ files, \\d+"
                + " service-hours"), summary.describe());
        String last = out.get(out.size() - 1);
        assertTrue(last.startsWith("skipped 10 of "), summary.describe()); // the earlier run's random bytes
        assertTrue(last.contains("not read, not written by the agent: "), summary.describe());
        assertEquals(List.of(), summary.stderr(), summary.describe());
    }

    @Test
    void owner_onlyFilesAndFolders_whateverTheUmask_andAnOpenDirectoryIsNamed() throws Exception {
        Path run = Hosts.scratch("umask");
        Path dir = Files.createDirectories(run.resolve("open"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> command = new ArrayList<>(AsUser.prefix(run));
        command.addAll(List.of("sh", "-c", "umask 000; exec \"$0\" \"$@\"", Jdk.all().get(0).java().toString(),
                "-XX:-UsePerfData", Hosts.javaagent("dir=" + dir + ",interval=1s,roll_time=1s,service=svc"),
                "-jar", Hosts.agentJar().toString(), "demo-workload", "5"));
        Child agent = Child.start(command, run, Map.of());
        assertEquals(0, agent.waitFor(Hosts.RUN_TIMEOUT), agent.describe());

        assertEquals(1, agent.stderr().stream().filter(l -> l.equals("[roxxane] dir='" + dir + "' is writable by every"
                + " user of this machine and has no sticky bit: any of them can delete, rename or replace the agent's"
                + " files there; use a directory only this user can write (chmod o-w) or set the sticky bit (chmod +t)"))
                .count(), agent.describe());
        List<Path> created;
        try (Stream<Path> all = Files.walk(dir)) {
            created = all.filter(p -> !p.equals(dir)).collect(Collectors.toList());
        }
        assertFalse(created.isEmpty(), agent.describe());
        for (Path p : created) {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
            assertEquals(Files.isDirectory(p) ? "rwxr-x---" : "rw-r-----", mode, p.toString());
        }
        assertEquals("rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)),
                "the configured directory is left as it was");
    }

    @Test
    void unreadableFolders_areSkipped_oneLine_andLeftAsTheyWere() throws Exception {
        Path run = Hosts.scratch("unreadable");
        Path dir = Files.createDirectories(run.resolve("data"));
        // a folder of the layout, the agent user's, that it cannot read; and a foreign one
        Path locked = Files.createDirectories(dir.resolve("service=locked/year=2026"));
        Files.write(locked.resolve("notes.txt"), new byte[] {1});
        Path privateFolder = Files.createDirectories(dir.resolve("private"));
        Files.write(privateFolder.resolve("secret.json.gz"), new byte[] {2});
        AsUser.giveTo(run, dir, dir.resolve("service=locked"), locked, locked.resolve("notes.txt"));
        Files.setPosixFilePermissions(dir.resolve("service=locked"), PosixFilePermissions.fromString("-wx------"));
        Files.setPosixFilePermissions(privateFolder, PosixFilePermissions.fromString("---------"));
        Snapshot before = Snapshot.of(dir);

        List<String> command = new ArrayList<>(AsUser.prefix(run));
        command.addAll(List.of(Jdk.all().get(0).java().toString(), "-XX:-UsePerfData",
                Hosts.javaagent("dir=" + dir + ",interval=1s,roll_time=1s,service=svc"),
                "-jar", Hosts.agentJar().toString(), "demo-workload", "4"));
        Child agent = Child.start(command, run, Map.of());
        assertEquals(0, agent.waitFor(Hosts.RUN_TIMEOUT), agent.describe());

        before.assertIntactIn(Snapshot.of(dir));
        List<String> lines = agent.stderr();
        assertEquals(1, lines.stream().filter(l -> l.startsWith("[roxxane] cannot read 1 of the agent's folders under"
                + " dir='" + dir + "', e.g. " + dir.resolve("service=locked"))).count(), agent.describe());
        assertEquals(1, lines.stream().filter(l -> l.contains("holds what the agent did not write: 1 entry (1 folder), e.g. "
                + privateFolder)).count(), agent.describe());
        assertFalse(samples(ownFiles(dir)).isEmpty(), agent.describe());
        Files.setPosixFilePermissions(privateFolder, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(dir.resolve("service=locked"), PosixFilePermissions.fromString("rwx------"));
    }
}
