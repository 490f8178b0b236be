package io.roxxane.agent.collect.host.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** host_fs_root_*: the file system mounted at the root, whether it is a real one (a host) or not (a container's overlay). */
class RootFileSystemTest {
    @Test
    void collect_whenRead_agreesWithFileRoot() throws Exception {
        Sample sample = new Sample();
        new FileSystemsCollector().collect(sample);
        File root = new File("/");
        long total = sample.getLong(Column.HOST_FS_ROOT_TOTAL_BYTES, -1);
        assertEquals(root.getTotalSpace(), total);
        // "Free" is the space available to unprivileged writers (statvfs f_bavail, df's "Avail"),
        // not counting blocks reserved for root.
        long free = sample.getLong(Column.HOST_FS_ROOT_FREE_BYTES, -1);
        long usable = root.getUsableSpace();
        assertTrue(Math.abs(free - usable) <= total / 100, "free " + free + " vs usable " + usable);
        assertTrue(free <= root.getFreeSpace() + total / 100 && free <= total);
    }

    @Test
    void collect_whenRead_agreesWithDf() throws Exception {
        // An independent source: coreutils' df, in its own process.
        Process df = new ProcessBuilder("df", "-B1", "--output=size,avail", "/").redirectErrorStream(true).start();
        String[] lines = new String(df.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .trim().split("\n");
        assertEquals(0, df.waitFor(), String.join("\n", lines));
        Sample sample = new Sample();
        new FileSystemsCollector().collect(sample);
        String[] fields = lines[lines.length - 1].trim().split("\\s+");
        long total = sample.getLong(Column.HOST_FS_ROOT_TOTAL_BYTES, -1);
        assertEquals(Long.parseLong(fields[0]), total, "size as df reports it");
        long dfAvail = Long.parseLong(fields[1]);
        long free = sample.getLong(Column.HOST_FS_ROOT_FREE_BYTES, -1);
        assertTrue(Math.abs(free - dfAvail) <= total / 100, "free " + free + " vs df's Avail " + dfAvail);
    }

    @Test
    void collect_rootNotARealFileSystem_askedOnItsOwn(@TempDir Path dir) throws Exception {
        // As in a container: the root is an overlay, which the mount list leaves out.
        Path mountinfo = dir.resolve("mountinfo");
        java.nio.file.Files.writeString(mountinfo, "1364 1271 0:318 / / rw,relatime - overlay overlay rw\n");
        Sample sample = new Sample();
        new FileSystemsCollector(mountinfo.toFile(), new File("/")).collect(sample);
        assertEquals(new File("/").getTotalSpace(), sample.getLong(Column.HOST_FS_ROOT_TOTAL_BYTES, -1));
        long free = sample.getLong(Column.HOST_FS_ROOT_FREE_BYTES, -1);
        assertTrue(Math.abs(free - new File("/").getUsableSpace()) <= new File("/").getTotalSpace() / 100);
        assertEquals(null, sample.get(Column.HOST_FILE_SYSTEMS), "no real file system listed");
    }
}
