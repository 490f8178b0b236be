package io.roxxane.agent.collect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EveryTest {
    @Test
    void due_atTheFirstAsk_thenNotUntilTheIntervalHasPassed() {
        Every every = Every.millis(60_000);
        assertTrue(every.due());
        assertFalse(every.due());
        assertFalse(every.due());
    }

    @Test
    void due_whenCountedFromNow_isNotDueAtTheFirstAsk() {
        assertFalse(Every.millis(60_000).fromNow().due());
    }

    @Test
    void due_whenTheIntervalHasPassed_isDueAgainAndCountsFromThere() throws InterruptedException {
        Every every = Every.millis(20);
        assertTrue(every.due());
        Thread.sleep(40);
        assertTrue(every.due());
        assertFalse(Every.millis(60_000).fromNow().due());
        assertTrue(Every.millis(0).fromNow().due());
    }
}
