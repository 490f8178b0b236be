package io.roxxane.agent.sink.file;

import io.roxxane.agent.files.OwnedFile;
import io.roxxane.agent.files.OwnedFolder;
import io.roxxane.agent.files.OwnedTree;
import io.roxxane.agent.log.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Rescues the files an agent left in progress when its JVM died (kill -9, a crash, power loss):
 * a hidden {@code .part-….json.gz.inprogress} whose gzip stream ends abruptly. Readers skip such
 * files and the disk cap never deletes them, so without this they would hold their samples out of
 * every query and pile up. An in-progress file untouched for longer than any live writer keeps
 * one open is read up to its last whole line, those lines are written as a closed
 * {@code part-…-salvaged.json.gz} beside it (through {@code .part-…-salvaged.json.gz.inprogress}),
 * and it is deleted. This sink's own leftovers (a file a failing disk kept it from finishing) are
 * taken at once, and an empty one of any agent after a minute: there is nothing to wait for.
 * Two agents salvaging the same file never both write it: the salvage's own file is created
 * exclusively and never replaces a finished one.
 */
final class OrphanSalvage {
    static final long EMPTY_AFTER_MILLIS = 60_000L;

    private final String ownSinkId;
    private final long staleMillis;

    /** @param staleMillis how long another agent's file must have been untouched to count as left behind */
    OrphanSalvage(String ownSinkId, long staleMillis) {
        this.ownSinkId = ownSinkId;
        this.staleMillis = staleMillis;
    }

    /**
     * Salvages the left-behind files among {@code inProgress}, except {@code writing} (the
     * sink's open file); returns how many it took away.
     */
    int salvage(OwnedTree tree, List<OwnedFile> inProgress, String writing, long nowMillis) {
        long saved = 0;
        int files = 0;
        OwnedFile example = null;
        for (OwnedFile orphan : inProgress) {
            if (orphan.name().equals(writing) || nowMillis - orphan.lastModifiedMillis() < waitMillis(orphan)) {
                continue; // possibly still being written
            }
            try {
                long samples = salvage(tree, orphan);
                if (samples >= 0) {
                    saved += samples;
                    files++;
                    example = example == null ? orphan : example;
                }
            } catch (IOException | RuntimeException e) {
                AgentLog.warnLimited("file-sink-salvage", "cannot salvage " + orphan + ", left by a stopped agent: "
                        + AgentLog.describe(e));
            }
        }
        if (saved > 0) {
            AgentLog.info("salvaged " + saved + " samples from " + files + " file(s) left in progress by stopped"
                    + " agents, e.g. " + example.path().getParent());
        }
        return files;
    }

    private long waitMillis(OwnedFile orphan) {
        if (SinkLayout.sinkId(orphan.name()).equals(ownSinkId) && !SinkLayout.isSalvage(orphan.name())) {
            return 0;
        }
        return orphan.size() == 0 ? EMPTY_AFTER_MILLIS : staleMillis;
    }

    /** Samples rescued from {@code orphan}, or -1 when another agent is salvaging it now. */
    private static long salvage(OwnedTree tree, OwnedFile orphan) throws IOException {
        String name = orphan.name();
        String target = SinkLayout.salvagedName(name);
        boolean isSalvage = SinkLayout.isSalvage(name);
        String temporary = SinkLayout.inProgressName(target);
        OwnedFolder folder;
        try {
            folder = tree.openFolders(orphan.folders());
        } catch (NoSuchFileException gone) {
            return -1;
        }
        try {
            if (folder.exists(target) || isSalvage && folder.exists(SinkLayout.salvageSource(name))) {
                deleteIfThere(folder, name); // salvaged already, or its source is still there to salvage
                return 0;
            }
            byte[] lines;
            InputStream in;
            try {
                in = folder.read(name);
            } catch (NoSuchFileException gone) {
                return -1;
            }
            try {
                lines = wholeLines(in);
            } finally {
                in.close();
            }
            if (isSalvage || lines.length == 0) {
                folder.delete(name); // a torn salvage's lines are in memory now; an empty file has none
            }
            if (lines.length == 0) {
                return 0;
            }
            if (!write(folder, temporary, lines)) {
                return -1;
            }
            try {
                folder.renameNoReplace(temporary, target);
            } catch (FileAlreadyExistsException salvagedMeanwhile) {
                folder.delete(temporary);
            }
            if (!isSalvage) {
                deleteIfThere(folder, name);
            }
            return count(lines);
        } finally {
            folder.close();
        }
    }

    /** Writes {@code lines} gzipped to the new file {@code name}; false when it exists (another agent's salvage). */
    private static boolean write(OwnedFolder folder, String name, byte[] lines) throws IOException {
        OutputStream out;
        try {
            out = Channels.newOutputStream(folder.createFile(name));
        } catch (FileAlreadyExistsException anotherSalvage) {
            return false;
        }
        try {
            OutputStream gzip = new GZIPOutputStream(out, 16_384);
            gzip.write(lines);
            gzip.close();
        } catch (IOException | RuntimeException e) {
            out.close();
            folder.delete(name);
            throw e;
        }
        return true;
    }

    private static void deleteIfThere(OwnedFolder folder, String name) throws IOException {
        try {
            folder.delete(name);
        } catch (NoSuchFileException gone) {
            // the other agent salvaging it was first
        }
    }

    private static long count(byte[] lines) {
        long samples = 0;
        for (byte b : lines) {
            if (b == '\n') {
                samples++;
            }
        }
        return samples;
    }

    /** The decompressed content up to its last newline; a torn gzip stream ends the reading. */
    static byte[] wholeLines(InputStream in) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
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
}
