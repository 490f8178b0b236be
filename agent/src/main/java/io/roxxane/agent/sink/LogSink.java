package io.roxxane.agent.sink;

import io.roxxane.agent.sample.EncodedSample;
import io.roxxane.agent.stats.AgentStats;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Writes each sample as one line on stderr ({@code sink=log}): for trying the agent out. */
public final class LogSink implements Sink {
    private final AgentStats stats;
    private final PrintStream out;

    public LogSink(AgentStats stats) {
        this(stats, System.err);
    }

    LogSink(AgentStats stats, PrintStream out) {
        this.stats = stats;
        this.out = out;
    }

    @Override
    public void accept(EncodedSample sample) {
        try {
            String line = new String(sample.jsonLine(), StandardCharsets.UTF_8);
            out.print("[roxxane] sample " + line);
            stats.delivered(1, sample.size(), System.currentTimeMillis());
        } catch (Throwable t) {
            stats.samplesDropped(1);
        }
    }

    @Override
    public void close(long deadlineNanos) {
        out.flush();
    }
}
