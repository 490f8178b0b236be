package io.roxxane.agent.hostsafety;

import io.roxxane.agent.identity.ProcessId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.cli.attach.AttachRefusedException;
import io.roxxane.agent.cli.attach.Attacher;
import io.roxxane.agent.cli.attach.PerfDataScanner;
import io.roxxane.agent.cli.attach.ProcessFacts;
import io.roxxane.agent.cli.attach.ProcessInspector;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks the attach command makes before it touches a target (no attach API needed). */
class AttacherTest {
    @TempDir
    Path tmp;

    private Attacher attacher() {
        return new Attacher(new ProcessInspector(), null, new PerfDataScanner(tmp.toFile()), null);
    }

    private AttachRefusedException refused(String pid, String args) {
        return assertThrows(AttachRefusedException.class, () -> attacher().attach(pid, args));
    }

    @Test
    void attach_whenArgumentsInvalid_refusesWithUsageExitNamingKeyAndValue() {
        AttachRefusedException e = refused("1", "interval=0s");
        assertEquals(AttachRefusedException.USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith("invalid interval='0s'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; nothing attached"), e.getMessage());
    }

    @Test
    void attach_whenPidNotANumber_refusesWithUsageExit() {
        AttachRefusedException e = refused("12ab", "");
        assertEquals(AttachRefusedException.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("'12ab'"), e.getMessage());
    }

    @Test
    void attach_whenPidIsThisJvm_refuses() {
        AttachRefusedException e = refused(Long.toString(ProcessId.current()), "");
        assertEquals(AttachRefusedException.PROBLEM, e.exitCode());
        assertTrue(e.getMessage().contains("own JVM"), e.getMessage());
    }

    @Test
    void attach_whenNoSuchProcess_refusesPointingToList() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        AttachRefusedException e = refused(Long.toString(gone.pid()), "");
        assertEquals("no process with pid " + gone.pid() + ": run 'java -jar roxxane.jar list' to see the JVMs you can"
                + " attach to", e.getMessage());
    }

    @Test
    void attach_whenProcessIsNotAJvm_refuses() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            AttachRefusedException e = refused(Long.toString(sleep.pid()), "sink=log");
            assertTrue(e.getMessage().startsWith("process " + sleep.pid() + " (sleep) is not a Java virtual machine"),
                    e.getMessage());
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void inspect_whenThisJvm_seesAJvmOfThisUser() {
        ProcessInspector inspector = new ProcessInspector();
        ProcessFacts facts = inspector.inspect(ProcessId.current());
        assertEquals(Boolean.TRUE, facts.exists());
        assertEquals(Boolean.TRUE, facts.javaVm());
        assertEquals(inspector.currentUid(), facts.ownerUid());
        assertTrue(facts.executable().endsWith(File.separator + "java"), facts.executable());
    }

    @Test
    void pids_whenPerfDataFolders_listsNumericFilesOfEveryUser() throws Exception {
        Files.createDirectories(tmp.resolve("hsperfdata_alice"));
        Files.createFile(tmp.resolve("hsperfdata_alice").resolve("123"));
        Files.createFile(tmp.resolve("hsperfdata_alice").resolve("notapid"));
        Files.createDirectories(tmp.resolve("hsperfdata_bob"));
        Files.createFile(tmp.resolve("hsperfdata_bob").resolve("456"));
        Files.createDirectories(tmp.resolve("other"));
        Files.createFile(tmp.resolve("other").resolve("789"));
        PerfDataScanner scanner = new PerfDataScanner(tmp.toFile());
        assertEquals(java.util.Set.of(123L, 456L), new java.util.HashSet<>(scanner.pids()));
        assertTrue(scanner.hasFileFor(456));
    }
}
