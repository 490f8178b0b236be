package io.roxxane.agent.sink.file;

import io.roxxane.agent.sink.Sink;

import io.roxxane.agent.config.AgentConfig;
import io.roxxane.agent.config.ConfigException;
import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.sample.EncodedSample;
import io.roxxane.agent.stats.AgentStats;
import io.roxxane.schema.PartitionRule;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import io.roxxane.schema.PartitionKeys;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * The embedded default: samples as gzip JSON lines under the schema's partition layout,
 * {@code DIR/service=…/year=…/month=…/day=…/hour=…/part-….json.gz}, readable by DuckDB, Spark
 * and Athena as a Hive-partitioned data set.
 *
 * <p>A file is written under a hidden name ({@code .part-….json.gz.inprogress}, which readers
 * skip) and renamed once complete, so every visible file is a whole gzip stream. A file closes
 * when it holds {@code roll_size} bytes, when it is {@code roll_time} old, when the sample's hour
 * or service changes, and at shutdown. After each close, the oldest closed files are deleted
 * while the directory holds more than {@code max_disk} bytes. Several JVMs may share one
 * directory: file names carry a per-sink id, and only closed files are ever deleted.
 */
public final class FileSink implements Sink {
    static final String IN_PROGRESS_PREFIX = ".";
    static final String IN_PROGRESS_SUFFIX = ".inprogress";
    static final String FILE_SUFFIX = ".json.gz";
    /**
     * An in-progress file untouched this long was left by a stopped agent: a live one closes its
     * file within roll_time (at most an hour) and at every hour.
     */
    static final long ORPHAN_AFTER_MILLIS = 2 * 60 * 60_000L;

    private final File root;
    private final AgentStats stats;
    private final long rollSizeBytes;
    private final long rollTimeMillis;
    private final DiskCap diskCap;
    private final String sinkId = UUID.randomUUID().toString().substring(0, 8);

    private OpenFile current;
    private long fileCounter;
    private boolean closed;

    FileSink(File root, AgentStats stats, long rollSizeBytes, long rollTimeMillis, long maxDiskBytes) {
        this.root = root;
        this.stats = stats;
        this.rollSizeBytes = rollSizeBytes;
        this.rollTimeMillis = rollTimeMillis;
        this.diskCap = new DiskCap(root, maxDiskBytes, new OrphanSalvage(ORPHAN_AFTER_MILLIS));
    }

    /** Creates the sink, checking now that {@code dir} is a writable directory. */
    public static FileSink create(AgentConfig config, AgentStats stats) throws ConfigException {
        File root = config.dir().getAbsoluteFile();
        checkWritable(root);
        FileSink sink = new FileSink(root, stats, config.rollSizeBytes(), config.rollTimeMillis(), config.maxDiskBytes());
        try {
            sink.diskCap.enforce(); // files a stopped agent left behind, and the cap, from the start
        } catch (RuntimeException e) {
            AgentLog.warn("cannot tidy " + root + " at start: " + AgentLog.describe(e) + "; going on");
        }
        return sink;
    }

    static void checkWritable(File root) throws ConfigException {
        String problem = null;
        if (root.exists() && !root.isDirectory()) {
            problem = "it exists and is not a directory";
        } else if (!root.isDirectory() && !root.mkdirs()) {
            problem = "it cannot be created";
        } else {
            try {
                File probe = File.createTempFile(".roxxane-probe", ".tmp", root);
                if (!probe.delete()) {
                    probe.deleteOnExit();
                }
            } catch (IOException e) {
                problem = "it is not writable (" + e.getMessage() + ")";
            }
        }
        if (problem != null) {
            throw new ConfigException("invalid dir='" + root.getPath() + "': " + problem
                    + "; expected a writable directory path; the agent stays off");
        }
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

    private OpenFile open(PartitionKeys keys, long firstTs) throws IOException {
        File directory = new File(root, keys.path());
        if (!directory.isDirectory() && !directory.mkdirs() && !directory.isDirectory()) {
            throw new IOException("cannot create " + directory);
        }
        String name = "part-" + fileTime(keys, firstTs) + "-" + sinkId + "-" + (fileCounter++) + FILE_SUFFIX;
        File finalFile = new File(directory, name);
        File temporary = new File(directory, IN_PROGRESS_PREFIX + name + IN_PROGRESS_SUFFIX);
        return new OpenFile(keys.path(), temporary, finalFile, System.currentTimeMillis());
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
        OpenFile file = current;
        if (file == null) {
            return;
        }
        current = null;
        file.finish();
        diskCap.enforce();
    }

    private void abandonCurrent() {
        if (current != null) {
            current.discard();
            current = null;
        }
    }

    /** One gzip file being written. */
    private static final class OpenFile {
        final String partition;
        final File temporary;
        final File finalFile;
        final long openedAtMillis;
        final OutputStream out;
        long uncompressedBytes;

        OpenFile(String partition, File temporary, File finalFile, long openedAtMillis) throws IOException {
            this.partition = partition;
            this.temporary = temporary;
            this.finalFile = finalFile;
            this.openedAtMillis = openedAtMillis;
            this.out = new GZIPOutputStream(new FileOutputStream(temporary), 16_384);
        }

        void write(byte[] line) throws IOException {
            out.write(line);
            uncompressedBytes += line.length;
        }

        void finish() throws IOException {
            out.close();
            if (!temporary.renameTo(finalFile)) {
                throw new IOException("cannot rename " + temporary + " to " + finalFile.getName());
            }
        }

        void discard() {
            try {
                out.close();
            } catch (IOException ignored) {
                // the file is being thrown away
            }
            if (!temporary.delete()) {
                temporary.deleteOnExit();
            }
        }
    }
}
