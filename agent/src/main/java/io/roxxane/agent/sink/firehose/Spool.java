package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.config.ConfigException;
import io.roxxane.agent.log.AgentLog;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.BufferedInputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The disk spool ({@code spool=DIR}): batches of records that could not be sent, one file each,
 * replayed oldest first, also by the next JVM that starts with the same directory. Files are
 * named by an increasing key, so the order of the names is the order of the samples; a file is
 * written to a temporary name and renamed, so a crash leaves whole files or none. The directory
 * is capped at {@code spool_max} bytes: the oldest files are deleted first, their samples counted
 * as dropped. A lock file keeps two JVMs from sharing one spool.
 *
 * <p>File format: {@code RXSPOOL1}, int records, int samples, then per record: int samples,
 * int length, bytes. Used only by the sender thread (and at shutdown by it alone).
 */
final class Spool {
    static final String SUFFIX = ".spool";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final String LOCK_FILE = "spool.lock";
    private static final byte[] MAGIC = {'R', 'X', 'S', 'P', 'O', 'O', 'L', '1'};
    private static final int HEADER_BYTES = MAGIC.length + 8;

    private final File dir;
    private final long maxBytes;
    private final RandomAccessFile lockFile;
    private final FileLock lock;
    private final TreeMap<Long, Entry> files = new TreeMap<Long, Entry>();
    private long totalBytes;
    private long nextKey;

    private Spool(File dir, long maxBytes, RandomAccessFile lockFile, FileLock lock) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /**
     * Opens (creating) the spool directory and indexes the files a previous JVM left.
     *
     * @return null, after one warning, when another process holds this spool
     * @throws ConfigException when the directory cannot be created or written
     */
    static Spool open(File dir, long maxBytes) throws ConfigException {
        if (!dir.isDirectory() && !dir.mkdirs() && !dir.isDirectory()) {
            throw new ConfigException("invalid spool='" + dir + "': cannot create the directory; give a writable"
                    + " directory path or remove spool=; the agent stays off");
        }
        if (!dir.canWrite()) {
            throw new ConfigException("invalid spool='" + dir + "': the directory is not writable by this process;"
                    + " give a writable directory path or remove spool=; the agent stays off");
        }
        RandomAccessFile lockFile = null;
        try {
            lockFile = new RandomAccessFile(new File(dir, LOCK_FILE), "rw");
            FileLock lock;
            try {
                lock = lockFile.getChannel().tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                lockFile.close();
                AgentLog.warn("spool='" + dir + "' is in use by another process: running without a spool; give each"
                        + " JVM its own spool directory");
                return null;
            }
            Spool spool = new Spool(dir, maxBytes, lockFile, lock);
            spool.index();
            return spool;
        } catch (IOException e) {
            closeQuietly(lockFile);
            throw new ConfigException("invalid spool='" + dir + "': " + AgentLog.describe(e)
                    + "; give a writable directory path or remove spool=; the agent stays off");
        }
    }

    private void index() {
        File[] listed = dir.listFiles();
        if (listed == null) {
            return;
        }
        for (File file : listed) {
            String name = file.getName();
            if (name.endsWith(TEMP_SUFFIX)) {
                file.delete(); // a write a crash interrupted; its batch was never acknowledged anywhere
                continue;
            }
            if (!name.endsWith(SUFFIX)) {
                continue;
            }
            long key;
            try {
                key = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
            } catch (NumberFormatException e) {
                continue;
            }
            files.put(key, new Entry(file, file.length(), readSampleCount(file)));
            totalBytes += file.length();
            nextKey = Math.max(nextKey, key + 1);
        }
    }

