package io.roxxane.agent.distress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PressureTest {

    @Test
    void update_entersAtTheThresholdAndLeavesOnlyBelowTheLowerOne() {
        Pressure p = new Pressure("heap", 0.85, 0.75, 0);
        assertFalse(p.update(0.84));
        assertTrue(p.update(0.86));
        assertTrue(p.update(0.80), "hovering between leave and enter keeps it on");
        assertFalse(p.update(0.74));
        assertFalse(p.update(0.80), "and off again until enter");
    }

    @Test
    void update_whenClimbingToTheLimitWithinTheHorizon_entersEarly() {
        Pressure p = new Pressure("heap", 0.85, 0.75, 5);
        assertFalse(p.update(0.55));
        assertFalse(p.update(0.62), "7 points a sample: the limit is 5.4 samples away");
        assertTrue(p.update(0.72), "10 points a sample: the limit is 2.8 samples away");
    }

    @Test
    void update_whenAYoungHeapFillsFast_staysCalmBelowTheFloor() {
        Pressure p = new Pressure("heap", 0.85, 0.75, 5);
        assertFalse(p.update(0.10));
        assertFalse(p.update(0.50), "a fast climb at half the heap is not distress");
    }

    @Test
    void update_whenUnknown_isCalm() {
        Pressure p = new Pressure("fds", 0.90, 0.80, 5);
        assertTrue(p.update(0.95));
        assertFalse(p.update(Double.NaN));
    }
}
