package io.roxxane.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.schema.PartitionKeys;
import io.roxxane.schema.PartitionRule;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RegisteredPartitionsTest {
    private final AtomicLong clock = new AtomicLong();

    private static PartitionKeys hour(int h) {
        return PartitionRule.parse(String.format("service=svc/year=2026/month=11/day=23/hour=%02d/", h));
    }

    @Test
    void add_whenOverCapacity_dropsLeastRecentlySeen() {
        RegisteredPartitions cache = new RegisteredPartitions(2, Duration.ofMinutes(10), clock::get);
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
    void contains_whenOlderThanMaxAge_forgetsIt() {
        RegisteredPartitions cache = new RegisteredPartitions(10, Duration.ofMinutes(10), clock::get);
        cache.add(hour(0));
        clock.addAndGet(Duration.ofMinutes(10).toNanos() - 1);
        assertTrue(cache.contains(hour(0)));

        clock.addAndGet(1);

        assertFalse(cache.contains(hour(0)));
        assertEquals(0, cache.size());
    }

    @Test
    void constructor_whenCapacityOrAgeNotPositive_throws() {
        assertThrows(IllegalArgumentException.class, () -> new RegisteredPartitions(0, Duration.ofMinutes(1), clock::get));
        assertThrows(IllegalArgumentException.class, () -> new RegisteredPartitions(1, Duration.ZERO, clock::get));
    }
}