    /** A key for a batch not written yet; keys order batches by the age of their samples. */
    long reserveKey() {
        return nextKey++;
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    int fileCount() {
        return files.size();
    }

    long totalBytes() {
        return totalBytes;
    }

    /** The oldest file's key, or -1 when empty. */
    long headKey() {
        return files.isEmpty() ? -1 : files.firstKey();
    }

    /** Samples held in the spool. */
    long samples() {
        long count = 0;
        for (Entry entry : files.values()) {
            count += Math.max(0, entry.samples);
        }
        return count;
    }

    /**
     * Reads one file's records.
     *
     * @throws IOException when the file is unreadable or damaged; the caller then {@link #discard}s it
     */
    List<PackedRecord> read(long key) throws IOException {
        Entry entry = files.get(key);
        if (entry == null) {
            throw new IOException("no spool file with key " + key);
        }
        InputStream raw = new BufferedInputStream(new FileInputStream(entry.file), 65_536);
        try {
            DataInputStream in = new DataInputStream(raw);
            readHeaderMagic(in);
            int records = in.readInt();
            in.readInt(); // samples, known from the index
            if (records < 0 || records > FirehoseLimits.MAX_RECORDS_PER_BATCH) {
                throw new IOException("bad record count " + records);
            }
            List<PackedRecord> result = new ArrayList<PackedRecord>(records);
            for (int i = 0; i < records; i++) {
                int samples = in.readInt();
                int length = in.readInt();
                if (length < 0 || length > FirehoseLimits.MAX_RECORD_BYTES || samples < 0) {
                    throw new IOException("bad record length " + length);
                }
                byte[] data = new byte[length];
                in.readFully(data);
                result.add(new PackedRecord(data, samples));
            }
            return result;
        } finally {
            raw.close();
        }
    }

    /**
     * Writes a batch under {@code key}, replacing any file with that key. To make room, deletes
     * the oldest files other than {@code keepKey}, adding their samples to the returned count.
     *
     * @return samples dropped: those of deleted files, plus the batch's own when it cannot fit
     *     even in an empty spool or cannot be written (then the batch is not in the spool)
     * @throws IOException when the batch cannot be written; its samples are not counted then
     */
    long write(long key, List<PackedRecord> records, long keepKey) throws IOException {
        long size = HEADER_BYTES;
        int samples = 0;
        for (PackedRecord record : records) {
            size += 8 + record.size();
            samples += record.samples();
        }
        Entry previous = files.get(key);
        long room = maxBytes - (totalBytes - (previous == null ? 0 : previous.bytes));
        long dropped = 0;
        if (size > maxBytes) {
            return samples;
        }
        while (room < size) {
            Long oldest = oldestExcept(key, keepKey);
            if (oldest == null) {
                return dropped + samples;
            }
            Entry evicted = files.remove(oldest);
            evicted.file.delete();
            totalBytes -= evicted.bytes;
            room += evicted.bytes;
            dropped += Math.max(0, evicted.samples);
        }
        File target = fileFor(key);
        File temp = new File(dir, target.getName() + TEMP_SUFFIX);
        FileOutputStream out = new FileOutputStream(temp);
        try {
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 65_536));
            data.write(MAGIC);
            data.writeInt(records.size());
            data.writeInt(samples);
            for (PackedRecord record : records) {
                data.writeInt(record.samples());
                data.writeInt(record.size());
                data.write(record.data());
            }
            data.flush();
            out.getChannel().force(true);
        } catch (IOException e) {
            out.close();
            temp.delete();
            throw e;
        }
        out.close();
        move(temp, target);
        if (previous != null) {
            totalBytes -= previous.bytes;
        }
        files.put(key, new Entry(target, size, samples));
        totalBytes += size;
        nextKey = Math.max(nextKey, key + 1);
        return dropped;
    }

    /** Deletes a file whose batch was delivered. */
    void remove(long key) {
        Entry entry = files.remove(key);
        if (entry != null) {
            entry.file.delete();
            totalBytes -= entry.bytes;
        }
    }

    /** Deletes a damaged file; returns how many samples it claimed to hold (0 if unknown). */
    long discard(long key) {
        Entry entry = files.get(key);
        remove(key);
        return entry == null ? 0 : Math.max(0, entry.samples);
    }

    /** Releases the directory lock. */
    void close() {
        try {
            lock.release();
        } catch (Throwable ignored) {
            // best effort
        }
        closeQuietly(lockFile);
    }

    File directory() {
        return dir;
    }

    private Long oldestExcept(long key, long keepKey) {
        for (Map.Entry<Long, Entry> e : files.entrySet()) {
            if (e.getKey() != key && e.getKey() != keepKey) {
                return e.getKey();
            }
        }
        return null;
    }

    private File fileFor(long key) {
        return new File(dir, String.format("%019d%s", key, SUFFIX));
    }

    private static void move(File from, File to) throws IOException {
        try {
            Files.move(from.toPath(), to.toPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from.toPath(), to.toPath(), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static int readSampleCount(File file) {
        try {
            DataInputStream in = new DataInputStream(new FileInputStream(file));
            try {
                readHeaderMagic(in);
                in.readInt();
                return in.readInt();
            } finally {
                in.close();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    private static void readHeaderMagic(DataInputStream in) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        try {
            in.readFully(magic);
        } catch (EOFException e) {
            throw new IOException("truncated spool file");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (magic[i] != MAGIC[i]) {
                throw new IOException("not a Roxxane spool file");
            }
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static final class Entry {
        final File file;
        final long bytes;
        final int samples;

        Entry(File file, long bytes, int samples) {
            this.file = file;
            this.bytes = bytes;
            this.samples = samples;
        }
    }

}
