package io.roxxane.agent.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;

/**
 * The user the agent runs as, learnt from a file it creates: an entry of the layout that belongs
 * to another user is not the agent's, even with the agent's name. Readers that take any owner
 * (the {@code summary} command run by an operator) use {@link #anyone()}.
 */
public final class FileOwner {
    private static final FileOwner ANYONE = new FileOwner(null, true);

    private final UserPrincipal user;
    private final boolean anyone;

    private FileOwner(UserPrincipal user, boolean anyone) {
        this.user = user;
        this.anyone = anyone;
    }

    /** Accepts every owner: for readers, never for an operation that changes or deletes. */
    public static FileOwner anyone() {
        return ANYONE;
    }

    /**
     * Creates and deletes a hidden probe file ({@code .roxxane-probe-….tmp}, {@code rw-r-----}) in
     * {@code dir}, proving the directory writable, and learns from it the agent's user.
     *
     * @throws IOException when no file can be created in {@code dir}
     */
    public static FileOwner probe(Path dir) throws IOException {
        Path probe;
        try {
            probe = Files.createTempFile(dir, ".roxxane-probe-", ".tmp", Modes.file());
        } catch (UnsupportedOperationException noPosix) {
            probe = Files.createTempFile(dir, ".roxxane-probe-", ".tmp");
        }
        UserPrincipal user;
        try {
            user = Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IOException noOwners) {
            user = null; // a file system without owners: names alone decide
        } finally {
            Files.deleteIfExists(probe);
        }
        return new FileOwner(user, false);
    }

    /** Whether {@code entry} belongs to the agent's user (always where owners are unknown). */
    public boolean owns(Entry entry) {
        if (anyone || user == null || entry.owner() == null) {
            return true;
        }
        return user.equals(entry.owner());
    }

    @Override
    public String toString() {
        return anyone ? "any user" : user == null ? "unknown user" : user.getName();
    }
}
