package io.roxxane.agent.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFileTest {
    @TempDir
    Path dir;

    private ProcFile file(String content, int capacity) throws Exception {
        Path path = dir.resolve("f" + content.hashCode());
        Files.writeString(path, content);
        ProcFile file = new ProcFile(path.toString(), capacity);
        assertTrue(file.read());
        return file;
    }

    @Test
    void kbLineBytes_readsKeyedLinesAnywhereInTheFile() throws Exception {
        ProcFile meminfo = file("MemTotal:       24684092 kB\nMemFree:         1000 kB\nMemAvailable:   12199868 kB\n"
                + "SwapTotal:             0 kB\nSwapFree:              0 kB\n", 64); // grows past 64 bytes
        assertEquals(24684092L * 1024, meminfo.kbLineBytes("MemTotal:"));
        assertEquals(12199868L * 1024, meminfo.kbLineBytes("MemAvailable:"));
        assertEquals(0, meminfo.kbLineBytes("SwapFree:"));
        assertEquals(-1, meminfo.kbLineBytes("Hugepagesize:"));
        assertEquals(-1, meminfo.kbLineBytes("Free:"), "a key only matches at a line start");
    }

    @Test
    void decimalAndFields_parseLoadavg() throws Exception {
        ProcFile loadavg = file("10.59 7.6 0.05 3/401 21080\n", 64);
        assertEquals(10.59, loadavg.decimal(0), 1e-9);
        int at = loadavg.skipField(0);
        assertEquals(7.6, loadavg.decimal(at), 1e-9);
        at = loadavg.skipField(at);
        assertEquals(0.05, loadavg.decimal(at), 1e-9);
        assertTrue(Double.isNaN(loadavg.decimal(loadavg.length())));
    }

    @Test
    void number_rejectsWhatIsNotANumber() throws Exception {
        ProcFile text = file("cpu  abc 12 99999999999999999999\n", 64);
        int at = text.lineStartingWith("cpu ", 0);
        assertEquals(-1, text.number(at));
        at = text.skipField(at);
        assertEquals(12, text.number(at));
        at = text.skipField(at);
        assertEquals(-1, text.number(at), "too long for a long");
    }

    @Test
    void read_whenMaxBytesGiven_readsOnlyThatMuch_andMissingFileFails() throws Exception {
        ProcFile stat = file("cpu  1 2 3 4 5 6 7 8 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n", 16);
        assertTrue(stat.read(10));
        assertEquals(10, stat.length());
        ProcFile missing = new ProcFile(dir.resolve("absent").toString(), 16);
        assertFalse(missing.read());
        assertEquals(0, missing.length());
    }
}
