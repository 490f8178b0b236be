package io.roxxane.agent.cli.attach;

import io.roxxane.agent.identity.ProcessId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process whose memory maps cannot be read (another user's, or pid 1 in a container) is only
 * attached to when it catches SIGQUIT: HotSpot's attach sends that signal, which ends a process
 * that does not handle it.
 */
class QuitSignalCheckTest {
    private static final long PID = 4242;

    @TempDir
    Path proc;

    /** A fake /proc with this pid's status file and no readable maps. */
    private ProcessInspector inspectorWithSigCgt(String sigCgt) throws Exception {
        Files.createDirectories(proc.resolve("self"));
        Path dir = Files.createDirectories(proc.resolve(Long.toString(PID)));
        Files.writeString(dir.resolve("comm"), "process_api\n");
        Files.writeString(dir.resolve("status"), "Name:\tprocess_api\nSigBlk:\t0000000000000000\nSigIgn:\t0000000000001000\n"
                + "SigCgt:\t" + sigCgt + "\n");
        return new ProcessInspector(proc);
    }

    @Test
    void attach_whenMapsUnreadableAndSigquitNotCaught_refusesWithoutSignalling() throws Exception {
        Attacher attacher = new Attacher(inspectorWithSigCgt("0000000000004002"), null,
                new PerfDataScanner(proc.resolve("no-perf-data").toFile()), null);
        AttachRefusedException e = assertThrows(AttachRefusedException.class,
                () -> attacher.attach(Long.toString(PID), ""));
        assertEquals(AttachRefusedException.PROBLEM, e.exitCode());
        assertTrue(e.getMessage().startsWith("process " + PID + " (process_api) does not handle SIGQUIT"), e.getMessage());
    }

    @Test
    void inspect_readsTheSigquitBitOfSigCgt() throws Exception {
        assertEquals(Boolean.FALSE, inspectorWithSigCgt("0000000000004002").inspect(PID).handlesQuitSignal());
        assertEquals(Boolean.TRUE, inspectorWithSigCgt("0000000000000004").inspect(PID).handlesQuitSignal());
        assertNull(inspectorWithSigCgt("0000000000000004").inspect(PID).javaVm(), "no maps: unknown, not 'no'");
    }

    @Test
    void inspect_whenThisJvm_handlesSigquit() {
        ProcessInspector real = new ProcessInspector(Paths.get("/proc"));
        assertEquals(Boolean.TRUE, real.inspect(ProcessId.current()).handlesQuitSignal());
    }
}
