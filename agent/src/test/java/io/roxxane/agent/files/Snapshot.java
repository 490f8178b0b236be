package io.roxxane.agent.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Every entry under a folder as it is now, links not followed: kind, permissions, modification
 * time, and a file's SHA-256 or a link's target. Two snapshots compare entry by entry, to show
 * that what the agent does not own is byte for byte as it was.
 */
public final class Snapshot {
    private final Path root;
    private final Map<String, String> entries;

    private Snapshot(Path root, Map<String, String> entries) {
        this.root = root;
        this.entries = entries;
    }

    /** Everything under {@code root} (the root itself excluded), links not followed. */
    public static Snapshot of(Path root) {
        Map<String, String> entries = new TreeMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root)) {
                        entries.put(relative(root, dir), "folder " + mode(dir));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String description;
                    if (attrs.isSymbolicLink()) {
                        description = "link -> " + Files.readSymbolicLink(file);
                    } else if (attrs.isRegularFile()) {
                        description = "file " + mode(file) + " " + attrs.lastModifiedTime().toMillis() + " "
                                + attrs.size() + " " + sha256(file);
                    } else {
                        description = "other " + mode(file);
                    }
                    entries.put(relative(root, file), description);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    entries.put(relative(root, file), "unreadable");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Snapshot(root, entries);
    }

    /** The entries whose relative path matches. */
    public Snapshot only(Predicate<String> relativePath) {
        Map<String, String> kept = new TreeMap<>();
        entries.forEach((path, description) -> {
            if (relativePath.test(path)) {
                kept.put(path, description);
            }
        });
        return new Snapshot(root, kept);
    }

    public int size() {
        return entries.size();
    }

    /** Asserts that every entry of this snapshot is in {@code now} exactly as it was. */
    public void assertIntactIn(Snapshot now) {
        Map<String, String> after = new TreeMap<>();
        entries.keySet().forEach(path -> after.put(path, now.entries.getOrDefault(path, "(gone)")));
        assertEquals(entries, after, "entries under " + root + " changed");
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    private static String mode(Path path) throws IOException {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        } catch (UnsupportedOperationException e) {
            return "-";
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
