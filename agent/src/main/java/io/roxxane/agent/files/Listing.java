package io.roxxane.agent.files;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The result of a walk: the agent's own files and a count of everything else. */
public final class Listing {
    private final List<OwnedFile> files = new ArrayList<OwnedFile>();
    private final ForeignEntries foreign = new ForeignEntries();

    void add(OwnedFile file) {
        files.add(file);
    }

    /** The agent's files, in walk order (folders and names sorted). */
    public List<OwnedFile> files() {
        return Collections.unmodifiableList(files);
    }

    public ForeignEntries foreign() {
        return foreign;
    }

    /** The bytes of the agent's files: what a cap counts. */
    public long ownBytes() {
        long total = 0;
        for (OwnedFile file : files) {
            total += file.size();
        }
        return total;
    }
}
