package io.roxxane.agent.files;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One open folder; every operation names an entry directly in it and never follows a link. Where
 * the platform has a {@link SecureDirectoryStream} (Linux) the folder is an open descriptor and
 * each operation is relative to it ({@code openat}, {@code fstatat}, {@code unlinkat},
 * {@code renameat} with {@code O_NOFOLLOW} / {@code AT_SYMLINK_NOFOLLOW}): a folder replaced by a
 * link after it was checked is refused instead of entered. Elsewhere each operation first reads
 * the entry without following links (a narrow race remains there). Not thread-safe.
 */
public final class OwnedFolder implements Closeable {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    private static final Set<OpenOption> CREATE = options(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW);
    private static final Set<OpenOption> READ = options(StandardOpenOption.READ, NOFOLLOW);
    private static final Set<OpenOption> OPEN_OR_CREATE =
            options(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE, NOFOLLOW);

    /** Tests switch this off to run the path-based fallback on Linux. */
    static volatile boolean secureStreams = true;

    private final Path path;
    private final SecureDirectoryStream<Path> secure;

    private OwnedFolder(Path path, SecureDirectoryStream<Path> secure) {
        this.path = path;
        this.secure = secure;
    }

    /**
     * Opens the directory the user configured. Its own path is taken as given (a link there is the
     * user's choice); only what is found inside is held to the rule.
     */
    public static OwnedFolder openRoot(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NotDirectoryException(root.toString());
        }
        if (secureStreams) {
            DirectoryStream<Path> stream = Files.newDirectoryStream(root);
            if (stream instanceof SecureDirectoryStream) {
                return new OwnedFolder(root, (SecureDirectoryStream<Path>) stream);
            }
            stream.close();
        }
        return new OwnedFolder(root, null);
    }

    /**
     * Creates the directory the user configured and its missing parents, each {@code rwxr-x---}
     * (an existing one is left as it is).
     */
    public static void createDirectories(Path dir) throws IOException {
        try {
            Files.createDirectories(dir, Modes.folder());
        } catch (UnsupportedOperationException noPosix) {
            Files.createDirectories(dir);
        }
    }

    public Path path() {
        return path;
    }

    /** The names in this folder, sorted. */
    public List<String> names() throws IOException {
        List<String> names = new ArrayList<String>();
        DirectoryStream<Path> stream = secure != null
                ? secure.newDirectoryStream(path.getFileSystem().getPath("."), NOFOLLOW)
                : Files.newDirectoryStream(path);
        try {
            for (Path entry : stream) {
                names.add(entry.getFileName().toString());
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        } finally {
            stream.close();
        }
        Collections.sort(names);
        return names;
    }

    /** The entry {@code name} in this folder, a link described as a link. */
    public Entry stat(String name) throws IOException {
        Path relative = relative(name);
        BasicFileAttributes attributes;
        if (secure != null) {
            PosixFileAttributeView posix = secure.getFileAttributeView(relative, PosixFileAttributeView.class, NOFOLLOW);
            attributes = posix != null ? posix.readAttributes()
                    : secure.getFileAttributeView(relative, BasicFileAttributeView.class, NOFOLLOW).readAttributes();
        } else {
            attributes = readAttributes(path.resolve(relative));
        }
        return Entry.of(name, attributes);
    }

    /** This folder itself, as it is now (through the open descriptor where there is one). */
    public Entry self() throws IOException {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        if (secure != null) {
            PosixFileAttributeView posix = secure.getFileAttributeView(PosixFileAttributeView.class);
            return Entry.of(name, posix != null ? posix.readAttributes()
                    : secure.getFileAttributeView(BasicFileAttributeView.class).readAttributes());
        }
        return Entry.of(name, readAttributes(path));
    }

    /** Whether {@code name} exists here (a link counts). */
    public boolean exists(String name) throws IOException {
        try {
            stat(name);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * Opens the folder {@code name} in this one.
     *
     * @throws FileSystemException when it is a link or not a folder
     */
    public OwnedFolder openFolder(String name) throws IOException {
        Path relative = relative(name);
        Path child = path.resolve(relative);
        Entry entry = stat(name);
        if (entry.kind() != Entry.Kind.FOLDER) {
            throw new FileSystemException(child.toString(), null, "is " + entry.describeKind() + ", not a folder");
        }
        if (secure == null) {
            return new OwnedFolder(child, null);
        }
        // O_NOFOLLOW: should a link have taken its place since the check above, this fails
        return new OwnedFolder(child, (SecureDirectoryStream<Path>) secure.newDirectoryStream(relative, NOFOLLOW));
    }

    /**
     * Opens the folder {@code name} in this one, creating it ({@code rwxr-x---}) when missing.
     *
     * @throws FileSystemException when something that is not a folder has the name
     */
    public OwnedFolder createFolder(String name) throws IOException {
        Path child = path.resolve(relative(name));
        if (!exists(name)) {
            try {
                try {
                    Files.createDirectory(child, Modes.folder());
                } catch (UnsupportedOperationException noPosix) {
                    Files.createDirectory(child);
                }
            } catch (FileAlreadyExistsException meanwhile) {
                // another agent created it: openFolder checks what it is
            }
        }
        return openFolder(name);
    }

    /**
     * Creates the new file {@code name} ({@code rw-r-----}) for writing; fails if any entry, a
     * link included, has the name.
     */
    public SeekableByteChannel createFile(String name) throws IOException {
        Path relative = relative(name);
        FileAttribute<?> mode = Modes.file();
        try {
            return secure != null ? secure.newByteChannel(relative, CREATE, mode)
                    : Files.newByteChannel(path.resolve(relative), CREATE, mode);
        } catch (UnsupportedOperationException noPosix) {
            return secure != null ? secure.newByteChannel(relative, CREATE)
                    : Files.newByteChannel(path.resolve(relative), CREATE);
        }
    }

    /**
     * Opens the file {@code name} for reading and writing, creating it ({@code rw-r-----}) when
     * missing: for a lock file ({@link FileChannel#tryLock()}). A link is refused.
     */
    public FileChannel openOrCreate(String name) throws IOException {
        Path relative = relative(name);
        SeekableByteChannel channel;
        try {
            channel = secure != null ? secure.newByteChannel(relative, OPEN_OR_CREATE, Modes.file())
                    : Files.newByteChannel(path.resolve(relative), OPEN_OR_CREATE, Modes.file());
        } catch (UnsupportedOperationException noPosix) {
            channel = secure != null ? secure.newByteChannel(relative, OPEN_OR_CREATE)
                    : Files.newByteChannel(path.resolve(relative), OPEN_OR_CREATE);
        }
        if (channel instanceof FileChannel) {
            return (FileChannel) channel;
        }
        channel.close();
        throw new IOException(path.resolve(relative) + ": this file system gives no lockable channel");
    }

    /** Opens the file {@code name} for reading; a link is refused. */
    public InputStream read(String name) throws IOException {
        Path relative = relative(name);
        return Channels.newInputStream(secure != null ? secure.newByteChannel(relative, READ)
                : Files.newByteChannel(path.resolve(relative), READ));
    }

    /**
     * Renames {@code from} to {@code to} in this folder.
     *
     * @throws FileAlreadyExistsException when {@code to} exists: nothing is replaced
     */
    public void renameNoReplace(String from, String to) throws IOException {
        Path source = relative(from);
        Path target = relative(to);
        if (exists(to)) {
            throw new FileAlreadyExistsException(path.resolve(target).toString());
        }
        if (secure != null) {
            secure.move(source, secure, target);
        } else {
            Files.move(path.resolve(source), path.resolve(target));
        }
    }

    /**
     * Deletes the entry {@code name}, which must not be a folder (a link is removed itself, never
     * what it points at).
     */
    public void delete(String name) throws IOException {
        Path relative = relative(name);
        Entry entry = stat(name);
        if (entry.kind() == Entry.Kind.FOLDER) {
            throw new FileSystemException(path.resolve(relative).toString(), null, "is a folder, not a file");
        }
        if (secure != null) {
            secure.deleteFile(relative);
        } else {
            Files.delete(path.resolve(relative));
        }
    }

    /** Removes the folder {@code name} if it is empty; false when it is not empty or gone. */
    public boolean deleteEmptyFolder(String name) throws IOException {
        Path relative = relative(name);
        try {
            if (stat(name).kind() != Entry.Kind.FOLDER) {
                return false;
            }
            if (secure != null) {
                secure.deleteDirectory(relative);
            } else {
                Files.delete(path.resolve(relative));
            }
            return true;
        } catch (DirectoryNotEmptyException | NoSuchFileException notNow) {
            return false;
        }
    }

    @Override
    public void close() {
        Descriptors.closeQuietly(secure); // nothing was written through the folder's own descriptor
    }

    /** {@code name} as a path of one element; anything else (a separator, "..") is a bug. */
    private Path relative(String name) {
        Path relative = name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('\0') >= 0 ? null
                : path.getFileSystem().getPath(name);
        if (relative == null || relative.isAbsolute() || relative.getNameCount() != 1) {
            throw new IllegalArgumentException("not a single file name: '" + name + "'");
        }
        return relative;
    }

    private static BasicFileAttributes readAttributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, PosixFileAttributes.class, NOFOLLOW);
        } catch (UnsupportedOperationException noPosix) {
            return Files.readAttributes(file, BasicFileAttributes.class, NOFOLLOW);
        }
    }

    private static Set<OpenOption> options(OpenOption... options) {
        return Collections.unmodifiableSet(new HashSet<OpenOption>(Arrays.asList(options)));
    }
}
