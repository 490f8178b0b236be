package io.roxxane.agent.sink.firehose;

import java.util.ArrayList;
import java.util.List;

/**
 * A host at high memory, as one the container's OOM killer is about to kill: runs light for
 * {@code args[1]} ms, then fills its heap with live data to {@code args[0]} percent of the maximum
 * (backing off if the collector cannot keep up) and holds it until killed.
 */
public final class HoldingHost {
    private HoldingHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        int percent = Integer.parseInt(args[0]);
        Thread.sleep(Long.parseLong(args[1]));
        long target = Runtime.getRuntime().maxMemory() / 100 * percent;
        List<byte[]> kept = new ArrayList<>();
        long held = 0;
        while (held < target) {
            try {
                kept.add(new byte[64 * 1024]);
                held += 64 * 1024;
            } catch (OutOfMemoryError full) {
                for (int i = 0; i < 32 && !kept.isEmpty(); i++) {
                    kept.remove(kept.size() - 1);
                }
                break;
            }
            if (held % (4 << 20) == 0) {
                Thread.sleep(20);
            }
        }
        System.out.println("holding " + kept.size() * 64 + " KiB");
        while (!kept.isEmpty()) {
            Thread.sleep(1_000);
        }
    }
}
