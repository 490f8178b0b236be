package io.roxxane.agent.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A regular file of the layout, owned by the agent's user, as a walk found it. */
public final class OwnedFile {
    private final Path path;
    private final List<String> folders;
    private final String name;
    private final long size;
    private final long lastModifiedMillis;

    OwnedFile(Path path, List<String> folders, String name, long size, long lastModifiedMillis) {
        this.path = path;
        this.folders = Collections.unmodifiableList(new ArrayList<String>(folders));
        this.name = name;
        this.size = size;
        this.lastModifiedMillis = lastModifiedMillis;
    }

    /** Where it is, for messages and for readers; operations that change it go through {@link OwnedTree}. */
    public Path path() {
        return path;
    }

    /** The owned folders from the directory down to the file's folder. */
    public List<String> folders() {
        return folders;
    }

    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    public long lastModifiedMillis() {
        return lastModifiedMillis;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
