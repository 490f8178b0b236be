package io.roxxane.agent.files;

import java.util.List;

/**
 * The names the agent writes under one directory: which folder names it creates at which depth,
 * and which file names it writes in which folder. A name that matches is the proof that the
 * entry is the agent's (together with its owner, {@link FileOwner}); anything else is foreign.
 * Implementations must be strict (the exact pattern the writer produces) and must own no folder
 * below a fixed depth, which bounds every walk.
 */
public interface OwnedLayout {
    /**
     * @param parents the owned folders from the directory down to where {@code name} was found;
     *     empty for an entry directly in the directory
     * @param name a folder's name
     */
    boolean isOwnedFolder(List<String> parents, String name);

    /**
     * @param folders the owned folders from the directory down to the file's folder; empty for a
     *     file directly in the directory
     * @param name a regular file's name
     */
    boolean isOwnedFile(List<String> folders, String name);
}
