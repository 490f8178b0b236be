package io.roxxane.agent.distress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import org.junit.jupiter.api.Test;

class DistressMonitorTest {

    private static Sample calm() {
        return new Sample().set(Column.INTERVAL_MS, 1_000).set(Column.JVM_GC_YOUNG_TIME_MS, 5)
                .set(Column.JVM_GC_OLD_TIME_MS, 0).set(Column.PROCESS_OPEN_FDS, 100).set(Column.PROCESS_MAX_FDS, 1_000);
    }

    @Test
    void evaluate_whenAllIsCalm_isNull() {
        DistressMonitor monitor = new DistressMonitor();
        assertNull(monitor.evaluate(calm()));
    }

    @Test
    void evaluate_namesEachFigureNearItsLimit() {
        DistressMonitor monitor = new DistressMonitor();
        Sample sample = calm().set(Column.JVM_GC_YOUNG_TIME_MS, 300).set(Column.JVM_GC_OLD_TIME_MS, 110)
                .set(Column.PROCESS_OPEN_FDS, 950)
                .set(Column.CONTAINER_MEMORY_WORKING_SET_BYTES, 970).set(Column.CONTAINER_MEMORY_LIMIT_BYTES, 1_000)
                .set(Column.CONTAINER_PIDS_CURRENT, 95).set(Column.CONTAINER_PIDS_MAX, 100);
        assertEquals("gc_time=41%, container_memory=97%, fds=95%, pids=95%", monitor.evaluate(sample));
        assertNull(monitor.evaluate(calm()), "gone once the figures are back down");
    }

    @Test
    void evaluate_withoutALimit_neverCallsAFigureHigh() {
        DistressMonitor monitor = new DistressMonitor();
        Sample sample = calm().set(Column.CONTAINER_MEMORY_WORKING_SET_BYTES, 1L << 40); // no limit column
        assertNull(monitor.evaluate(sample));
    }

    @Test
    void ratio_isUnknownWithoutAPositiveWhole() {
        assertEquals(Double.NaN, DistressMonitor.ratio(5, 0));
        assertEquals(Double.NaN, DistressMonitor.ratio(-1, 10));
        assertEquals(0.5, DistressMonitor.ratio(5, 10));
    }
}
