package io.roxxane.agent.sink.file;

import io.roxxane.agent.files.ForeignEntries;
import io.roxxane.agent.files.Listing;
import io.roxxane.agent.files.OwnedFile;
import io.roxxane.agent.files.OwnedTree;
import io.roxxane.agent.log.AgentLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps the sink's own files (of every agent sharing the directory) under a size cap by deleting
 * the oldest closed ones first; the partition folders a delete leaves empty go with them. Files
 * being written are counted but never deleted; those a stopped agent left behind are salvaged
 * first ({@link OrphanSalvage}). Whatever else the directory holds is neither counted nor
 * touched: the first time there is such a thing, one line says so.
 */
final class DiskCap {
    private static final Comparator<OwnedFile> OLDEST_FIRST = new Comparator<OwnedFile>() {
        @Override
        public int compare(OwnedFile a, OwnedFile b) {
            int byTime = Long.compare(a.lastModifiedMillis(), b.lastModifiedMillis());
            return byTime != 0 ? byTime : a.name().compareTo(b.name());
        }
    };

    private final OwnedTree tree;
    private final long maxBytes;
    private final OrphanSalvage salvage;
    private boolean foreignReported;
    private boolean unreadableReported;

    DiskCap(OwnedTree tree, long maxBytes, OrphanSalvage salvage) {
        this.tree = tree;
        this.maxBytes = maxBytes;
        this.salvage = salvage;
    }

    /**
     * Salvages files left in progress by stopped agents (and this sink's own leftovers), then
     * deletes the oldest closed files while the sink's files hold more than the cap; returns how
     * many were deleted.
     *
     * @param writing the in-progress name of the file this sink has open, or null
     */
    int enforce(String writing) {
        Listing listing = tree.list();
        report(listing.foreign());
        if (salvage.salvage(tree, inProgress(listing), writing, System.currentTimeMillis()) > 0) {
            listing = tree.list();
        }
        long total = listing.ownBytes();
        if (total <= maxBytes) {
            return 0;
        }
        List<OwnedFile> closed = new ArrayList<OwnedFile>();
        for (OwnedFile file : listing.files()) {
            if (SinkLayout.isClosed(file.name())) {
                closed.add(file);
            }
        }
        Collections.sort(closed, OLDEST_FIRST);
        int deleted = 0;
        for (OwnedFile file : closed) {
            if (total <= maxBytes) {
                break;
            }
            try {
                if (tree.delete(file)) {
                    deleted++;
                }
                // deleted here, or already gone (another agent's cap was first) or no longer the
                // agent's: either way it no longer counts, and deleting more for it would be too much
                total -= file.size();
            } catch (IOException | RuntimeException e) {
                AgentLog.warnLimited("file-sink-cap", "cannot delete " + file + " to keep max_disk: "
                        + AgentLog.describe(e));
            }
        }
        return deleted;
    }

    private static List<OwnedFile> inProgress(Listing listing) {
        List<OwnedFile> files = new ArrayList<OwnedFile>();
        for (OwnedFile file : listing.files()) {
            if (!SinkLayout.isClosed(file.name())) {
                files.add(file);
            }
        }
        return files;
    }

    private void report(ForeignEntries foreign) {
        if (foreign.count() > 0 && !foreignReported) {
            foreignReported = true;
            AgentLog.warn("dir='" + tree.root() + "' holds what the agent did not write: " + foreign.describe()
                    + "; it never reads, counts against max_disk, changes or deletes them, and never follows a"
                    + " symbolic link");
        }
        if (foreign.unreadable() > 0 && !unreadableReported) {
            unreadableReported = true;
            AgentLog.warn("cannot read " + foreign.unreadable() + " of the agent's folders under dir='" + tree.root()
                    + "', e.g. " + foreign.firstUnreadable() + ": the files in them are not counted against max_disk");
        }
    }
}
