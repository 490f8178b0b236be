package io.roxxane.agent.collect.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.io.File;
import org.junit.jupiter.api.Test;

class RootFileSystemCollectorTest {
    @Test
    void collect_whenRead_agreesWithFileRoot() throws Exception {
        Sample sample = new Sample();
        new RootFileSystemCollector().collect(sample);
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
}
