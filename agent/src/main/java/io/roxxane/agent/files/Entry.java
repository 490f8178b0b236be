package io.roxxane.agent.files;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;

/** One directory entry as the file system describes it, read without following a link. */
public final class Entry {
    /** What an entry is; a link is never resolved to what it points at. */
    public enum Kind {
        FILE, FOLDER, LINK, OTHER
    }

    private final String name;
    private final Kind kind;
    private final long size;
    private final long lastModifiedMillis;
    private final UserPrincipal owner;

    Entry(String name, Kind kind, long size, long lastModifiedMillis, UserPrincipal owner) {
        this.name = name;
        this.kind = kind;
        this.size = size;
        this.lastModifiedMillis = lastModifiedMillis;
        this.owner = owner;
    }

    static Entry of(String name, BasicFileAttributes attributes) {
        Kind kind = attributes.isSymbolicLink() ? Kind.LINK
                : attributes.isDirectory() ? Kind.FOLDER
                : attributes.isRegularFile() ? Kind.FILE
                : Kind.OTHER;
        UserPrincipal owner = attributes instanceof PosixFileAttributes ? ((PosixFileAttributes) attributes).owner() : null;
        return new Entry(name, kind, attributes.size(), attributes.lastModifiedTime().toMillis(), owner);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public long size() {
        return size;
    }

    public long lastModifiedMillis() {
        return lastModifiedMillis;
    }

    /** The owning user, or null where the file system has no POSIX owner. */
    public UserPrincipal owner() {
        return owner;
    }

    /** "a symbolic link", "a folder", … for messages. */
    String describeKind() {
        switch (kind) {
            case LINK:
                return "a symbolic link";
            case FOLDER:
                return "a folder";
            case FILE:
                return "a file";
            default:
                return "a special file";
        }
    }
}
