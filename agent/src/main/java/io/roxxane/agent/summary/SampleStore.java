package io.roxxane.agent.summary;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.roxxane.agent.files.Descriptors;
import io.roxxane.agent.files.FileOwner;
import io.roxxane.agent.files.Listing;
import io.roxxane.agent.files.OwnedFile;
import io.roxxane.agent.files.OwnedTree;
import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.sink.file.SinkLayout;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads the samples a file sink wrote: the closed files of its layout under a directory
 * ({@link SinkLayout}, any owner, no link followed). Whatever cannot be read as samples is
 * skipped and counted in a {@link ReadReport}: a file that is not gzip, a bad line, the torn end
 * of a gzip stream (the whole lines before it are kept); entries that are not the sink's are not
 * opened at all.
 */
public final class SampleStore {
    /** Longest line read as a sample; a sample is a few KiB, anything longer is not one. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private final JsonFactory json = new JsonFactory();

    /** One sample's scalar fields (numbers as Double or Long, strings as String); tags skipped. */
    public interface Visitor {
        void visit(OwnedFile file, Map<String, Object> sample);
    }

    /** Visits every sample under {@code root}; never throws for what the directory holds. */
    public ReadReport forEach(File root, Visitor visitor) {
        Listing listing = new OwnedTree(root.toPath(), SinkLayout.INSTANCE, FileOwner.anyone()).list();
        ReadReport report = new ReadReport(listing.foreign());
        for (OwnedFile file : listing.files()) {
            if (SinkLayout.isClosed(file.name())) {
                read(file, visitor, report);
            }
        }
        return report;
    }

    private void read(OwnedFile file, Visitor visitor, ReadReport report) {
        report.fileRead();
        InputStream in;
        try {
            in = Files.newInputStream(file.path(), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            report.skippedFile(file, "cannot be opened: " + AgentLog.describe(e));
            return;
        }
        try {
            InputStream gzip;
            try {
                gzip = new GZIPInputStream(in, 8_192);
            } catch (IOException | RuntimeException e) {
                report.skippedFile(file, "not gzip: " + AgentLog.describe(e));
                return;
            }
            readLines(file, gzip, visitor, report);
        } finally {
            Descriptors.closeQuietly(in); // read only
        }
    }

    private void readLines(OwnedFile file, InputStream gzip, Visitor visitor, ReadReport report) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        long lines = 0;
        byte[] chunk = new byte[8_192];
        try {
            int n;
            while ((n = gzip.read(chunk)) > 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] != '\n') {
                        continue;
                    }
                    if (!tooLong) {
                        line.write(chunk, start, i - start);
                        lines++;
                        handle(file, line.toByteArray(), visitor, report);
                    }
                    line.reset();
                    tooLong = false;
                    start = i + 1;
                }
                if (!tooLong && line.size() + n - start > MAX_LINE_BYTES) {
                    tooLong = true;
                    report.skippedLine(file, "a line longer than " + MAX_LINE_BYTES + " bytes");
                    line.reset();
                } else if (!tooLong) {
                    line.write(chunk, start, n - start);
                }
            }
            if (line.size() > 0 && !tooLong) {
                handle(file, line.toByteArray(), visitor, report); // a last line without its newline
            }
        } catch (IOException | RuntimeException torn) {
            report.skippedTail(file, "cut off after " + lines + " lines: " + AgentLog.describe(torn));
        }
    }

    private void handle(OwnedFile file, byte[] bytes, Visitor visitor, ReadReport report) {
        String line = new String(bytes, StandardCharsets.UTF_8).trim();
        if (line.isEmpty()) {
            return;
        }
        Map<String, Object> sample = parse(line);
        if (sample == null) {
            report.skippedLine(file, "a line that is not a sample");
        } else {
            report.sampleRead();
            visitor.visit(file, sample);
        }
    }

    /** The scalar fields of one JSON object that has a numeric {@code ts}; null for anything else. */
    private Map<String, Object> parse(String line) {
        Map<String, Object> values = new HashMap<String, Object>();
        try (JsonParser parser = json.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.getCurrentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_NUMBER_INT) {
                    values.put(name, parser.getLongValue());
                } else if (value == JsonToken.VALUE_NUMBER_FLOAT) {
                    values.put(name, parser.getDoubleValue());
                } else if (value == JsonToken.VALUE_STRING) {
                    values.put(name, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null || !(values.get("ts") instanceof Number)) {
                return null;
            }
            return values;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }
}
