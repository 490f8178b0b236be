package io.roxxane.agent.sink.file;

import io.roxxane.agent.config.AgentConfig;
import io.roxxane.agent.config.ConfigException;
import io.roxxane.agent.files.FileOwner;
import io.roxxane.agent.files.OpenDirectory;
import io.roxxane.agent.files.OwnedFolder;
import io.roxxane.agent.files.OwnedTree;
import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.sample.EncodedSample;
import io.roxxane.agent.sink.Sink;
import io.roxxane.agent.stats.AgentStats;
import io.roxxane.schema.PartitionKeys;
import io.roxxane.schema.PartitionRule;
import java.io.File;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.UUID;

/**
 * The embedded default: samples as gzip JSON lines under the schema's partition layout,
 * {@code DIR/service=…/year=…/month=…/day=…/hour=…/part-….json.gz}, readable by DuckDB, Spark
 * and Athena as a Hive-partitioned data set.
 *
 * <p>A file is written under a hidden name ({@code .part-….json.gz.inprogress}, which readers
 * skip) and renamed once complete, so every visible file is a whole gzip stream. A file closes
 * when it holds {@code roll_size} bytes, when it is {@code roll_time} old, when the sample's hour
 * or service changes, and at shutdown. After each close, the oldest closed files are deleted
 * while the agent's own files hold more than {@code max_disk} bytes. Several JVMs may share one
 * directory: file names carry a per-sink id, and only closed files are ever deleted. Every file
 * operation goes through {@link OwnedTree} with {@link SinkLayout}: the sink touches nothing in
 * {@code dir} that it did not write.
 */
public final class FileSink implements Sink {
    /**
     * An in-progress file untouched this long was left by a stopped agent: a live one closes its
     * file within roll_time (at most an hour) and at every hour.
     */
    static final long ORPHAN_AFTER_MILLIS = 2 * 60 * 60_000L;

    private final File root;
    private final AgentStats stats;
    private final long rollSizeBytes;
    private final long rollTimeMillis;
    private final OwnedTree tree;
    private final DiskCap diskCap;
    private final String sinkId = UUID.randomUUID().toString().substring(0, 8);

    private SinkFile current;
    private long fileCounter;
    private boolean closed;
    /** A write failed since the last file was started: own leftovers are tidied once it works again. */
    private boolean failing;

    FileSink(File root, FileOwner owner, AgentStats stats, long rollSizeBytes, long rollTimeMillis, long maxDiskBytes) {
        this.root = root;
        this.stats = stats;
        this.rollSizeBytes = rollSizeBytes;
        this.rollTimeMillis = rollTimeMillis;
        this.tree = new OwnedTree(root.toPath(), SinkLayout.INSTANCE, owner);
        this.diskCap = new DiskCap(tree, maxDiskBytes, new OrphanSalvage(sinkId, ORPHAN_AFTER_MILLIS));
    }

    /** Creates the sink, checking now that {@code dir} is a writable directory. */
    public static FileSink create(AgentConfig config, AgentStats stats) throws ConfigException {
        File root = config.dir().getAbsoluteFile();
        FileOwner owner = checkWritable(root);
        OpenDirectory.warnIfOpen("dir", root.toPath());
        FileSink sink = new FileSink(root, owner, stats, config.rollSizeBytes(), config.rollTimeMillis(),
                config.maxDiskBytes());
        try {
            sink.diskCap.enforce(null); // files a stopped agent left behind, and the cap, from the start
        } catch (RuntimeException e) {
            AgentLog.warn("cannot tidy " + root + " at start: " + AgentLog.describe(e) + "; going on");
        }
        return sink;
    }

