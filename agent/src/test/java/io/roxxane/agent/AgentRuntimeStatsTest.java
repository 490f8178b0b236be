package io.roxxane.agent;

import io.roxxane.agent.identity.Identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.roxxane.agent.collect.CollectorSet;
import io.roxxane.agent.config.ConfigResolver;
import io.roxxane.agent.sample.EncodedSample;
import io.roxxane.agent.sink.Sink;
import io.roxxane.agent.stats.AgentStats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each sample carries the agent's statistics: samples collected, last success, last error. */
class AgentRuntimeStatsTest {
    /** Keeps the encoded lines; the first delivery fails, the second succeeds. */
    private static final class RecordingSink implements Sink {
        final List<String> lines = new ArrayList<>();
        final AgentStats stats;

        RecordingSink(AgentStats stats) {
            this.stats = stats;
        }

        @Override
        public void accept(EncodedSample sample) {
            lines.add(new String(sample.jsonLine(), StandardCharsets.UTF_8));
            if (lines.size() == 1) {
                stats.failed("ServiceUnavailableException", 1_700_000_000_000L);
            } else {
                stats.delivered(1, sample.size(), 1_700_000_005_000L);
            }
        }

        @Override
        public void tick(long nowMillis) {
        }

        @Override
        public void close(long deadlineNanos) {
        }
    }

    @Test
    void takeSample_carriesSamplesCollectedLastErrorAndLastSuccess() throws Exception {
        AgentStats stats = new AgentStats();
        RecordingSink sink = new RecordingSink(stats);
        AgentRuntime runtime = new AgentRuntime(ConfigResolver.resolve("service=stats-test,sink=log"),
                Identity.ofThisJvm("stats-test", Collections.<String, String>emptyMap(), 1_000),
                new CollectorSet(Collections.emptyList(), 0), sink, stats);

        runtime.takeSample(1_700_000_000_000L);
        runtime.takeSample(1_700_000_001_000L);
        runtime.takeSample(1_700_000_002_000L);

        String first = sink.lines.get(0);
        assertEquals(true, first.contains("\"agent_samples_collected\":1"), first);
        assertFalse(first.contains("agent_last_error"), "no error before the first delivery: " + first);
        assertFalse(first.contains("agent_last_success_ts"), first);
        String second = sink.lines.get(1);
        assertEquals(true, second.contains("\"agent_samples_collected\":2"), second);
        assertEquals(true, second.contains("\"agent_last_error\":\"ServiceUnavailableException\","
                + "\"agent_last_error_ts\":1700000000000"), second);
        String third = sink.lines.get(2);
        assertEquals(true, third.contains("\"agent_last_success_ts\":1700000005000"), third);
    }
}
