package io.roxxane.agent.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeltasTest {
    @Test
    void next_whenFirstReading_givesNoDelta() {
        assertEquals(-1, new Deltas().next(42));
    }

    @Test
    void next_whenCounterGrows_givesIncrease() {
        Deltas deltas = new Deltas();
        deltas.next(100);
        assertEquals(0, deltas.next(100));
        assertEquals(25, deltas.next(125));
    }

    @Test
    void next_whenCounterGoesBack_givesNoDeltaThenResumes() {
        Deltas deltas = new Deltas();
        deltas.next(100);
        assertEquals(-1, deltas.next(10));
        assertEquals(5, deltas.next(15));
    }
}
