package io.roxxane.agent.collect.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The recorded /proc and /sys trees under src/test/resources/host, copied where a test may change them. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The fixture directory {@code host/<relative>} on the test class path. */
    public static Path path(String relative) {
        URL url = Fixtures.class.getResource("/host/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no fixture host/" + relative);
        }
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the fixture tree {@code host/<relative>} in {@code into}, which a test may rewrite. */
    public static Path copy(String relative, Path into) {
        Path from = path(relative);
        try (Stream<Path> all = Files.walk(from)) {
            all.forEach(source -> {
                Path target = into.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return into;
    }

    /** Rewrites the file in place (same inode, as the kernel's files change under an open descriptor). */
    public static void rewrite(Path file, String content) {
        try {
            Files.write(file, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
