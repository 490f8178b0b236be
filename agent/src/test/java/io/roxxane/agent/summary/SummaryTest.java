package io.roxxane.agent.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.files.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {
    private static final String PARTITION = "service=svc/year=2026/month=01/day=02/hour=03";

    @TempDir
    Path dir;

    private static String sampleLine(long seq) {
        return "{\"ts\":1,\"service\":\"svc\",\"host\":\"box\",\"instance_id\":\"a\",\"seq\":" + seq + ",\"jvm_heap_used_bytes\":" + 1_048_576 * (seq + 1)
                + ",\"process_cpu_utilization\":0.5,\"jvm_gc_young_time_ms\":3,\"jvm_gc_old_time_ms\":1"
                + ",\"jvm_threads_live\":" + (10 + seq) + ",\"tags\":{\"k\":\"v\"}}\n";
    }

    private static byte[] gzip(String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** Whole lines that a raw inflater gets out of a gzip stream cut short: all that can be read. */
    private static int inflatableLines(byte[] gzip) throws Exception {
        Inflater inflater = new Inflater(true);
        inflater.setInput(gzip, 10, gzip.length - 10); // after the 10-byte header
        byte[] out = new byte[1 << 20];
        int n = inflater.inflate(out);
        inflater.end();
        int lines = 0;
        for (int i = 0; i < n; i++) {
            lines += out[i] == '\n' ? 1 : 0;
        }
        return lines;
    }

    private Path write(String relative, byte[] content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    private static String print(Summary summary) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        summary.print(new PrintStream(out, true, "UTF-8"));
        return out.toString("UTF-8");
    }

    @Test
    void of_aggregatesPerServiceHour_andCountsSeqGaps() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (long seq : new long[] {0, 1, 2, 5, 6}) { // 3 and 4 lost
            lines.append(sampleLine(seq));
        }
        write(PARTITION + "/part-20260102T030000Z-abcd1234-0.json.gz", gzip(lines.toString()));
        write(PARTITION + "/.part-20260102T030500Z-abcd1234-1.json.gz.inprogress", new byte[] {1, 2, 3});

        Summary summary = Summary.of(dir.toFile());
        assertEquals(5, summary.samples());
        assertEquals(1, summary.files());
        String text = print(summary);
        String[] out = text.split("\n");
        String header = out[2];
        String row = out[3];
        assertTrue(row.startsWith("svc      2026-01-02 03:00Z"), row);
        // samples 5, instances 1, heap avg (1+2+3+6+7)/5 = 3.8M, max 7.0M, cpu 50.0, host -, gc 20 ms, threads 16,
        // throttled - (no container figure), oom kills -, distress 0, lost 2
        assertTrue(row.matches(".*\\s5\\s+1\\s+3\\.8M\\s+7\\.0M\\s+50\\.0\\s+-\\s+20\\s+16\\s+-\\s+-\\s+0\\s+2$"), row);
        assertEquals(header.length(), row.length(), "the row ends where the header ends:\n" + text);
        for (String column : new String[] {"samples", "heap max", "gc pause ms", "threads", "lost"}) {
            int end = header.indexOf(column) + column.length();
            assertTrue(end == header.length() || row.charAt(end) == ' ', column + " lines up:\n" + text);
            assertTrue(row.charAt(end - 1) != ' ', column + "'s figure ends under its name:\n" + text);
        }
        assertTrue(out[5].startsWith("service  instance  host"), "then where each instance ran:\n" + text);
        assertEquals(7, out.length, "nothing skipped, no last line: " + text);
        assertNull(summary.report().describe());
    }

    @Test
    void of_skipsWhatIsNotAWholeSample_keepsEverythingBefore_andSaysSoInOneLine() throws Exception {
        write(PARTITION + "/part-20260102T030000Z-abcd1234-0.json.gz", gzip(sampleLine(0) + sampleLine(1)));
        // a file cut off by a crash: 40 whole lines, then the gzip stream stops mid-line
        StringBuilder many = new StringBuilder();
        for (int seq = 2; seq < 42; seq++) {
            many.append(sampleLine(seq));
        }
        byte[] whole = gzip(many + sampleLine(42));
        byte[] cut = Arrays.copyOf(whole, whole.length - 40);
        int tornLines = inflatableLines(cut);
        assertTrue(tornLines > 30 && tornLines < 41, "the cut takes the trailer and a few lines: " + tornLines);
        Path torn = write(PARTITION + "/part-20260102T031000Z-abcd1234-1.json.gz", cut);
        // the agent's name, other content: not gzip at all
        Path notGzip = write(PARTITION + "/part-20260102T032000Z-abcd1234-2.json.gz",
                "date,value\n2026-01-02,1\n".getBytes(StandardCharsets.UTF_8));
        // the agent's name, gzip, but lines that are not samples between good ones
        write(PARTITION + "/part-20260102T033000Z-abcd1234-3.json.gz",
                gzip(sampleLine(100) + "not json\n{\"level\":\"INFO\",\"msg\":\"hello\"}\n[1,2]\n" + sampleLine(101)));
        // foreign: other names, other folders, a link
        write("app-logs/app-2026-11-01.json.gz", gzip("{\"ts\":5,\"msg\":\"a log line\"}\n"));
        write(PARTITION + "/export.json.gz", gzip(sampleLine(7)));
        Files.createSymbolicLink(dir.resolve("service=linked"), dir.resolve("app-logs"));
        Snapshot before = Snapshot.of(dir);

        Summary summary = Summary.of(dir.toFile());

        assertEquals(2 + tornLines + 2, summary.samples(), "every whole sample before a torn end, every good line");
        assertEquals(4, summary.files());
        ReadReport report = summary.report();
        assertEquals(3, report.skippedFiles(), "the torn file, the non-gzip one, the one with bad lines");
        assertEquals(3, report.skippedLines());
        assertEquals(3, report.foreign().count());
        String text = print(summary);
        String[] lines = text.split("\n");
        assertEquals(8, lines.length, "count, blank, hours table, blank, where table, skipped: " + text);
        String last = lines[7];
        assertEquals("skipped 3 of 4 files in whole or in part: 1 unreadable or not gzip, 1 cut off (the whole lines"
                + " before kept), 3 lines not a sample; first: " + torn + " (cut off after " + tornLines
                + " lines: EOFException: Unexpected end of ZLIB input stream); not read, not written by the agent: 3"
                + " entries (1 file, 1 folder, 1 symbolic link), e.g. " + dir.resolve("app-logs"), last);
        assertFalse(last.contains(notGzip.toString()), "only the first such file is named: " + last);
        before.assertIntactIn(Snapshot.of(dir));
    }
}
