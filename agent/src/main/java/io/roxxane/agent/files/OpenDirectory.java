package io.roxxane.agent.files;

import io.roxxane.agent.log.AgentLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A configured directory that every user may write and that has no sticky bit (as {@code /tmp}
 * has): anyone on the machine can delete, rename or replace what the agent keeps there.
 */
public final class OpenDirectory {
    private static final int OTHERS_WRITE = 0002;
    private static final int STICKY = 01000;

    private OpenDirectory() {
    }

    /**
     * One line naming the risk, or null when {@code dir} is not writable by others, has the
     * sticky bit, or its mode cannot be read (no POSIX modes).
     *
     * @param key the setting that named the directory ({@code dir}, {@code spool})
     */
    public static String risk(String key, Path dir) {
        int mode;
        try {
            mode = ((Number) Files.getAttribute(dir, "unix:mode")).intValue();
        } catch (IOException | RuntimeException noUnixModes) {
            return null;
        }
        if ((mode & OTHERS_WRITE) == 0 || (mode & STICKY) != 0) {
            return null;
        }
        return key + "='" + dir + "' is writable by every user of this machine and has no sticky bit: any of"
                + " them can delete, rename or replace the agent's files there; use a directory only this user"
                + " can write (chmod o-w) or set the sticky bit (chmod +t)";
    }

    /** Prints {@link #risk} as one {@code [roxxane]} line when there is one; never throws. */
    public static void warnIfOpen(String key, Path dir) {
        String risk = risk(key, dir);
        if (risk != null) {
            AgentLog.warn(risk);
        }
    }
}
