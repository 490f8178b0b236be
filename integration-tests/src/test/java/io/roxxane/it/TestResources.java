package io.roxxane.it;

import java.util.Random;

/** What the emulator-backed classes share: names no other class uses, clients closed whatever happened. */
public final class TestResources {
    private static final Random RANDOM = new Random();

    private TestResources() {
    }

    /**
     * {@code prefix} and six random lower-case letters: a stack or resource name of its own on
     * the emulator, which every class of the JVM shares.
     */
    public static String uniqueName(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        for (int i = 0; i < 6; i++) {
            name.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return name.toString();
    }

    /** Closes each that is not null; a failure to close cannot fail the run. */
    public static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                // closing a client cannot fail the run
            }
        }
    }
}
