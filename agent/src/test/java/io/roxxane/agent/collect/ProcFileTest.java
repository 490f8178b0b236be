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

    @Test
    void read_keepsTheFileOpenAndSeesWhatWasWrittenSince() throws Exception {
        Path path = dir.resolve("counter");
        Files.writeString(path, "usage_usec 100\n");
        ProcFile file = new ProcFile(path.toString(), 64);
        assertTrue(file.read());
        assertTrue(file.isOpen());
        assertEquals(100, file.keyedNumber("usage_usec "));
        Files.writeString(path, "usage_usec 12345\nnr_periods 7\n"); // rewritten in place, as the kernel does
        assertTrue(file.read());
        assertEquals(12345, file.keyedNumber("usage_usec "));
        assertEquals(7, file.keyedNumber("nr_periods "));
        file.close();
        assertFalse(file.isOpen());
        assertTrue(file.read(), "a read after close opens the file again");
        assertEquals(7, file.keyedNumber("nr_periods "));
    }

    @Test
    void read_ofAProcFileKeptOpen_isGeneratedAfreshEachTime() throws Exception {
        ProcFile stat = new ProcFile("/proc/self/stat", 64); // utime and stime advance as this thread burns
        assertTrue(stat.read());
        String first = stat.text(0, stat.length());
        CpuBurner.burnThreadCpu(50_000_000L);
        assertTrue(stat.read());
        assertTrue(stat.isOpen());
        assertFalse(first.equals(stat.text(0, stat.length())), "the same content after 50 ms of CPU: " + first);
    }

    @Test
    void read_whenTheFileAppearsLater_opensItThen() throws Exception {
        Path path = dir.resolve("later");
        ProcFile file = new ProcFile(path.toString(), 64);
        assertFalse(file.read());
        assertFalse(file.isOpen());
        Files.writeString(path, "max\n");
        assertTrue(file.read());
        assertEquals("max", file.text(0, file.lineEnd(0)));
    }

    @Test
    void lineHelpers_findTokensWithinALine() throws Exception {
        ProcFile psi = file("some avg10=1.50 avg60=0.20 avg300=0.00 total=123456\n"
                + "full avg10=0.00 avg60=0.00 avg300=0.00 total=42\n", 64);
        int full = psi.lineStartingWith("full ", 0);
        assertEquals(psi.nextLine(0) + "full ".length(), full);
        assertEquals(42, psi.number(psi.find("total=", full, psi.lineEnd(full))));
        assertEquals(1.5, psi.decimal(psi.find("avg10=", 0, psi.lineEnd(0))), 1e-9);
        assertEquals(-1, psi.find("total=", 0, psi.lineEnd(0) - 10), "not past the given end");
        assertEquals(psi.length(), psi.nextLine(full));
        assertEquals(-1, psi.keyedNumber("partial "));
    }

    @Test
    void read_multiRecordProcFilesLargerThanAPage_comeWhole() throws Exception {
        // seq_file hands these out a page at a time; a short read above half a page is not the end.
        for (String path : new String[] {"/proc/vmstat", "/proc/zoneinfo", "/proc/self/mountinfo", "/proc/cpuinfo"}) {
            assertReadWhole(new ProcFile(path, 64), path); // grows by reads the kernel fills
            assertReadWhole(new ProcFile(path, 65_536), path); // one large read the kernel cuts short
        }
    }

    private static void assertReadWhole(ProcFile file, String path) {
        for (int read = 1; read <= 2; read++) { // from a fresh open, then from offset 0 again
            assertTrue(file.read(), path);
            int lines = 0;
            for (int at = 0; at < file.length(); at = file.nextLine(at)) {
                lines++;
            }
            assertEquals(ProcFiles.lines(path).size(), lines, path + ": every line, read " + read);
            assertEquals('\n', file.at(file.length() - 1), path + " ends with its last line");
        }
    }
}
