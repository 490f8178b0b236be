package io.roxxane.agent.sink.file;

import io.roxxane.agent.log.AgentLog;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Rescues the files an agent left in progress when its JVM died (kill -9, a crash, power loss):
 * a hidden {@code .part-….json.gz.inprogress} whose gzip stream ends abruptly. Readers skip such
 * files and the disk cap never deletes them, so without this they would hold their samples out of
 * every query and pile up. An in-progress file untouched for longer than any live writer keeps
 * one open is read up to its last whole line, those lines are written as a closed file beside it,
 * and it is deleted.
 */
final class OrphanSalvage {
    static final String SALVAGED_MARK = "-salvaged";

    private final long staleMillis;

    /** @param staleMillis how long a file must have been untouched to count as left behind */
    OrphanSalvage(long staleMillis) {
        this.staleMillis = staleMillis;
    }

    /** Salvages the stale in-progress files among {@code inProgress}; returns how many it took away. */
    int salvage(List<File> inProgress, long nowMillis) {
        long saved = 0;
        int files = 0;
        for (File orphan : inProgress) {
            long modified = orphan.lastModified();
            if (modified == 0 || nowMillis - modified < staleMillis) {
                continue; // gone meanwhile, or possibly still being written
            }
            try {
                saved += salvage(orphan);
                files++;
            } catch (IOException | RuntimeException e) {
                AgentLog.warnLimited("file-sink-salvage", "cannot salvage " + orphan + ", left by a stopped agent: "
                        + AgentLog.describe(e));
            }
        }
        if (files > 0) {
            AgentLog.info("salvaged " + saved + " samples from " + files + " file(s) left in progress by stopped"
                    + " agents, e.g. " + inProgress.get(0).getParent());
        }
        return files;
    }

    private static long salvage(File orphan) throws IOException {
        byte[] lines = wholeLines(orphan);
        long samples = 0;
        for (byte b : lines) {
            if (b == '\n') {
                samples++;
            }
        }
        if (samples > 0) {
            File target = new File(orphan.getParentFile(), closedName(orphan.getName()));
            File temporary = new File(orphan.getParentFile(), orphan.getName() + SALVAGED_MARK);
            OutputStream out = new GZIPOutputStream(new BufferedOutputStream(new FileOutputStream(temporary)));
            try {
                out.write(lines);
            } finally {
                out.close();
            }
            if (!temporary.renameTo(target)) {
                temporary.delete();
                throw new IOException("cannot rename " + temporary.getName() + " to " + target.getName());
            }
        }
        if (!orphan.delete()) {
            throw new IOException("cannot delete it");
        }
        return samples;
    }

    /** The decompressed content up to its last newline; a torn gzip stream ends the reading. */
    static byte[] wholeLines(File file) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        InputStream in = new FileInputStream(file);
        try {
            InputStream gzip = new GZIPInputStream(in);
            byte[] chunk = new byte[8_192];
            int n;
            try {
                while ((n = gzip.read(chunk)) > 0) {
                    content.write(chunk, 0, n);
                }
            } catch (IOException torn) {
                // the JVM died mid-stream: keep what came before
            }
        } catch (IOException noHeader) {
            return new byte[0]; // not even a gzip header was written
        } finally {
            in.close();
        }
        byte[] bytes = content.toByteArray();
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        byte[] whole = new byte[end];
        System.arraycopy(bytes, 0, whole, 0, end);
        return whole;
    }

    /** {@code .part-X.json.gz.inprogress} becomes {@code part-X-salvaged.json.gz}. */
    static String closedName(String inProgressName) {
        String name = inProgressName;
        if (name.startsWith(FileSink.IN_PROGRESS_PREFIX)) {
            name = name.substring(FileSink.IN_PROGRESS_PREFIX.length());
        }
        if (name.endsWith(FileSink.IN_PROGRESS_SUFFIX)) {
            name = name.substring(0, name.length() - FileSink.IN_PROGRESS_SUFFIX.length());
        }
        if (name.endsWith(FileSink.FILE_SUFFIX)) {
            name = name.substring(0, name.length() - FileSink.FILE_SUFFIX.length());
        }
        return name + SALVAGED_MARK + FileSink.FILE_SUFFIX;
    }
}
