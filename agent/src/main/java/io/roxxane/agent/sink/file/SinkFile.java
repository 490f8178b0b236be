package io.roxxane.agent.sink.file;

import io.roxxane.agent.files.Descriptors;
import io.roxxane.agent.files.OwnedFolder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.util.zip.GZIPOutputStream;

/**
 * One gzip file being written in its partition folder, under its hidden in-progress name until
 * {@link #finish} renames it. A file that cannot be started (a full disk refuses even the gzip
 * header) is deleted at once, and its name is used again by the next attempt: a failing disk gets
 * no new file per attempt.
 */
final class SinkFile {
    final String partition;
    final String name;
    final String temporary;
    final long openedAtMillis;
    private final OwnedFolder folder;
    private final SeekableByteChannel channel;
    private final OutputStream out;
    long uncompressedBytes;
    long samples;
    private boolean discarded;

    private SinkFile(String partition, String name, long openedAtMillis, OwnedFolder folder,
            SeekableByteChannel channel, OutputStream out) {
        this.partition = partition;
        this.name = name;
        this.temporary = SinkLayout.inProgressName(name);
        this.openedAtMillis = openedAtMillis;
        this.folder = folder;
        this.channel = channel;
        this.out = out;
    }

    /**
     * Starts {@code name} in {@code folder} (which the file then closes). An in-progress file of
     * the same name can only be this sink's own leftover of a failed attempt: it is replaced.
     */
    static SinkFile start(OwnedFolder folder, String partition, String name, long nowMillis) throws IOException {
        String temporary = SinkLayout.inProgressName(name);
        try {
            SeekableByteChannel channel;
            try {
                channel = folder.createFile(temporary);
            } catch (FileAlreadyExistsException ownLeftover) {
                folder.delete(temporary);
                channel = folder.createFile(temporary);
            }
            try {
                OutputStream out = new GZIPOutputStream(Channels.newOutputStream(channel), 16_384);
                return new SinkFile(partition, name, nowMillis, folder, channel, out);
            } catch (IOException | RuntimeException e) {
                Descriptors.closeQuietly(channel);
                deleteQuietly(folder, temporary);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    void write(byte[] line) throws IOException {
        out.write(line);
        uncompressedBytes += line.length;
        samples++;
    }

    /**
     * Completes the gzip stream and gives the file its visible name. When the stream cannot be
     * completed the file is discarded; when only the rename fails, the whole file stays under its
     * in-progress name, and the disk cap salvages it as this sink's leftover.
     */
    void finish() throws IOException {
        try {
            out.close();
        } catch (IOException | RuntimeException e) {
            discard();
            throw e;
        }
        try {
            folder.renameNoReplace(temporary, name);
        } finally {
            folder.close();
        }
    }

    /** Whether the file was thrown away, its samples with it. */
    boolean discarded() {
        return discarded;
    }

    /** Throws the file away (after a write failed); never throws. */
    void discard() {
        if (discarded) {
            return;
        }
        discarded = true;
        try {
            out.close();
        } catch (IOException | RuntimeException ignored) {
            // the stream failed already; the channel is closed below in any case
        }
        Descriptors.closeQuietly(channel);
        deleteQuietly(folder, temporary); // left only if even this fails: the disk cap takes it later
        folder.close();
    }

    private static void deleteQuietly(OwnedFolder folder, String temporary) {
        try {
            folder.delete(temporary);
        } catch (IOException | RuntimeException ignored) {
            // cleaned up by the disk cap once the file system works again
        }
    }
}
