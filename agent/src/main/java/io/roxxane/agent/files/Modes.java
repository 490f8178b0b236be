package io.roxxane.agent.files;

import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The permissions of what the agent creates: no write for group or others, nothing for others.
 * Passed at creation, so the umask can only take bits away; a file system without POSIX
 * permissions rejects them and the caller creates without (quietly).
 */
final class Modes {
    static final String FOLDER = "rwxr-x---";
    static final String FILE = "rw-r-----";
    private static final Set<PosixFilePermission> FOLDER_PERMISSIONS = PosixFilePermissions.fromString(FOLDER);
    private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString(FILE);

    private Modes() {
    }

    static FileAttribute<Set<PosixFilePermission>> folder() {
        return PosixFilePermissions.asFileAttribute(FOLDER_PERMISSIONS);
    }

    static FileAttribute<Set<PosixFilePermission>> file() {
        return PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS);
    }
}
