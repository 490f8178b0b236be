package io.roxxane.agent.sink.file;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps a directory tree of closed sample files under a size cap by deleting the oldest first,
 * then removing partition folders left empty. Files being written (hidden, in progress) are
 * counted but never deleted; those a stopped agent left behind are salvaged first
 * ({@link OrphanSalvage}).
 */
final class DiskCap {
    private final File root;
    private final long maxBytes;
    private final OrphanSalvage salvage;

    DiskCap(File root, long maxBytes, OrphanSalvage salvage) {
        this.root = root;
        this.maxBytes = maxBytes;
        this.salvage = salvage;
    }

    /**
     * Salvages files left in progress by stopped agents, then deletes the oldest closed files
     * while the tree holds more than the cap; returns how many were deleted.
     */
    int enforce() {
        List<File> closedFiles = new ArrayList<File>();
        List<File> inProgress = new ArrayList<File>();
        long total = walk(root, closedFiles, inProgress);
        if (!inProgress.isEmpty() && salvage.salvage(inProgress, System.currentTimeMillis()) > 0) {
            closedFiles.clear();
            inProgress.clear();
            total = walk(root, closedFiles, inProgress);
        }
        if (total <= maxBytes) {
            return 0;
        }
        Collections.sort(closedFiles, new Comparator<File>() {
            @Override
            public int compare(File a, File b) {
                int byTime = Long.compare(a.lastModified(), b.lastModified());
                return byTime != 0 ? byTime : a.getName().compareTo(b.getName());
            }
        });
        int deleted = 0;
        for (File file : closedFiles) {
            if (total <= maxBytes) {
                break;
            }
            long size = file.length();
            if (file.delete()) {
                total -= size;
                deleted++;
                removeEmptyParents(file.getParentFile());
            }
        }
        return deleted;
    }

    private static long walk(File directory, List<File> closedFiles, List<File> inProgress) {
        File[] entries = directory.listFiles();
        if (entries == null) {
            return 0;
        }
        long total = 0;
        for (File entry : entries) {
            if (entry.isDirectory()) {
                total += walk(entry, closedFiles, inProgress);
            } else {
                total += entry.length();
                String name = entry.getName();
                if (name.endsWith(FileSink.FILE_SUFFIX) && !name.startsWith(".")) {
                    closedFiles.add(entry);
                } else if (name.startsWith(FileSink.IN_PROGRESS_PREFIX) && name.endsWith(FileSink.IN_PROGRESS_SUFFIX)) {
                    inProgress.add(entry);
                }
            }
        }
        return total;
    }

    private void removeEmptyParents(File directory) {
        File current = directory;
        while (current != null && !current.equals(root)) {
            String[] left = current.list();
            if (left == null || left.length > 0 || !current.delete()) {
                return;
            }
            current = current.getParentFile();
        }
    }
}
