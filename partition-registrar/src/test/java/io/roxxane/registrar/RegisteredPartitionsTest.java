package io.roxxane.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegisteredPartitionsTest {
    private static HivePartition hour(int h) {
        return new HivePartition("svc", "2026", "11", "23", String.format("%02d", h));
    }

    @Test
    void add_whenOverCapacity_dropsLeastRecentlySeen() {
        RegisteredPartitions cache = new RegisteredPartitions(2);
        cache.add(hour(0));
        cache.add(hour(1));
        assertTrue(cache.contains(hour(0)));

        cache.add(hour(2));

        assertEquals(2, cache.size());
        assertTrue(cache.contains(hour(0)));
        assertFalse(cache.contains(hour(1)));
        assertTrue(cache.contains(hour(2)));
    }

    @Test
    void constructor_whenCapacityBelowOne_throws() {
        assertThrows(IllegalArgumentException.class, () -> new RegisteredPartitions(0));
    }
}
