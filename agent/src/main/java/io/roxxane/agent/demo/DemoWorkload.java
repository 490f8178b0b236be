package io.roxxane.agent.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small stand-in service for the demo: a few worker threads that allocate, keep a changing
 * working set (so the heap and the collector have something to do), burn some CPU and sleep.
 */
public final class DemoWorkload {
    private static volatile long sink;

    private DemoWorkload() {
    }

    /** Runs for {@code seconds}, then returns. */
    public static void run(int seconds) throws InterruptedException {
        final long end = System.nanoTime() + seconds * 1_000_000_000L;
        int workers = 3;
        final CountDownLatch done = new CountDownLatch(workers);
        for (int i = 0; i < workers; i++) {
            Thread worker = new Thread(new Runnable() {
                @Override
                public void run() {
                    try {
                        work(end);
                    } finally {
                        done.countDown();
                    }
                }
            }, "demo-worker-" + i);
            worker.start();
        }
        done.await();
    }

    private static void work(long endNanos) {
        List<byte[]> workingSet = new ArrayList<byte[]>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < endNanos) {
            for (int i = 0; i < 200; i++) {
                byte[] chunk = new byte[random.nextInt(1_024, 64 * 1_024)];
                chunk[0] = (byte) i;
                if (workingSet.size() < 400) {
                    workingSet.add(chunk);
                } else {
                    workingSet.set(random.nextInt(workingSet.size()), chunk);
                }
            }
            long x = 0;
            for (int i = 0; i < 200_000; i++) {
                x += (long) i * i ^ x >>> 3;
            }
            sink = x;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
