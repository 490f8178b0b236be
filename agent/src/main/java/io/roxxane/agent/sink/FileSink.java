package io.roxxane.agent.sink;

import io.roxxane.agent.config.AgentConfig;
import io.roxxane.agent.config.ConfigException;
import io.roxxane.agent.stats.AgentStats;

/** Placeholder. */
public final class FileSink {
    private FileSink() {
    }

    static Sink create(AgentConfig config, AgentStats stats) throws ConfigException {
        throw new ConfigException("file sink not yet built");
    }
}
