package io.roxxane.agent.sink.firehose;

import static io.roxxane.agent.sink.firehose.FirehoseTestSupport.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.sample.EncodedSample;
import io.roxxane.agent.stats.AgentStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleQueueTest {
    private final AgentStats stats = new AgentStats();

    @Test
    void offer_whenFull_dropsTheOldestAndCountsThem() {
        SampleQueue queue = new SampleQueue(10_000, 5_000, stats);
        for (int i = 0; i < 25; i++) {
            queue.offer(sample(i, 1_000), i);
            assertTrue(queue.bufferedBytes() <= 10_000);
        }
        assertEquals(15, stats.droppedSamples());
        assertEquals(15, queue.takeDroppedCount());
        assertEquals(0, queue.takeDroppedCount());
        List<EncodedSample> kept = queue.snapshot();
        assertEquals(15, kept.get(0).seq());
        assertEquals(24, kept.get(9).seq());
    }

    @Test
    void offer_whileABatchIsInFlight_countsItAgainstTheBound() {
        SampleQueue queue = new SampleQueue(10_000, 5_000, stats);
        for (int i = 0; i < 6; i++) {
            queue.offer(sample(i, 1_000), i);
        }
        RecordPacker packer = new RecordPacker(4_000);
        queue.takeInto(packer);
        assertEquals(4, packer.samples());
        assertEquals(6_000, queue.bufferedBytes());
        for (int i = 6; i < 12; i++) {
            queue.offer(sample(i, 1_000), i);
        }
        assertEquals(10_000, queue.bufferedBytes());
        assertEquals(2, stats.droppedSamples(), "samples 4 and 5, the oldest queued");
        assertEquals(6, queue.snapshot().get(0).seq());
        queue.releaseInFlight(4_000);
        assertEquals(6_000, queue.bufferedBytes());
    }

    @Test
    void offer_whenASampleCannotFitAlone_dropsItWithoutTouchingTheQueue() {
        SampleQueue queue = new SampleQueue(2_000, 1_000, stats);
        queue.offer(sample(0, 500), 0);
        queue.offer(sample(1, 3_000), 1);
        assertEquals(1, stats.droppedSamples());
        assertEquals(1, queue.queuedSamples());
    }

    @Test
    void oldestEnqueuedNanos_tracksTheHead() {
        SampleQueue queue = new SampleQueue(10_000, 5_000, stats);
        assertEquals(-1, queue.oldestEnqueuedNanos());
        queue.offer(sample(0, 100), 42);
        queue.offer(sample(1, 100), 43);
        assertEquals(42, queue.oldestEnqueuedNanos());
    }
}
