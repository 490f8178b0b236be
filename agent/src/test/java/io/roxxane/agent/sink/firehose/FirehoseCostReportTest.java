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
        assertEquals(60, row.records(), "one record per flush: 60 samples of a few KB fit one record");
        long raw = Math.round(row.meanSampleBytes() * row.samples());
        assertTrue(row.billedAggregated() - raw < row.records() * (long) FirehoseCostReport.INCREMENT,
                "rounding costs less than one increment per record");
        assertEquals(0, row.billedPerSample() % FirehoseCostReport.INCREMENT, "alone, each sample bills whole increments");
        assertTrue(row.billedPerSample() >= 3_600L * FirehoseCostReport.INCREMENT, "at least one increment a sample");
        assertTrue(row.billedPerSample() > row.billedAggregated() * 3 / 2, "aggregation bills a third less at least");
    }

    @Test
    void simulateHour_whenEachFlushHoldsOneSample_savesNothing() {
        FirehoseCostReport.Row row = FirehoseCostReport.simulateHour(FirehoseCostReport.Source.ALL_COLUMNS, 60_000, 60_000, 1);
        assertEquals(row.billedPerSample(), row.billedAggregated());
    }

    @Test
    void simulateHour_onTheRecordedSample_keepsItsSizeAndChangesOnlySeqAndTs() throws Exception {
        FirehoseCostReport.Row row = FirehoseCostReport.simulateHour(FirehoseCostReport.Source.RECORDED, 1_000, 60_000, 1);
        long recorded;
        try (java.io.InputStream in = FirehoseCostReportTest.class.getResourceAsStream("/firehose/sample-line.json")) {
            recorded = in.readAllBytes().length;
        }
        // only seq and ts change: a few digits either way
        assertTrue(Math.abs(row.meanSampleBytes() - recorded) < 8, "mean " + row.meanSampleBytes() + ", recorded " + recorded);
        String line = new String(FirehoseCostReport.recordedSample(7, 1_000).jsonLine(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(line.contains("\"seq\":7,") && line.endsWith("}\n"), line);
    }

    @Test
    void realisticSample_withEveryColumnOfSchemaTwo_isAboutSixKilobytes() {
        FirehoseCostReport.Row row = FirehoseCostReport.simulateHour(FirehoseCostReport.Source.ALL_COLUMNS, 10_000, 60_000, 1);
        assertTrue(row.meanSampleBytes() > 4_000 && row.meanSampleBytes() < 8_000, "mean " + row.meanSampleBytes());
    }
}
