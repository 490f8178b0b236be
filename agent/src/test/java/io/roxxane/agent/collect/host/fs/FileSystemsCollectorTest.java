package io.roxxane.agent.collect.host.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.sample.Sample;
import io.roxxane.agent.sample.Struct;
import io.roxxane.schema.Column;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemsCollectorTest {
    @Test
    void collect_onThisMachine_reportsWhatDfReportsForEveryDeviceBackedFileSystem() throws Exception {
        // An independent source: coreutils' df in its own process. It lists each device once too
        // (it drops bind mounts of a device it has shown); the real file systems are its rows mounted
        // from a device node (and none of them is a read-only image here).
        Map<String, String[]> df = df();
        Sample sample = new Sample();
        new FileSystemsCollector().collect(sample);
        @SuppressWarnings("unchecked")
        Map<String, Struct> systems = (Map<String, Struct>) sample.get(Column.HOST_FILE_SYSTEMS);
        assertEquals(df.keySet(), new TreeMap<>(systems).keySet(), "mount points");
        for (Map.Entry<String, Struct> entry : systems.entrySet()) {
            String[] row = df.get(entry.getKey());
            Struct fs = entry.getValue();
            long size = Long.parseLong(row[2]);
            assertEquals(row[0], fs.get("device"));
            assertEquals(row[1], fs.get("type"));
            assertEquals(size, fs.get("total_bytes"), entry.getKey());
            long slack = size / 1_000; // the disk is shared with other builds
            long free = (Long) fs.get("free_bytes");
            long dfFree = size - Long.parseLong(row[3]); // df's Used is size less f_bfree
            assertTrue(Math.abs(free - dfFree) <= slack, entry.getKey() + " free " + free + " vs df " + dfFree);
            long available = (Long) fs.get("available_bytes");
            long dfAvail = Long.parseLong(row[4]);
            assertTrue(Math.abs(available - dfAvail) <= slack, entry.getKey() + " available " + available + " vs df " + dfAvail);
            assertTrue(available <= free, "available leaves out root's reserve");
        }
    }

    @Test
    void collect_recordedMounts_listsTheRealOnesThatAnswer(@TempDir Path dir) throws Exception {
        // The fixture's mount points do not exist on this machine, except "/" (and maybe /boot): only they answer.
        Path mountinfo = dir.resolve("mountinfo");
        Files.writeString(mountinfo, Files.readString(io.roxxane.agent.collect.host.Fixtures.path("mountinfo/ubuntu-host")));
        FileSystemsCollector collector = new FileSystemsCollector(mountinfo.toFile(), new java.io.File("/"));
        List<String> expected = new ArrayList<>(List.of("/"));
        for (String point : List.of("/boot", "/boot/efi", "/srv/data disk")) {
            if (new java.io.File(point).getTotalSpace() > 0) {
                expected.add(point);
            }
        }
        assertEquals(expected, List.of(collector.mountPoints()));
        Sample sample = new Sample();
        collector.collect(sample);
        @SuppressWarnings("unchecked")
        Map<String, Struct> systems = (Map<String, Struct>) sample.get(Column.HOST_FILE_SYSTEMS);
        assertEquals(expected, new ArrayList<>(systems.keySet()));
        assertEquals("/dev/mapper/ubuntu--vg-ubuntu--lv", systems.get("/").get("device"), "as the mount table says");
        assertEquals(systems.get("/").get("total_bytes"), sample.get(Column.HOST_FS_ROOT_TOTAL_BYTES), "the root's entry");
        assertEquals(systems.get("/").get("available_bytes"), sample.get(Column.HOST_FS_ROOT_FREE_BYTES));
    }

    @Test
    void collect_withoutAMountTable_leavesTheColumnNull(@TempDir Path dir) {
        FileSystemsCollector collector = new FileSystemsCollector(dir.resolve("absent").toFile(), new java.io.File("/"));
        Sample sample = new Sample();
        collector.collect(sample);
        assertFalse(sample.has(Column.HOST_FILE_SYSTEMS));
    }

    /** df's rows of file systems mounted from a device node: mount point to source, type, size, used, avail. */
    private static Map<String, String[]> df() throws Exception {
        Process df = new ProcessBuilder("df", "-B1", "--output=source,fstype,size,used,avail,target")
                .redirectErrorStream(true).start();
        String[] lines = new String(df.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split("\n");
        assertEquals(0, df.waitFor(), String.join("\n", lines));
        Map<String, String[]> rows = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+", 6);
            if (f[0].startsWith("/dev/")) {
                rows.put(f[5], f);
            }
        }
        return rows;
    }
}
