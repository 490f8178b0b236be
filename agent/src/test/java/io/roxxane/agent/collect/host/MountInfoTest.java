package io.roxxane.agent.collect.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.collect.ProcFiles;
import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountInfoTest {
    @Test
    void parse_lineWithOptionalFieldsAndEscapes_readsEveryField() {
        Mount mount = MountInfo.parse("72 31 8:17 /exports/a\\040b /srv/data\\040disk rw,noatime shared:39 master:2 - xfs "
                + "/dev/sdb1 rw,attr2,inode64");
        assertEquals("8:17", mount.device());
        assertEquals("/exports/a b", mount.root());
        assertEquals("/srv/data disk", mount.mountPoint());
        assertEquals("xfs", mount.type());
        assertEquals("/dev/sdb1", mount.source());
        assertEquals("rw,attr2,inode64", mount.superOptions());
        assertTrue(mount.hasSuperOption("inode64"));
        assertTrue(mount.hasSuperOption("rw"));
        assertFalse(mount.hasSuperOption("attr"));
    }

    @Test
    void parse_cgroupV1Mount_superOptionsNameItsControllers() {
        Mount mount = MountInfo.parse("31 30 0:28 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid - cgroup cgroup rw,cpu,cpuacct");
        assertEquals("/sys/fs/cgroup/cpu,cpuacct", mount.mountPoint());
        assertTrue(mount.hasSuperOption("cpu"));
        assertTrue(mount.hasSuperOption("cpuacct"));
        assertFalse(mount.hasSuperOption("cpuset"));
    }

    @Test
    void parse_malformedLines_areSkipped() {
        assertNull(MountInfo.parse(""));
        assertNull(MountInfo.parse("36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 ext3 /dev/root rw"), "no separator");
        assertNull(MountInfo.parse("36 35 98:0 /mnt1 /mnt2 rw - ext3"), "no source");
        assertEquals("", MountInfo.parse("36 35 98:0 / /mnt rw - ext3 /dev/root").superOptions());
    }

    @Test
    void unescape_decodesOctalAndLeavesOtherBackslashes() {
        assertEquals("a\tb\\c\nd", MountInfo.unescape("a\\011b\\134c\\012d"));
        assertEquals("a\\9", MountInfo.unescape("a\\9"));
        assertEquals("end\\04", MountInfo.unescape("end\\04"));
    }

    @Test
    void read_recordedFile_readsEveryLine() {
        List<Mount> mounts = MountInfo.read(Fixtures.path("mountinfo/ubuntu-host").toFile());
        assertEquals(23, mounts.size());
        assertEquals("/", mounts.get(5).mountPoint());
        assertEquals("/dev/mapper/ubuntu--vg-ubuntu--lv", mounts.get(5).source());
        assertNull(MountInfo.read(new File("/nonexistent/mountinfo")));
    }

    @Test
    void read_thisProcess_agreesWithTheFileSplitPlainly() {
        List<String> lines = ProcFiles.lines("/proc/self/mountinfo");
        List<Mount> mounts = MountInfo.read(new File("/proc/self/mountinfo"));
        assertEquals(lines.size(), mounts.size());
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(" ");
            int dash = java.util.Arrays.asList(f).indexOf("-");
            assertEquals(f[4].replace("\\040", " "), mounts.get(i).mountPoint());
            assertEquals(f[dash + 1], mounts.get(i).type());
            assertEquals(f[2], mounts.get(i).device());
        }
    }
}
