package io.roxxane.agent.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CollectorSetTest {
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void captureLog() {
        AgentLog.redirectForTests(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLog() {
        AgentLog.redirectForTests(null);
    }

    @Test
    void collectInto_whenOneCollectorThrows_switchesItOffOnceAndTheOthersGoOn() {
        AtomicInteger failingCalls = new AtomicInteger();
        AtomicInteger before = new AtomicInteger();
        AtomicInteger after = new AtomicInteger();
        NamedCollector first = counting("first", before, Column.JVM_UPTIME_MS);
        NamedCollector failing = new NamedCollector("broken", sample -> {
            failingCalls.incrementAndGet();
            throw new IllegalStateException("disk vanished");
        });
        NamedCollector last = counting("last", after, Column.JVM_CLASSES_LOADED);
        CollectorSet set = new CollectorSet(List.of(first, failing, last), 2);
        assertEquals(2, set.disabledCount(), "the ones unavailable at start");

        for (int i = 0; i < 3; i++) {
            Sample sample = new Sample();
            set.collectInto(sample);
            assertEquals(i + 1L, sample.getLong(Column.JVM_UPTIME_MS, -1));
            assertEquals(i + 1L, sample.getLong(Column.JVM_CLASSES_LOADED, -1));
        }
        assertEquals(1, failingCalls.get(), "called once, then switched off");
        assertEquals(3, set.disabledCount());
        String[] lines = log.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(1, lines.length, log.toString(StandardCharsets.UTF_8));
        assertTrue(lines[0].startsWith("[roxxane] ") && lines[0].contains("broken")
                && lines[0].contains("disk vanished"), lines[0]);
    }

    @Test
    void collectInto_whenCollectorThrowsAnError_stillNeverThrows() {
        NamedCollector fatal = new NamedCollector("fatal", sample -> {
            throw new LinkageError("class gone");
        });
        CollectorSet set = new CollectorSet(List.of(fatal), 0);
        set.collectInto(new Sample());
        set.collectInto(new Sample());
        assertEquals(1, set.disabledCount());
        assertEquals(1, log.toString(StandardCharsets.UTF_8).split("\n").length);
    }

    private static NamedCollector counting(String name, AtomicInteger calls, Column column) {
        return new NamedCollector(name, sample -> sample.set(column, calls.incrementAndGet()));
    }
}
