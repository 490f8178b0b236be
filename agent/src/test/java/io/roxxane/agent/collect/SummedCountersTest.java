package io.roxxane.agent.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import org.junit.jupiter.api.Test;

class SummedCountersTest {
    private final SummedCounters summed = new SummedCounters(Column.HOST_NET_RX_BYTES, Column.HOST_NET_TX_BYTES);

    @Test
    void report_atTheFirstReading_setsNothing_thenSetsEachIncrease() {
        assertFalse(report(100, 10, false).has(Column.HOST_NET_RX_BYTES));
        Sample second = report(150, 13, false);
        assertEquals(50, second.getLong(Column.HOST_NET_RX_BYTES, -1));
        assertEquals(3, second.getLong(Column.HOST_NET_TX_BYTES, -1));
    }

    @Test
    void report_whenOneTotalGoesBack_setsNoColumnForThatInterval() {
        report(100, 10, false);
        Sample back = report(150, 5, false);
        assertFalse(back.has(Column.HOST_NET_RX_BYTES), "all or none");
        assertFalse(back.has(Column.HOST_NET_TX_BYTES));
        assertEquals(10, report(160, 9, false).getLong(Column.HOST_NET_RX_BYTES, -1), "from the new readings on");
    }

    @Test
    void report_whenDiscarded_setsNothingButKeepsTheReadings() {
        report(100, 10, false);
        assertFalse(report(200, 20, true).has(Column.HOST_NET_RX_BYTES));
        assertEquals(5, report(205, 21, false).getLong(Column.HOST_NET_RX_BYTES, -1));
    }

    private Sample report(long rx, long tx, boolean discard) {
        summed.totals()[0] = rx;
        summed.totals()[1] = tx;
        Sample sample = new Sample();
        summed.report(sample, discard);
        return sample;
    }
}
