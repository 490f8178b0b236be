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
    private final BasicFileAttributes attributes;

    private Entry(String name, BasicFileAttributes attributes) {
        this.name = name;
        this.attributes = attributes;
    }

    /** The entry {@code name}, as {@code attributes} (read without following a link) describe it. */
    static Entry of(String name, BasicFileAttributes attributes) {
        return new Entry(name, attributes);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return attributes.isSymbolicLink() ? Kind.LINK
                : attributes.isDirectory() ? Kind.FOLDER
                : attributes.isRegularFile() ? Kind.FILE
                : Kind.OTHER;
    }

    public long size() {
        return attributes.size();
    }

    public long lastModifiedMillis() {
        return attributes.lastModifiedTime().toMillis();
    }

    /** The owning user, or null where the file system has no POSIX owner. */
    public UserPrincipal owner() {
        return attributes instanceof PosixFileAttributes ? ((PosixFileAttributes) attributes).owner() : null;
    }

    /** "a symbolic link", "a folder", … for messages. */
    String describeKind() {
        switch (kind()) {
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
