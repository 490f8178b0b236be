package io.roxxane.agent.sink.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void nextDelayMillis_growsExponentiallyWithJitterUpToTheCap() {
        Backoff backoff = new Backoff(100, 2_000, new Random(1));
        long[] ceilings = {100, 200, 400, 800, 1_600, 2_000, 2_000, 2_000};
        for (long ceiling : ceilings) {
            long delay = backoff.nextDelayMillis();
            assertTrue(delay >= ceiling / 2 && delay <= ceiling, delay + " not in [" + ceiling / 2 + ", " + ceiling + "]");
        }
        for (int i = 0; i < 100; i++) {
            assertTrue(backoff.nextDelayMillis() <= 2_000, "never past the cap, however many failures");
        }
    }

    @Test
    void nextDelayMillis_withACap_neverWaitsLongerThanTheCapHoweverLongTheOutage() {
        Backoff backoff = new Backoff(200, 30_000, new Random(5));
        for (int failure = 0; failure < 20; failure++) {
            long delay = backoff.nextDelayMillis(2_000);
            assertTrue(delay <= 2_000, "failure " + failure + ": " + delay);
            if (failure >= 4) {
                assertTrue(delay >= 1_000, "still jittered within [cap/2, cap]: " + delay);
            }
        }
    }

    @Test
    void nextDelayMillis_isJittered() {
        Set<Long> seen = new HashSet<>();
        for (int seed = 0; seed < 20; seed++) {
            Backoff backoff = new Backoff(1_000, 60_000, new Random(seed));
            backoff.nextDelayMillis();
            seen.add(backoff.nextDelayMillis());
        }
        assertTrue(seen.size() > 10, "agents failing together do not retry together: " + seen);
    }

    @Test
    void reset_startsOverFromTheBase() {
        Backoff backoff = new Backoff(100, 10_000, new Random(3));
        for (int i = 0; i < 10; i++) {
            backoff.nextDelayMillis();
        }
        backoff.reset();
        assertEquals(0, backoff.failures());
        assertTrue(backoff.nextDelayMillis() <= 100);
    }

    @Test
    void constructor_whenMaxBelowBase_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(100, 10, new Random()));
    }
}
