package io.roxxane.agent.sink.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShutdownPacingTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void nextPauseMillis_inAFiveSecondWindow_leavesRoomForSeveralAttempts() {
        ShutdownPacing pacing = new ShutdownPacing(5_000 * MS);
        long now = 0;
        int attempts = 1;
        while (true) {
            long pause = pacing.nextPauseMillis(now);
            if (pause == 0) {
                break;
            }
            assertTrue(pause <= 1_250, "a short pause, not a backoff: " + pause);
            now += (pause + 100) * MS; // the pause, then an attempt of 100 ms
            if (now < 5_000 * MS) {
                attempts++;
            }
        }
        assertTrue(attempts >= 5, "attempts within the deadline: " + attempts);
    }

    @Test
    void nextPauseMillis_nearTheDeadline_neverWaitsPastIt() {
        ShutdownPacing pacing = new ShutdownPacing(5_000 * MS);
        for (long left = 1; left < 300; left += 7) {
            assertTrue(pacing.nextPauseMillis((5_000 - left) * MS) <= left, "left " + left);
        }
        assertEquals(0, pacing.nextPauseMillis(5_000 * MS));
        assertEquals(0, pacing.nextPauseMillis(6_000 * MS));
    }
}
