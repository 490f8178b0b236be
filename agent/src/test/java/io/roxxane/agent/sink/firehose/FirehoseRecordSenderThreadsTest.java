package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.aws.CallTimer;
import io.roxxane.agent.fakes.FakeFirehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls' deadlines run on one {@link CallTimer} daemon thread, no SDK thread pool is started, and
 * closing the sender ends that thread.
 */
class FirehoseRecordSenderThreadsTest {
    private FakeFirehose fake;

    @BeforeEach
    void start() throws Exception {
        FirehoseTestSupport.useFakeCredentials();
        fake = new FakeFirehose(FirehoseTestSupport.STREAM);
    }

    @AfterEach
    void stop() {
        fake.close();
        FirehoseTestSupport.clearFakeCredentials();
    }

    @Test
    void put_manyCalls_runTimeoutsOnOneDaemonTimerThreadThatCloseEnds() throws Exception {
        FirehoseRecordSender sender = new FirehoseRecordSender(FirehoseTestSupport.STREAM, "us-east-1",
                fake.endpoint(), ShipperTuning.forTests(5_000));
        List<PackedRecord> records = Collections.singletonList(
                new PackedRecord("{\"seq\":0}\n".getBytes(StandardCharsets.UTF_8), 1));
        for (int call = 0; call < 8; call++) {
            PutOutcome outcome = sender.put(records, 4_000);
            assertNull(outcome.failure(), "call " + call + " failed as a whole");
            assertTrue(outcome.failedIndexes().isEmpty(), "call " + call + " was answered in full");
        }
        assertEquals(0, threadsNamed("sdk-ScheduledExecutor").size(), "the SDK's own timer pool is not started");
        List<Thread> timers = threadsNamed(CallTimer.THREAD_NAME);
        assertEquals(1, timers.size(), "one timer thread for all calls");
        assertTrue(timers.get(0).isDaemon(), "the timer thread never keeps the JVM alive");

        sender.close();
        timers.get(0).join(5_000);
        assertFalse(timers.get(0).isAlive(), "closing the sender ends the timer thread");
    }

    private static List<Thread> threadsNamed(String prefix) {
        List<Thread> named = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(prefix)) {
                named.add(thread);
            }
        }
        return named;
    }
}
