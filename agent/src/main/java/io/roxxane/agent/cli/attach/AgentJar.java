package io.roxxane.agent.cli.attach;

import java.io.File;
import java.util.jar.JarFile;

/** The roxxane.jar this command runs from: the jar that an attach loads into the target. */
public final class AgentJar {
    private static final String BOOTSTRAP_ENTRY = "io/roxxane/agent/bootstrap/RoxxaneAgent.class";

    private AgentJar() {
    }

    /** The running roxxane.jar, or null when these classes do not come from one (tests, IDE). */
    public static File locate() {
        try {
            File file = new File(AgentJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!file.isFile()) {
                return null;
            }
            try (JarFile jar = new JarFile(file, false)) {
                return jar.getJarEntry(BOOTSTRAP_ENTRY) != null ? file : null;
            }
        } catch (Exception e) {
            return null;
        }
    }
}
