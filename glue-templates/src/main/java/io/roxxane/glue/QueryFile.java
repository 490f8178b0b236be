package io.roxxane.glue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One Athena query of {@code docs/queries/}: its file name without {@code .sql}, the first
 * comment line as its description, and its exact text. The text names the table only as
 * {@link #TABLE_PLACEHOLDER}, which CloudFormation's {@code Fn::Sub} and the query tests replace.
 */
public record QueryFile(String name, String description, String sql) {

    /** How every query names the samples table; CloudFormation {@code Fn::Sub} syntax. */
    public static final String TABLE_PLACEHOLDER = "${TableName}";

    /** The name's shape: a file name that is also readable as an Athena named query. */
    static final String NAME_PATTERN = "[a-z][a-z0-9_]*";

    public QueryFile {
        if (!name.matches(NAME_PATTERN)) {
            throw new IllegalArgumentException("query file name '" + name + ".sql' must match " + NAME_PATTERN);
        }
    }

    /** The query with the placeholder replaced by {@code table}. */
    public String sqlFor(String table) {
        return sql.replace(TABLE_PLACEHOLDER, table);
    }

    /** Reads one {@code .sql} file, checking the conventions docs/queries/README.md describes. */
    public static QueryFile read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(".sql")) {
            throw new IllegalArgumentException(file + ": a query file must end in .sql");
        }
        String sql = Files.readString(file, StandardCharsets.UTF_8);
        String firstLine = sql.lines().findFirst().orElse("");
        if (!firstLine.startsWith("-- ") || firstLine.length() < 4) {
            throw new IllegalArgumentException(file + ": the first line must be '-- <one-line description>'");
        }
        if (!sql.contains(TABLE_PLACEHOLDER)) {
            throw new IllegalArgumentException(file + ": must name the table as " + TABLE_PLACEHOLDER);
        }
        String withoutPlaceholder = sql.replace(TABLE_PLACEHOLDER, "");
        if (withoutPlaceholder.contains("${")) {
            throw new IllegalArgumentException(file + ": '${' is allowed only in " + TABLE_PLACEHOLDER
                    + " (CloudFormation Fn::Sub would try to resolve it)");
        }
        if (!sql.endsWith("\n") || sql.endsWith("\n\n") || sql.contains("\r") || sql.contains("\t")) {
            throw new IllegalArgumentException(file + ": must end in exactly one newline and hold no CR or tab");
        }
        if (sql.strip().endsWith(";")) {
            throw new IllegalArgumentException(file + ": must not end in ';' (Athena runs one statement per query)");
        }
        String name = fileName.substring(0, fileName.length() - ".sql".length());
        return new QueryFile(name, firstLine.substring(3).trim(), sql);
    }

    /** Every {@code .sql} file of {@code dir}, sorted by name. */
    public static List<QueryFile> readAll(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir + " holds no .sql file");
        }
        List<QueryFile> result = new ArrayList<>();
        for (Path file : files) {
            result.add(read(file));
        }
        return List.copyOf(result);
    }
}
