package io.roxxane.agent.hostsafety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** What the file sink wrote under a directory: its files, and the samples in the closed ones. */
final class SinkFiles {
    private SinkFiles() {
    }

    /** Every regular file under {@code dir}, in progress or closed; empty if {@code dir} does not exist. */
    static List<Path> all(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toList());
        } catch (IOException e) {
            return List.of(); // a file renamed while walking: ask again later
        }
    }

    /** The JSON lines of every closed {@code .json.gz} file under {@code dir}. */
    static List<String> samples(Path dir) {
        List<String> lines = new ArrayList<>();
        for (Path file : all(dir)) {
            String name = file.getFileName().toString();
            if (name.startsWith(".") || !name.endsWith(".json.gz")) {
                continue;
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
                reader.lines().filter(l -> !l.isEmpty()).forEach(lines::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return lines;
    }
}
