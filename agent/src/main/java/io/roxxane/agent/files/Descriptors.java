package io.roxxane.agent.files;

import java.io.Closeable;
import java.io.IOException;

/** Closing descriptors whose close has nothing left to report. */
public final class Descriptors {
    private Descriptors() {
    }

    /**
     * Closes {@code descriptor} (none when null), ignoring a failure: only for one with nothing
     * pending, read from only or with every write already through (and synced where that matters),
     * so a failed close loses nothing.
     */
    public static void closeQuietly(Closeable descriptor) {
        if (descriptor == null) {
            return;
        }
        try {
            descriptor.close();
        } catch (IOException ignored) {
            // nothing was pending
        }
    }
}
