package io.roxxane.agent;

import io.roxxane.agent.sink.LogSink;
import io.roxxane.agent.sink.Sink;
import io.roxxane.agent.sink.file.FileSink;

import io.roxxane.agent.config.AgentConfig;
import io.roxxane.agent.config.ConfigException;
import io.roxxane.agent.sink.firehose.FirehoseSink;
import io.roxxane.agent.stats.AgentStats;

/** Creates the sink the configuration names. */
public final class SinkFactory {
    private SinkFactory() {
    }

    /**
     * @throws ConfigException when the sink cannot start with this configuration (for example an
     *     unwritable {@code dir}); the message names the key, the value and what is needed
     */
    public static Sink create(AgentConfig config, AgentStats stats, String instanceId) throws ConfigException {
        switch (config.sink()) {
            case FIREHOSE:
                return FirehoseSink.create(config, stats, instanceId);
            case LOG:
                return new LogSink(stats);
            case FILE:
            default:
                return FileSink.create(config, stats);
        }
    }
}
