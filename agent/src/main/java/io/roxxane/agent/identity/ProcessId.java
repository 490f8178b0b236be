package io.roxxane.agent.identity;

import java.lang.management.ManagementFactory;

/** This JVM's process id, on Java 8 as on later ones. */
public final class ProcessId {
    private ProcessId() {
    }

    /** The pid of this JVM, or -1 when the JVM does not say it. */
    public static long current() {
        // RuntimeMXBean's name is "pid@host" on HotSpot and OpenJ9; ProcessHandle is Java 9+.
        String name = ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        try {
            return Long.parseLong(at > 0 ? name.substring(0, at) : name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
