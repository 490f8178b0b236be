package io.roxxane.agent.sink.firehose;

import java.util.ArrayList;
import java.util.List;

/**
 * A host that leaks until the heap runs out: {@code args[0]} KiB every 100 ms, kept reachable.
 * With -XX:+ExitOnOutOfMemoryError the JVM dies at the first OutOfMemoryError; without it the
 * error ends the main thread and the JVM shuts down normally.
 */
public final class LeakingHost {
    private LeakingHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        int kib = Integer.parseInt(args[0]);
        List<byte[]> kept = new ArrayList<>();
        while (true) {
            kept.add(new byte[kib * 1024]);
            Thread.sleep(100);
        }
    }
}
