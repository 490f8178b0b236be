package io.roxxane.agent.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * What issue #24 found in a {@code dir} the agent was pointed at, and more: a user's JSON log
 * ({@code app-logs/app-2026-11-01.json.gz}), files with the sink's suffix at the top and inside
 * partition-like folders, in-progress-like names, names of the sink's pattern that do not fit
 * their folder, links to a file and a folder outside (the folder laid out like the sink's own
 * tree), links inside partition folders, a link to the directory itself and a two-link loop.
 * The foreign files carry an old modification time: a cap that counted them would delete them
 * first.
 */
public final class ForeignFixture {
    /** Modification time of the foreign files: 2026-01-01, older than any sample of the tests. */
    public static final long LONG_AGO = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private ForeignFixture() {
    }

    /** Creates the foreign entries in {@code dir} and {@code outside}; returns the bytes of the foreign files. */
    public static long create(Path dir, Path outside, int bigBytes) throws IOException {
        Random random = new Random(24);
        byte[] big = new byte[bigBytes];
        random.nextBytes(big);
        long total = 0;
        total += file(dir.resolve("app-logs/app-2026-11-01.json.gz"), big);
        total += file(dir.resolve("export.json.gz"), bytes(random, 5_000));
        total += file(dir.resolve(".export.json.gz.inprogress"), bytes(random, 5_000));
        total += file(dir.resolve("service=svc/year=2026/export.json.gz"), bytes(random, 5_000));
        total += file(dir.resolve("service=svc/year=2026/month=03/day=04/hour=09/part-20260304T091500Z-ABCD1234-0.json.gz"),
                bytes(random, 5_000));
        total += file(dir.resolve("service=svc/year=2026/month=03/day=04/hour=09/part-20260305T091500Z-abcd1234-0.json.gz"),
                bytes(random, 5_000)); // the agent's name, another day than its folder
        total += file(dir.resolve("service=svc/year=2026/month=03/day=04/hour=09/.part-foo.json.gz.inprogress"),
                bytes(random, 5_000));
        total += file(dir.resolve("service=Svc/year=2026/month=03/day=04/hour=10/part-20260304T101500Z-abcd1234-0.json.gz"),
                bytes(random, 5_000)); // not a sanitised service name
        total += file(outside.resolve("precious.json.gz"), bytes(random, 5_000));
        // outside, a tree the agent would take for its own if it followed the link to it
        total += file(outside.resolve("year=2026/month=03/day=04/hour=09/part-20260304T091500Z-abcd1234-0.json.gz"),
                bytes(random, 5_000));
        Files.createSymbolicLink(dir.resolve("service=linked"), outside);
        Files.createSymbolicLink(dir.resolve("precious.json.gz"), outside.resolve("precious.json.gz"));
        Files.createSymbolicLink(dir.resolve("service=svc/year=2026/month=03/day=04/hour=09/"
                + "part-20260304T091600Z-abcd1234-1.json.gz"), outside.resolve("precious.json.gz"));
        Files.createSymbolicLink(dir.resolve("service=loop"), dir);
        Files.createSymbolicLink(dir.resolve("loop-a"), dir.resolve("loop-b"));
        Files.createSymbolicLink(dir.resolve("loop-b"), dir.resolve("loop-a"));
        for (Path p : List.of(dir.resolve("app-logs/app-2026-11-01.json.gz"), dir.resolve("export.json.gz"),
                dir.resolve(".export.json.gz.inprogress"),
                dir.resolve("service=svc/year=2026/month=03/day=04/hour=09/.part-foo.json.gz.inprogress"))) {
            Files.setLastModifiedTime(p, FileTime.fromMillis(LONG_AGO)); // older than any sample: first to go if counted
        }
        return total;
    }

    private static byte[] bytes(Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static long file(Path path, byte[] content) throws IOException {
        Files.createDirectories(path.getParent());
        Files.write(path, content);
        return content.length;
    }

}
