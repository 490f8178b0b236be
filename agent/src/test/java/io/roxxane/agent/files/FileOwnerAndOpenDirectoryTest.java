package io.roxxane.agent.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.log.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOwnerAndOpenDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void probe_learnsTheUser_andLeavesNothing() throws Exception {
        FileOwner owner = FileOwner.probe(dir);
        assertEquals(Files.getOwner(dir).getName(), owner.toString());
        assertEquals(0, dir.toFile().list().length);
    }

    @Test
    void risk_namesAnOthersWritableDirectoryWithoutStickyBit() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        String risk = OpenDirectory.risk("dir", dir);
        assertTrue(risk.startsWith("dir='" + dir + "' is writable by every user of this machine and has no sticky bit"),
                risk);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AgentLog.redirectForTests(new PrintStream(err, true));
        try {
            OpenDirectory.warnIfOpen("spool", dir);
        } finally {
            AgentLog.redirectForTests(null);
        }
        assertEquals(1, err.toString().split("\n").length, err.toString());
        assertTrue(err.toString().startsWith("[roxxane] spool='"), err.toString());

        Files.setAttribute(dir, "unix:mode", 01777); // as /tmp: the sticky bit
        assertNull(OpenDirectory.risk("dir", dir));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertNull(OpenDirectory.risk("dir", dir), "group-writable only: not the others-writable risk");
        assertNull(OpenDirectory.risk("dir", dir.resolve("missing")));
    }
}
