package io.roxxane.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The repository's built jars, which the reactor builds before this module; surefire names them
 * in system properties ({@code it.*.jar}, not {@code roxxane.*}, the agent's settings). A jar
 * that is not built fails the test naming it.
 */
public final class BuiltJars {
    private BuiltJars() {
    }

    /** {@code agent/target/roxxane.jar}. */
    public static Path agent() {
        return jar("it.agent.jar", "agent/target/roxxane.jar");
    }

    /** {@code transform/target/transform.jar}. */
    public static Path transform() {
        return jar("it.transform.jar", "transform/target/transform.jar");
    }

    /** {@code partition-registrar/target/partition-registrar.jar}. */
    public static Path registrar() {
        return jar("it.registrar.jar", "partition-registrar/target/partition-registrar.jar");
    }

    /** {@code provisioner/target/provisioner.jar}. */
    public static Path provisioner() {
        return jar("it.provisioner.jar", "provisioner/target/provisioner.jar");
    }

    private static Path jar(String property, String pathInRepository) {
        Path jar = Paths.get(System.getProperty(property, "../" + pathInRepository)).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), jar + " is not built; build the reactor (it builds it before this module)");
        return jar;
    }
}
