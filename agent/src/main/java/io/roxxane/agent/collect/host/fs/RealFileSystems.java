package io.roxxane.agent.collect.host.fs;

import io.roxxane.agent.collect.host.Mount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which mounts are real file systems, each counted once. A mount is real when
 * <ol>
 * <li>it is mounted from a device node ({@link Mount#source()} under {@code /dev/}: ext4, xfs,
 * btrfs, vfat on a disk, a partition, an LVM or RAID volume). That leaves out what keeps no data
 * on a local device: proc, sysfs, cgroup, devpts and the other kernel interfaces; tmpfs, ramfs and
 * devtmpfs (memory, which the memory figures count); overlay (a container's root, whose space is
 * that of the disk under it: {@code host_fs_root_*} has it); network and FUSE file systems (NFS,
 * EFS, CIFS, sshfs — whose {@code statvfs} may block while the server is away);</li>
 * <li>its type is not a read-only image, always full by construction (squashfs as in snaps and
 * AppImages, erofs, iso9660, udf, cramfs), nor one of the types above under a device-like name;</li>
 * <li>and it is the first mount of its source: bind mounts of the same device (a container sees
 * its node's disk at /etc/hosts, /etc/hostname and /dev/termination-log; kubelet mounts a volume
 * twice) and btrfs subvolumes of one volume share its space, so one entry stands for them — a
 * mount of the whole file system ({@link Mount#root()} "/") before a bind mount of a directory in
 * it, then the shortest mount point, then the first by name.</li>
 * </ol>
 * ZFS datasets (source a pool name, not a device) are not listed.
 */
public final class RealFileSystems {
    /** Types never counted, whatever their source says. */
    static final Set<String> EXCLUDED_TYPES = Collections.unmodifiableSet(new HashSet<String>(Arrays.asList(
            "squashfs", "erofs", "iso9660", "udf", "cramfs",
            "tmpfs", "ramfs", "devtmpfs", "overlay", "proc", "sysfs", "devpts", "cgroup", "cgroup2")));

    private static final Comparator<Mount> PREFERRED = new Comparator<Mount>() {
        @Override
        public int compare(Mount a, Mount b) {
            int byRoot = Boolean.compare(!a.root().equals("/"), !b.root().equals("/"));
            if (byRoot != 0) {
                return byRoot;
            }
            int byLength = Integer.compare(a.mountPoint().length(), b.mountPoint().length());
            return byLength != 0 ? byLength : a.mountPoint().compareTo(b.mountPoint());
        }
    };

    private RealFileSystems() {
    }

    /** Whether the mount is of a real file system (rules 1 and 2). */
    static boolean isReal(Mount mount) {
        return mount.source().startsWith("/dev/") && !EXCLUDED_TYPES.contains(mount.type());
    }

    /** One mount per real file system, sorted by mount point. */
    public static List<Mount> choose(List<Mount> mounts) {
        Map<String, Mount> bySource = new LinkedHashMap<String, Mount>();
        for (Mount mount : mounts) {
            if (!isReal(mount)) {
                continue;
            }
            Mount chosen = bySource.get(mount.source());
            if (chosen == null || PREFERRED.compare(mount, chosen) < 0) {
                bySource.put(mount.source(), mount);
            }
        }
        List<Mount> real = new ArrayList<Mount>(bySource.values());
        Collections.sort(real, new Comparator<Mount>() {
            @Override
            public int compare(Mount a, Mount b) {
                return a.mountPoint().compareTo(b.mountPoint());
            }
        });
        return real;
    }
}
