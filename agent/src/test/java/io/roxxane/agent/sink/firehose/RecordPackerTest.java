package io.roxxane.agent.sink.firehose;

import static io.roxxane.agent.sink.firehose.FirehoseTestSupport.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.sample.EncodedSample;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordPackerTest {

    @Test
    void tryAdd_whenSamplesAreSmall_capsEachRecordAt500Samples() {
        RecordPacker packer = new RecordPacker(FirehoseLimits.MAX_BATCH_BYTES);
        for (int i = 0; i < 1_200; i++) {
            assertTrue(packer.tryAdd(sample(i, 100)));
        }
        List<PackedRecord> records = packer.finish();
        assertEquals(List.of(500, 500, 200), records.stream().map(PackedRecord::samples).toList());
        assertEquals(500 * 100, records.get(0).size());
    }

    @Test
    void tryAdd_whenSamplesAreLarge_capsEachRecordAt1000KiBWithoutSplittingASample() {
        RecordPacker packer = new RecordPacker(FirehoseLimits.MAX_BATCH_BYTES);
        int size = 3_000; // 341 fit in 1,024,000 bytes (1,023,000), the 342nd would not
        for (int i = 0; i < 400; i++) {
            assertTrue(packer.tryAdd(sample(i, size)));
        }
        List<PackedRecord> records = packer.finish();
        assertEquals(341, records.get(0).samples());
        assertEquals(59, records.get(1).samples());
        for (PackedRecord record : records) {
            assertTrue(record.size() <= FirehoseLimits.MAX_RECORD_BYTES);
            String text = new String(record.data(), StandardCharsets.UTF_8);
            assertTrue(text.endsWith("\n"));
            for (String line : text.split("\n")) {
                assertEquals(size - 1, line.length(), "whole samples only");
            }
        }
    }

    @Test
    void tryAdd_whenBatchBytesWouldPassTheCap_refusesTheSample() {
        RecordPacker packer = new RecordPacker(10_000);
        for (int i = 0; i < 10; i++) {
            assertTrue(packer.tryAdd(sample(i, 1_000)));
        }
        assertFalse(packer.tryAdd(sample(10, 1_000)));
        assertEquals(10_000, packer.bytes());
        assertEquals(1, packer.finish().size());
        assertTrue(packer.isEmpty());
    }

    @Test
    void tryAdd_whenTheBatchHas500Records_refusesTheSample() {
        RecordPacker packer = new RecordPacker(FirehoseLimits.MAX_BATCH_BYTES);
        int added = 0;
        byte[] tiny = "{}\n".getBytes(StandardCharsets.UTF_8);
        while (packer.tryAdd(new EncodedSample(0, added, "s", tiny))) { // 500 per record, 1.5 KB per record
            added++;
        }
        assertEquals(500 * 500, added);
        List<PackedRecord> records = packer.finish();
        assertEquals(FirehoseLimits.MAX_RECORDS_PER_BATCH, records.size());
    }

    @Test
    void fitsAlone_whenASampleExceedsARecord_isFalse() {
        RecordPacker packer = new RecordPacker(FirehoseLimits.MAX_BATCH_BYTES);
        assertFalse(packer.fitsAlone(FirehoseLimits.MAX_RECORD_BYTES + 1));
        assertFalse(packer.tryAdd(sample(0, FirehoseLimits.MAX_RECORD_BYTES + 1)));
        assertTrue(packer.isEmpty());
    }
}
