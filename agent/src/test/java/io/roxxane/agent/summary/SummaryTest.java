package io.roxxane.agent.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {
    @TempDir
    Path dir;

    @Test
    void of_aggregatesPerServiceHour_andCountsSeqGaps() throws Exception {
        Path partition = dir.resolve("service=svc/year=2026/month=01/day=02/hour=03");
        Files.createDirectories(partition);
        StringBuilder lines = new StringBuilder();
        long[] seqs = {0, 1, 2, 5, 6}; // 3 and 4 lost
        for (long seq : seqs) {
            lines.append("{\"ts\":1,\"instance_id\":\"a\",\"seq\":").append(seq)
                    .append(",\"jvm_heap_used_bytes\":").append(1_048_576 * (seq + 1))
                    .append(",\"process_cpu_utilization\":0.5,\"jvm_gc_young_time_ms\":3,\"jvm_gc_old_time_ms\":1")
                    .append(",\"jvm_threads_live\":").append(10 + seq).append(",\"tags\":{\"k\":\"v\"}}\n");
        }
        try (OutputStream out = new GZIPOutputStream(new FileOutputStream(partition.resolve("part-1.json.gz").toFile()))) {
            out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        Files.write(partition.resolve(".part-2.json.gz.inprogress"), new byte[] {1, 2, 3});

        Summary summary = Summary.of(dir.toFile());
        assertEquals(5, summary.samples());
        assertEquals(1, summary.files());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        summary.print(new PrintStream(out, true, "UTF-8"));
        String text = out.toString("UTF-8");
        String row = text.split("\n")[2];
        assertTrue(row.startsWith("svc  2026-01-02 03:00Z"), row);
        // samples 5, instances 1, heap avg (1+2+3+6+7)/5 = 3.8M, max 7.0M, cpu 50.0, host -, gc 20 ms, threads 16, lost 2
        assertTrue(row.matches(".*\\s5\\s+1\\s+3\\.8M\\s+7\\.0M\\s+50\\.0\\s+-\\s+20\\s+16\\s+2$"), row);
    }
}
