package io.roxxane.it.provisioner;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Lambda deployment jars for the tests: the real ones when the repository built them, else small
 * stand-in zips (the emulator stores code, it does not run Java). Either way a copy the test may change.
 */
public final class StandInJars {
    private StandInJars() {
    }

    /** A stand-in zip {@code directory/jarName}, whether or not the real jar is built (the emulator only stores it). */
    public static Path create(Path directory, String jarName) throws IOException {
        Path target = directory.resolve(jarName);
        writeZip(target, "stand-in for " + jarName);
        return target;
    }

    static Path copyOrCreate(Path directory, String module, String jarName) throws IOException {
        Path target = directory.resolve(jarName);
        Path real = Paths.get(System.getProperty("it.repo.dir", "..")).resolve(module).resolve("target").resolve(jarName);
        if (Files.isRegularFile(real)) {
            Files.copy(real, target, StandardCopyOption.REPLACE_EXISTING);
        } else {
            writeZip(target, "stand-in for " + jarName);
        }
        return target;
    }

    /** Replaces the jar with different content, so that its SHA-256 changes. */
    static void change(Path jar, String marker) throws IOException {
        writeZip(jar, "changed: " + marker);
    }

    private static void writeZip(Path target, String content) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }
}
