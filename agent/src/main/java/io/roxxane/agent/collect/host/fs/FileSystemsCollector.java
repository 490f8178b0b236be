package io.roxxane.agent.collect.host.fs;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.host.Mount;
import io.roxxane.agent.collect.host.MountInfo;
import io.roxxane.agent.sample.Sample;
import io.roxxane.agent.sample.Struct;
import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Space of every real mounted file system ({@link RealFileSystems}), by mount point: its device,
 * type, size, free bytes (statvfs {@code f_bfree}: including what is reserved for root) and
 * available bytes ({@code f_bavail}: what an unprivileged writer can still use, df's "Avail").
 * The mounts are read from /proc/self/mountinfo (this process's mount namespace: inside a
 * container, the container's mounts) at start and every {@link #RELIST_MS}; each sample then asks
 * each file system for its space through the JDK ({@link File#getTotalSpace()} and its siblings:
 * one {@code statvfs} each, no mount table read). A file system that does not answer (unmounted
 * since it was listed) is left out of that sample. Inode counts are not collected: the JDK does
 * not expose statvfs's {@code f_files} and {@code f_ffree}.
 */
public final class FileSystemsCollector implements Collector {
    static final long RELIST_MS = 60_000L;
    private static final ColumnType FILE_SYSTEM = Column.HOST_FILE_SYSTEMS.type().valueType();

    private final File mountinfo;
    private Entry[] entries = new Entry[0];
    private long listedAtMillis = Long.MIN_VALUE;

    public FileSystemsCollector() {
        this(new File("/proc/self/mountinfo"));
    }

    FileSystemsCollector(File mountinfo) {
        this.mountinfo = mountinfo;
        relist();
    }

    @Override
    public String name() {
        return "host-file-systems";
    }

    @Override
    public void collect(Sample sample) {
        long now = System.currentTimeMillis();
        if (now - listedAtMillis >= RELIST_MS) {
            relist();
        }
        Map<String, Struct> systems = new LinkedHashMap<String, Struct>(entries.length * 2);
        for (Entry entry : entries) {
            long total = entry.path.getTotalSpace(); // 0 when it cannot be asked
            if (total <= 0) {
                continue;
            }
            systems.put(entry.mountPoint, new Struct(FILE_SYSTEM)
                    .set("device", entry.device)
                    .set("type", entry.type)
                    .set("total_bytes", total)
                    .set("free_bytes", entry.path.getFreeSpace())
                    .set("available_bytes", entry.path.getUsableSpace()));
        }
        sample.set(Column.HOST_FILE_SYSTEMS, systems);
    }

    private void relist() {
        listedAtMillis = System.currentTimeMillis();
        List<Mount> mounts = MountInfo.read(mountinfo);
        if (mounts == null) {
            entries = new Entry[0];
            return;
        }
        List<Mount> real = RealFileSystems.choose(mounts);
        Entry[] fresh = new Entry[real.size()];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = new Entry(real.get(i));
        }
        entries = fresh;
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

        Entry(Mount mount) {
            this.mountPoint = mount.mountPoint();
            this.device = mount.source();
            this.type = mount.type();
            this.path = new File(mount.mountPoint());
        }
    }
}
