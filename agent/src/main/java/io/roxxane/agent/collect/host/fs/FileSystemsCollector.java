package io.roxxane.agent.collect.host.fs;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Every;
import io.roxxane.agent.collect.host.Mount;
import io.roxxane.agent.collect.host.MountInfo;
import io.roxxane.agent.sample.Sample;
import io.roxxane.agent.sample.Struct;
import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import java.io.File;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Space of the file systems: that mounted at the root ({@code host_fs_root_*}: size, and the space
 * available to unprivileged writers), and every real mounted file system ({@link RealFileSystems})
 * by mount point ({@code host_file_systems}): its device, type, size, free bytes (statvfs
 * {@code f_bfree}: including what is reserved for root) and available bytes ({@code f_bavail},
 * df's "Avail").
 *
 * <p>The mounts are read from /proc/self/mountinfo (this process's mount namespace: inside a
 * container, the container's mounts) at start and every {@link #RELIST_MS}, and each file
 * system's size is asked then; each sample asks for the free and available space through the JDK
 * ({@link File#getFreeSpace()}, {@link File#getUsableSpace()}: one {@code statvfs} each, no mount
 * table read), and the root's figures come from its entry when the root is a real file system
 * (else one more {@code statvfs}, of "/": in a container, the overlay). A file system that did
 * not answer when listed is left out until the next listing; one unmounted since shows, until
 * then, the figures of what lies under its mount point. Inode counts are not collected: the JDK
 * does not expose statvfs's {@code f_files} and {@code f_ffree}.
 */
public final class FileSystemsCollector implements Collector {
    static final long RELIST_MS = 60_000L;
    private static final ColumnType FILE_SYSTEM = Column.HOST_FILE_SYSTEMS.type().valueType();

    private final File mountinfo;
    private final File root;
    private Entry[] entries = new Entry[0];
    /** The entry of the root file system; null when the root is not a real one (a container's overlay). */
    private Entry rootEntry;
    private long rootTotal;
    private final Every relisting = Every.millis(RELIST_MS).fromNow();

    public FileSystemsCollector() {
        this(new File("/proc/self/mountinfo"), new File("/"));
    }

    FileSystemsCollector(File mountinfo, File root) {
        this.mountinfo = mountinfo;
        this.root = root;
        relist();
    }

    @Override
    public void collect(Sample sample) {
        if (relisting.due()) {
            relist();
        }
        Map<String, Struct> systems = new LinkedHashMap<String, Struct>(entries.length * 2);
        for (Entry entry : entries) {
            entry.available = entry.path.getUsableSpace();
            systems.put(entry.mountPoint, new Struct(FILE_SYSTEM)
                    .set("device", entry.device)
                    .set("type", entry.type)
                    .set("total_bytes", entry.total)
                    .set("free_bytes", entry.path.getFreeSpace())
                    .set("available_bytes", entry.available));
        }
        sample.set(Column.HOST_FILE_SYSTEMS, systems);
        if (rootTotal > 0) {
            sample.set(Column.HOST_FS_ROOT_TOTAL_BYTES, rootTotal)
                    .set(Column.HOST_FS_ROOT_FREE_BYTES, rootEntry != null ? rootEntry.available : root.getUsableSpace());
        }
    }

    private void relist() {
        List<Mount> mounts = MountInfo.read(mountinfo);
        List<Mount> real = mounts == null ? Collections.<Mount>emptyList() : RealFileSystems.choose(mounts);
        Entry[] fresh = new Entry[real.size()];
        int count = 0;
        rootEntry = null;
        for (Mount mount : real) {
            Entry entry = new Entry(mount);
            if (entry.total > 0) { // 0: the JDK could not ask it
                fresh[count++] = entry;
                if (mount.mountPoint().equals("/")) {
                    rootEntry = entry;
                }
            }
        }
        entries = Arrays.copyOf(fresh, count);
        rootTotal = rootEntry != null ? rootEntry.total : root.getTotalSpace();
    }

    /** The mount points reported, for tests. */
    String[] mountPoints() {
        String[] points = new String[entries.length];
        for (int i = 0; i < entries.length; i++) {
            points[i] = entries[i].mountPoint;
        }
        return points;
    }

    private static final class Entry {
        final String mountPoint;
        final String device;
        final String type;
        final File path;
        final long total;
        long available;

        Entry(Mount mount) {
            this.mountPoint = mount.mountPoint();
            this.device = mount.source();
            this.type = mount.type();
            this.path = new File(mount.mountPoint());
            this.total = path.getTotalSpace();
        }
    }
}
