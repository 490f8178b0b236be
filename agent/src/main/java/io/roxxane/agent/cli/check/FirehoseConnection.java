package io.roxxane.agent.cli.check;

import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.services.firehose.FirehoseClient;

/**
 * A Firehose client together with the one timer thread its call and attempt timeouts run on.
 * The SDK never shuts down an executor it was given, so closing this closes both.
 */
final class FirehoseConnection implements AutoCloseable {
    private final FirehoseClient client;
    private final ScheduledExecutorService timer;

    FirehoseConnection(FirehoseClient client, ScheduledExecutorService timer) {
        this.client = client;
        this.timer = timer;
    }

    FirehoseClient client() {
        return client;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            timer.shutdownNow();
        }
    }
}
