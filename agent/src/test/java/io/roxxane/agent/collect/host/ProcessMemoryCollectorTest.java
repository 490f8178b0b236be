package io.roxxane.agent.collect.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.collect.ProcFiles;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import org.junit.jupiter.api.Test;

class ProcessMemoryCollectorTest {
    @Test
    void collect_whenRead_rssAgreesWithVmRss() {
        ProcessMemoryCollector collector =
                new ProcessMemoryCollector(new OshiFallback());
        long before = ProcFiles.vmRssBytes();
        Sample sample = new Sample();
        collector.collect(sample);
        long after = ProcFiles.vmRssBytes();
        long rss = sample.getLong(Column.PROCESS_RSS_BYTES, -1);
        assertTrue(rss >= Math.min(before, after) * 0.9 && rss <= Math.max(before, after) * 1.1,
                "RSS " + rss + " vs VmRSS " + before + ".." + after);
    }
}
