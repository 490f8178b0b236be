package io.roxxane.agent.files;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's files under one directory, by an {@link OwnedLayout}: the only way the agent lists,
 * creates and deletes there. A walk enters only the layout's folders that belong to the agent's
 * user, never a link, and reports everything else as foreign without opening it; a delete
 * re-checks every folder on the way and the file itself, and afterwards removes the layout's
 * folders it left empty (never the directory itself).
 */
public final class OwnedTree {
    private final Path root;
    private final OwnedLayout layout;
    private final FileOwner owner;

    /**
     * @param root the configured directory
     * @param owner the agent's user ({@link FileOwner#probe}); {@link FileOwner#anyone()} only for
     *     readers
     */
    public OwnedTree(Path root, OwnedLayout layout, FileOwner owner) {
        this.root = root;
        this.layout = layout;
        this.owner = owner;
    }

    public Path root() {
        return root;
    }

    /** Walks the directory: the agent's files, and a count of what is not the agent's. Never throws. */
    public Listing list() {
        Listing listing = new Listing();
        OwnedFolder top;
        try {
            top = OwnedFolder.openRoot(root);
        } catch (IOException | RuntimeException e) {
            listing.foreign().unreadable(root);
            return listing;
        }
        try {
            walk(top, new ArrayList<String>(), listing);
        } finally {
            top.close();
        }
        return listing;
    }

    private void walk(OwnedFolder folder, List<String> folders, Listing listing) {
        List<String> names;
        try {
            names = folder.names();
        } catch (IOException | RuntimeException e) {
            listing.foreign().unreadable(folder.path());
            return;
        }
        for (String name : names) {
            Path path = folder.path().resolve(name);
            Entry entry;
            try {
                entry = folder.stat(name);
            } catch (NoSuchFileException gone) {
                continue;
            } catch (IOException | RuntimeException e) {
                listing.foreign().file(path); // cannot even be described: not the agent's
                continue;
            }
            if (entry.kind() == Entry.Kind.LINK) {
                listing.foreign().link(path);
            } else if (entry.kind() == Entry.Kind.FOLDER) {
                if (layout.isOwnedFolder(folders, name) && owner.owns(entry)) {
                    enter(folder, name, folders, listing);
                } else {
                    listing.foreign().folder(path);
                }
            } else if (entry.kind() == Entry.Kind.FILE && layout.isOwnedFile(folders, name) && owner.owns(entry)) {
                listing.add(new OwnedFile(path, folders, name, entry.size(), entry.lastModifiedMillis()));
            } else {
                listing.foreign().file(path);
            }
        }
    }

    private void enter(OwnedFolder parent, String name, List<String> folders, Listing listing) {
        OwnedFolder child;
        try {
            child = parent.openFolder(name);
        } catch (NoSuchFileException gone) {
            return;
        } catch (IOException | RuntimeException e) {
            listing.foreign().unreadable(parent.path().resolve(name));
            return;
        }
        folders.add(name);
        try {
            walk(child, folders, listing);
        } finally {
            folders.remove(folders.size() - 1);
            child.close();
        }
    }

    /**
     * Opens the layout's folder at {@code folders} (empty: the directory), creating what is
     * missing ({@code rwxr-x---}). The caller closes it.
     *
     * @throws FileSystemException when a folder on the way is a link, not a folder, or another
     *     user's
     */
    public OwnedFolder createFolders(List<String> folders) throws IOException {
        return open(folders, true);
    }

    /** As {@link #createFolders} without creating anything. */
    public OwnedFolder openFolders(List<String> folders) throws IOException {
        return open(folders, false);
    }

    private OwnedFolder open(List<String> folders, boolean create) throws IOException {
        OwnedFolder current = OwnedFolder.openRoot(root);
        try {
            for (int depth = 0; depth < folders.size(); depth++) {
                String name = folders.get(depth);
                if (!layout.isOwnedFolder(folders.subList(0, depth), name)) {
                    throw new IllegalArgumentException("not a folder of the layout: " + folders);
                }
                OwnedFolder next = create ? current.createFolder(name) : current.openFolder(name);
                current.close();
                current = next;
                Entry self = current.self();
                if (!owner.owns(self)) {
                    throw new FileSystemException(current.path().toString(), null,
                            "belongs to " + self.owner().getName() + ", not to the agent's user: left alone");
                }
            }
            return current;
        } catch (IOException | RuntimeException e) {
            current.close();
            throw e;
        }
    }

    /**
     * Deletes one of the agent's files, checking again that every folder on the way and the file
     * are the agent's and not links, then removes the layout's folders it left empty, deepest
     * first.
     *
     * @return false when the file is gone or no longer the agent's (then nothing was deleted)
     */
    public boolean delete(OwnedFile file) throws IOException {
        return delete(file.folders(), file.name());
    }

    /** As {@link #delete(OwnedFile)}, by folders and name. */
    public boolean delete(List<String> folders, String name) throws IOException {
        if (!layout.isOwnedFile(folders, name)) {
            return false;
        }
        List<OwnedFolder> chain = new ArrayList<OwnedFolder>();
        try {
            chain.add(OwnedFolder.openRoot(root));
            for (String folder : folders) {
                OwnedFolder next = chain.get(chain.size() - 1).openFolder(folder);
                chain.add(next);
                if (!owner.owns(next.self())) {
                    return false;
                }
            }
            OwnedFolder last = chain.get(chain.size() - 1);
            Entry entry = last.stat(name);
            if (entry.kind() != Entry.Kind.FILE || !owner.owns(entry)) {
                return false;
            }
            last.delete(name);
            for (int depth = folders.size() - 1; depth >= 0; depth--) {
                OwnedFolder parent = chain.get(depth);
                String folder = folders.get(depth);
                if (!owner.owns(parent.stat(folder)) || !parent.deleteEmptyFolder(folder)) {
                    break;
                }
            }
            return true;
        } catch (NoSuchFileException gone) {
            return false;
        } finally {
            for (OwnedFolder folder : chain) {
                folder.close();
            }
        }
    }
}
