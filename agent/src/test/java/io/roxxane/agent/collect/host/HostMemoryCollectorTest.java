package io.roxxane.agent.collect.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.collect.ProcFiles;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import org.junit.jupiter.api.Test;

class HostMemoryCollectorTest {
    @Test
    void collect_whenRead_agreesWithProcMeminfo() {
        Sample sample = new Sample();
        new HostMemoryCollector(new OshiFallback()).collect(sample);

        assertEquals(ProcFiles.meminfoBytes("MemTotal"), sample.getLong(Column.HOST_MEMORY_TOTAL_BYTES, -1));
        assertWithin(ProcFiles.meminfoBytes("MemAvailable"), 0.05,
                sample.getLong(Column.HOST_MEMORY_AVAILABLE_BYTES, -1), "available vs MemAvailable");
        long swapTotal = ProcFiles.meminfoBytes("SwapTotal");
        assertEquals(swapTotal, sample.getLong(Column.HOST_SWAP_TOTAL_BYTES, -1));
        long swapUsed = swapTotal - ProcFiles.meminfoBytes("SwapFree");
        long used = sample.getLong(Column.HOST_SWAP_USED_BYTES, -1);
        assertTrue(Math.abs(used - swapUsed) <= Math.max(swapTotal / 100, 16L * 1024 * 1024),
                "swap used " + used + " vs SwapTotal - SwapFree " + swapUsed);
    }

    static void assertWithin(long expected, double fraction, long actual, String what) {
        assertTrue(Math.abs(actual - expected) <= expected * fraction,
                what + ": " + actual + " not within " + (fraction * 100) + "% of " + expected);
    }
}
