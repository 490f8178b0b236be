package io.roxxane.agent.spool;

import io.roxxane.agent.files.FileOwner;
import io.roxxane.agent.files.Listing;
import io.roxxane.agent.files.OpenDirectory;
import io.roxxane.agent.files.OwnedFile;
import io.roxxane.agent.files.OwnedFolder;
import io.roxxane.agent.files.OwnedLayout;
import io.roxxane.agent.files.OwnedTree;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The spool directory under the agent's one rule for files ({@code io.roxxane.agent.files}): the
 * spool creates, reads and deletes only the names of {@link SpoolFiles}, directly in the
 * directory, owned by the agent's user, never through a link; files are created {@code rw-r-----}
 * and the directory {@code rwxr-x---}; everything else there is left exactly as it is. Thread-safe
 * (the collector thread creates segments while the sender thread deletes them).
 */
final class SpoolDirectory {
    /** The spool's names, directly in the directory; no folders. */
    static final OwnedLayout LAYOUT = new OwnedLayout() {
        @Override
        public boolean isOwnedFolder(List<String> parents, String name) {
            return false;
        }

        @Override
        public boolean isOwnedFile(List<String> folders, String name) {
            return folders.isEmpty() && SpoolFiles.isSpoolName(name);
        }
    };

    private final OwnedTree tree;
    private final OwnedFolder folder;

    private SpoolDirectory(OwnedTree tree, OwnedFolder folder) {
        this.tree = tree;
        this.folder = folder;
    }

    /**
     * Creates the directory if missing, proves it writable, learns the agent's user, and warns once
     * when others may write there without the sticky bit.
     */
    static SpoolDirectory open(File dir) throws IOException {
        Path path = dir.toPath();
        OwnedFolder.createDirectories(path);
        FileOwner owner = FileOwner.probe(path);
        OpenDirectory.warnIfOpen("spool", path);
        return new SpoolDirectory(new OwnedTree(path, LAYOUT, owner), OwnedFolder.openRoot(path));
    }

    File file() {
        return tree.root().toFile();
    }

    /** The spool's own files now in the directory (of every instance), by name. */
    List<String> ownNames() {
        Listing listing = tree.list();
        List<String> names = new ArrayList<String>();
        for (OwnedFile file : listing.files()) {
            names.add(file.name());
        }
        return names;
    }

    /** Creates the new file {@code name} for writing; fails if any entry has that name. */
    synchronized FileChannel createFile(String name) throws IOException {
        SeekableByteChannel channel = folder.createFile(name);
        if (channel instanceof FileChannel) {
            return (FileChannel) channel;
        }
        channel.close();
        throw new IOException(name + ": this file system gives no file channel");
    }

    /** Opens (creating) the file {@code name}: a lock or acknowledgement file. */
    synchronized FileChannel openOrCreate(String name) throws IOException {
        return folder.openOrCreate(name);
    }

    /** Opens the existing file {@code name} for reading, never through a link. */
    FileChannel openForReading(String name) throws IOException {
        return FileChannel.open(tree.root().resolve(name), java.nio.file.StandardOpenOption.READ,
                java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** Deletes the spool's file {@code name} if it is there; a failure leaves it for the next tidy-up. */
    synchronized void deleteQuietly(String name) {
        if (!SpoolFiles.isSpoolName(name)) {
            throw new IllegalArgumentException("not a spool file name: " + name);
        }
        try {
            folder.delete(name);
        } catch (NoSuchFileException gone) {
            // deleted meanwhile
        } catch (IOException | RuntimeException e) {
            // left for the next tidy-up
        }
    }

    synchronized void close() {
        folder.close();
    }
}
