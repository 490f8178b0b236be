import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The light workload of bench/agents/run.sh, the same for every configuration: two worker
 * threads that each, every 10 ms, allocate about 64 KB (a working set of 8 MB that keeps
 * changing, so there are young collections), hash a little, and sleep: about 1.5-2% of one core
 * (15-18 ms of CPU per second measured on the 2-core build machine).
 * Usage: java Workload SECONDS   (0: print "hello" and return, the start-up case)
 */
public final class Workload {
    private static volatile long sink;

    public static void main(String[] args) throws InterruptedException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        if (seconds <= 0) {
            System.out.println("hello");
            return;
        }
        final long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] workers = new Thread[2];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Thread(() -> work(end), "bench-worker-" + w);
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }

    private static void work(long endNanos) {
        List<byte[]> workingSet = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < endNanos) {
            for (int i = 0; i < 16; i++) {
                byte[] chunk = new byte[random.nextInt(1_024, 7_168)];
                chunk[0] = (byte) i;
                if (workingSet.size() < 2_000) {
                    workingSet.add(chunk);
                } else {
                    workingSet.set(random.nextInt(workingSet.size()), chunk);
                }
            }
            long x = 0;
            for (int i = 0; i < 20_000; i++) {
                x += (long) i * i ^ x >>> 3;
            }
            sink = x;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
