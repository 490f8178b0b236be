package io.roxxane.provisioner.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a Lambda deployment jar that was not configured: next to {@code provisioner.jar} (a
 * release), then in the repository's module ({@code <module>/target/<jar>}) relative to the
 * provisioner jar and to the working directory.
 */
public final class JarLocator {
    private final Path provisionerDirectory;
    private final Path workingDirectory;

    public JarLocator(Path provisionerDirectory, Path workingDirectory) {
        this.provisionerDirectory = provisionerDirectory;
        this.workingDirectory = workingDirectory;
    }

    /** Where this code runs from, if it runs from a jar. */
    public static JarLocator forRunningJar() {
        Path directory = null;
        try {
            Path location = Path.of(JarLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            directory = Files.isRegularFile(location) ? location.getParent() : location;
        } catch (Exception e) {
            // no code source: only the working directory is searched
        }
        return new JarLocator(directory, Path.of("").toAbsolutePath());
    }

    /** The first candidate that exists, else the first candidate (validation then names it). */
    public Path locate(String jarName, String module) {
        List<Path> candidates = candidates(jarName, module);
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return candidates.get(0);
    }

    List<Path> candidates(String jarName, String module) {
        List<Path> candidates = new ArrayList<>();
        if (provisionerDirectory != null) {
            candidates.add(provisionerDirectory.resolve(jarName).normalize());
            // provisioner/target/provisioner.jar -> <repo>/<module>/target/<jar>
            Path repo = provisionerDirectory.getParent() == null ? null : provisionerDirectory.getParent().getParent();
            if (repo != null) {
                candidates.add(repo.resolve(module).resolve("target").resolve(jarName).normalize());
            }
        }
        candidates.add(workingDirectory.resolve(module).resolve("target").resolve(jarName).normalize());
        return candidates;
    }
}
