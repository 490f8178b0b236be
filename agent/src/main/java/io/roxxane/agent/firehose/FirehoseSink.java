package io.roxxane.agent.firehose;

import io.roxxane.agent.config.AgentConfig;
import io.roxxane.agent.config.ConfigException;
import io.roxxane.agent.sink.Sink;
import io.roxxane.agent.stats.AgentStats;

/** Placeholder until the Firehose shipper lands (issue 3). */
public final class FirehoseSink {
    private FirehoseSink() {
    }

    public static Sink create(AgentConfig config, AgentStats stats) throws ConfigException {
        throw new ConfigException("sink=firehose is not available in this build");
    }
}
