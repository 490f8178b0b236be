package io.roxxane.agent.files;

import java.nio.file.Path;

/**
 * What a walk found that is not the agent's: files and folders outside the layout or of another
 * user, symbolic links (never followed), and folders of the agent's that could not be read.
 * Foreign folders are not entered, so each counts once whatever it holds.
 */
public final class ForeignEntries {
    private int files;
    private int folders;
    private int links;
    private int unreadable;
    private Path first;
    private Path firstUnreadable;

    void file(Path path) {
        files++;
        remember(path);
    }

    void folder(Path path) {
        folders++;
        remember(path);
    }

    void link(Path path) {
        links++;
        remember(path);
    }

    void unreadable(Path path) {
        unreadable++;
        if (firstUnreadable == null) {
            firstUnreadable = path;
        }
    }

    private void remember(Path path) {
        if (first == null) {
            first = path;
        }
    }

    /** Foreign files, folders and links found. */
    public int count() {
        return files + folders + links;
    }

    public int files() {
        return files;
    }

    public int folders() {
        return folders;
    }

    public int links() {
        return links;
    }

    /** The first foreign entry found (in name order), or null. */
    public Path first() {
        return first;
    }

    /** Folders of the agent's layout that could not be listed; their files were not seen. */
    public int unreadable() {
        return unreadable;
    }

    public Path firstUnreadable() {
        return firstUnreadable;
    }

    /** "3 entries (1 file, 1 folder, 1 symbolic link), e.g. /d/app-logs". */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(count()).append(count() == 1 ? " entry (" : " entries (");
        String separator = "";
        if (files > 0) {
            text.append(files).append(files == 1 ? " file" : " files");
            separator = ", ";
        }
        if (folders > 0) {
            text.append(separator).append(folders).append(folders == 1 ? " folder" : " folders");
            separator = ", ";
        }
        if (links > 0) {
            text.append(separator).append(links).append(links == 1 ? " symbolic link" : " symbolic links");
        }
        return text.append("), e.g. ").append(first).toString();
    }
}
