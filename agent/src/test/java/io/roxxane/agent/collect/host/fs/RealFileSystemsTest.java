package io.roxxane.agent.collect.host.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roxxane.agent.collect.host.Fixtures;
import io.roxxane.agent.collect.host.Mount;
import io.roxxane.agent.collect.host.MountInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which mounts count, on recorded mountinfo files (host/mountinfo). */
class RealFileSystemsTest {
    @Test
    void choose_eksContainer_nodeDiskOnceByItsShortestBindAndTheVolume() {
        // The node's xfs disk is bind-mounted four times; overlay, tmpfs, proc, sysfs, cgroup2, NFS are not real.
        assertEquals(List.of("/data ext4 /dev/nvme1n1", "/etc/hosts xfs /dev/nvme0n1p1"), chosen("eks-container"));
    }

    @Test
    void choose_ubuntuHost_leavesOutSnapsOverlaySshfsAndTheBindOfADirectory() {
        assertEquals(List.of("/ ext4 /dev/mapper/ubuntu--vg-ubuntu--lv", "/boot ext4 /dev/sda2", "/boot/efi vfat /dev/sda1",
                "/srv/data disk xfs /dev/sdb1"), chosen("ubuntu-host"));
    }

    @Test
    void choose_fedoraBtrfs_countsTheSubvolumesOfOneVolumeOnce() {
        assertEquals(List.of("/ btrfs /dev/nvme0n1p3", "/boot ext4 /dev/nvme0n1p2", "/boot/efi vfat /dev/nvme0n1p1"),
                chosen("fedora-btrfs"));
    }

    @Test
    void choose_preferTheWholeFileSystemOverABindMountWhateverTheOrder() {
        Mount bind = new Mount("8:17", "/exports/builds", "/b", "xfs", "/dev/sdb1", "rw");
        Mount whole = new Mount("8:17", "/", "/srv/longer/path", "xfs", "/dev/sdb1", "rw");
        assertEquals("/srv/longer/path", RealFileSystems.choose(List.of(bind, whole)).get(0).mountPoint());
        assertEquals("/srv/longer/path", RealFileSystems.choose(List.of(whole, bind)).get(0).mountPoint());
        Mount tmpfsNamedLikeADevice = new Mount("0:40", "/", "/dev/shm", "tmpfs", "/dev/shm", "rw");
        assertEquals(List.of(), RealFileSystems.choose(List.of(tmpfsNamedLikeADevice)));
    }

    private static List<String> chosen(String fixture) {
        List<String> described = new ArrayList<>();
        for (Mount mount : RealFileSystems.choose(MountInfo.read(Fixtures.path("mountinfo/" + fixture).toFile()))) {
            described.add(mount.mountPoint() + " " + mount.type() + " " + mount.source());
        }
        return described;
    }
}
