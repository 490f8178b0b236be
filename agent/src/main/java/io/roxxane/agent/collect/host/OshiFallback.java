package io.roxxane.agent.collect.host;

import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/**
 * OSHI, built the first time a host collector cannot read what it needs from {@code /proc},
 * {@code /sys} or the JDK: on Linux that does not happen, so OSHI's classes, its start-up commands
 * and its objects stay out of the host JVM; elsewhere (OSHI's native-free implementation also
 * runs on NetBSD) the collectors go through it. One instance is shared by the host collectors,
 * which all run on the sampling thread.
 */
public final class OshiFallback {
    private oshi.nativefree.SystemInfo system;

    /** Whether OSHI supports this operating system; builds OSHI. */
    public synchronized boolean isAvailable() {
        return system().isAvailable();
    }

    public synchronized HardwareAbstractionLayer hardware() {
        return system().getHardware();
    }

    public synchronized OperatingSystem os() {
        return system().getOperatingSystem();
    }

    /** Whether OSHI has been built (for tests: on Linux it must not be). */
    public synchronized boolean isBuilt() {
        return system != null;
    }

    private oshi.nativefree.SystemInfo system() {
        if (system == null) {
            system = new oshi.nativefree.SystemInfo();
        }
        return system;
    }
}
