package io.roxxane.agent.sink.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The cost model behind docs/BENCHMARKS.md ("Firehose ingestion cost"), on the real packer. */
class FirehoseCostReportTest {

    @Test
    void simulateHour_atOneSecondWithAMinuteFlush_billsUnderOneIncrementPerRecord() {
        FirehoseCostReport.Row row = FirehoseCostReport.simulateHour(FirehoseCostReport.Source.ALL_COLUMNS, 1_000, 60_000, 1);
        assertEquals(3_600, row.samples());
        assertEquals(60, row.records(), "one record per flush: 60 samples of ~1.5 KB fit one record");
        long raw = Math.round(row.meanSampleBytes() * row.samples());
        assertTrue(row.billedAggregated() - raw < row.records() * (long) FirehoseCostReport.INCREMENT,
                "rounding costs less than one increment per record");
        assertEquals(3_600L * FirehoseCostReport.INCREMENT, row.billedPerSample(), "a sample alone bills one increment");
    }

    @Test
    void simulateHour_whenEachFlushHoldsOneSample_savesNothing() {
        FirehoseCostReport.Row row = FirehoseCostReport.simulateHour(FirehoseCostReport.Source.ALL_COLUMNS, 60_000, 60_000, 1);
        assertEquals(row.billedPerSample(), row.billedAggregated());
    }

    @Test
    void simulateHour_onTheRecordedSample_keepsItsSizeAndChangesOnlySeqAndTs() {
        FirehoseCostReport.Row row = FirehoseCostReport.simulateHour(FirehoseCostReport.Source.RECORDED, 1_000, 60_000, 1);
        assertTrue(row.meanSampleBytes() > 1_000 && row.meanSampleBytes() < 2_500, "mean " + row.meanSampleBytes());
        String line = new String(FirehoseCostReport.recordedSample(7, 1_000).jsonLine(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(line.contains("\"seq\":7,") && line.endsWith("}\n"), line);
    }

    @Test
    void realisticSample_isAboutOneAndAHalfKilobytes() {
        FirehoseCostReport.Row row = FirehoseCostReport.simulateHour(FirehoseCostReport.Source.ALL_COLUMNS, 10_000, 60_000, 1);
        assertTrue(row.meanSampleBytes() > 1_000 && row.meanSampleBytes() < 2_500, "mean " + row.meanSampleBytes());
    }
}