    /**
     * Creates {@code root} if missing ({@code rwxr-x---}) and proves it writable with a probe
     * file, which also tells the agent's user.
     */
    static FileOwner checkWritable(File root) throws ConfigException {
        String problem;
        if (root.exists() && !root.isDirectory()) {
            problem = "it exists and is not a directory";
        } else {
            try {
                OwnedFolder.createDirectories(root.toPath());
                try {
                    return FileOwner.probe(root.toPath());
                } catch (IOException | RuntimeException e) {
                    problem = "it is not writable (" + AgentLog.describe(e) + ")";
                }
            } catch (IOException | RuntimeException e) {
                problem = "it cannot be created (" + AgentLog.describe(e) + ")";
            }
        }
        throw new ConfigException("invalid dir='" + root.getPath() + "': " + problem
                + "; expected a writable directory path; the agent stays off");
    }

    @Override
    public synchronized void accept(EncodedSample sample) {
        if (closed) {
            stats.samplesDropped(1);
            return;
        }
        try {
            PartitionKeys keys = PartitionRule.keysFor(sample.service(), sample.ts());
            String partition = keys.path();
            if (current != null && !current.partition.equals(partition)) {
                closeCurrent();
            }
            if (current == null) {
                current = open(keys, sample.ts());
                if (failing) {
                    failing = false;
                    diskCap.enforce(current.temporary); // this sink's leftovers from the failures
                }
            }
            current.write(sample.jsonLine());
            stats.delivered(1, sample.size(), System.currentTimeMillis());
            if (current.uncompressedBytes >= rollSizeBytes) {
                closeCurrent();
            }
        } catch (Throwable t) {
            stats.samplesDropped(1);
            stats.failed(AgentLog.describe(t), System.currentTimeMillis());
            AgentLog.warnLimited("file-sink", "cannot write samples under " + root + ": " + AgentLog.describe(t)
                    + "; samples are dropped until it works again");
            abandonCurrent();
        }
    }

    @Override
    public synchronized void tick(long nowMillis) {
        if (current != null && nowMillis - current.openedAtMillis >= rollTimeMillis) {
            try {
                closeCurrent();
            } catch (Throwable t) {
                AgentLog.warnLimited("file-sink", "cannot close a file under " + root + ": " + AgentLog.describe(t));
                abandonCurrent();
            }
        }
    }

    @Override
    public synchronized void close(long deadlineNanos) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeCurrent();
        } catch (Throwable t) {
            AgentLog.warn("cannot close the last file under " + root + ": " + AgentLog.describe(t));
            abandonCurrent();
        }
    }

    private SinkFile open(PartitionKeys keys, long firstTs) throws IOException {
        String name = SinkLayout.closedName(fileTime(keys, firstTs), sinkId, fileCounter);
        List<String> folders = PartitionFolders.of(keys);
        long now = System.currentTimeMillis();
        SinkFile file;
        try {
            file = SinkFile.start(tree.createFolders(folders), keys.path(), name, now);
        } catch (NoSuchFileException folderRemovedMeanwhile) {
            // another agent's disk cap removed the folder as it emptied: create it again, once
            file = SinkFile.start(tree.createFolders(folders), keys.path(), name, now);
        }
        fileCounter++; // only a started file takes a name: a failing disk gets the same one again
        return file;
    }

    /**
     * {@code yyyyMMdd'T'HHmmss'Z'} in UTC, from the partition's date and hour and the timestamp's
     * minute and second: {@code SimpleDateFormat} would load the JDK's locale data into the host.
     */
    static String fileTime(PartitionKeys keys, long tsMillis) {
        long minute = tsMillis / 60_000L % 60;
        long second = tsMillis / 1_000L % 60;
        return keys.year() + keys.month() + keys.day() + "T" + keys.hour() + (minute < 10 ? "0" : "") + minute
                + (second < 10 ? "0" : "") + second + "Z";
    }

    private void closeCurrent() throws IOException {
        SinkFile file = current;
        if (file == null) {
            return;
        }
        current = null;
        try {
            file.finish();
        } catch (IOException | RuntimeException e) {
            failing = true;
            if (file.discarded()) {
                stats.samplesDropped(file.samples);
            }
            throw e;
        }
        diskCap.enforce(null);
    }

    private void abandonCurrent() {
        failing = true;
        if (current != null) {
            current.discard();
            stats.samplesDropped(current.samples);
            current = null;
        }
    }
}
