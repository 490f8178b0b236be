package io.roxxane.agent.bench;

import io.roxxane.agent.collect.CollectorSet;
import io.roxxane.agent.DefaultCollectors;
import io.roxxane.agent.collect.NamedCollector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.agent.sample.SampleEncoder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CPU per sample at the agent's real cadence, from the first sample on: one sample (every
 * collector, then the JSON encoding) every {@code PACE_MS}, as the agent's thread does, with this
 * thread's CPU time measured around each collector. Back-to-back loops (JMH, {@link
 * CollectionCostMain}) keep code compiled and caches warm; a sample a second does not.
 * Every other sample is timed as a whole, the others per collector. Prints the median CPU per
 * sample and per collector over windows of the run.
 *
 * <p>Usage: {@code java -cp <test class path> io.roxxane.agent.bench.PacedCollectionCostMain [SAMPLES] [PACE_MS]}
 */
public final class PacedCollectionCostMain {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PacedCollectionCostMain() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        long paceMillis = args.length > 1 ? Long.parseLong(args[1]) : 1_000;
        CollectorSet set = DefaultCollectors.create();
        List<NamedCollector> collectors = set.collectors();
        SampleEncoder encoder = new SampleEncoder();
        long[][] perCollector = new long[collectors.size()][samples];
        long[] encode = new long[samples];
        long[] total = new long[samples];
        long next = System.nanoTime();
        for (int s = 0; s < samples; s++) {
            if (s % 2 == 1) {
                // Every other sample is timed as a whole only: the per-collector clock reads cost
                // a few microseconds each when cold, which the whole would otherwise include.
                long start = THREADS.getCurrentThreadCpuTime();
                Sample sample = new Sample();
                set.collectInto(sample);
                encoder.encodeForSink(sample);
                total[s] = THREADS.getCurrentThreadCpuTime() - start;
            } else {
                Sample sample = new Sample();
                for (int c = 0; c < collectors.size(); c++) {
                    long before = THREADS.getCurrentThreadCpuTime();
                    collectors.get(c).collect(sample);
                    perCollector[c][s] = THREADS.getCurrentThreadCpuTime() - before;
                }
                long before = THREADS.getCurrentThreadCpuTime();
                encoder.encodeForSink(sample);
                encode[s] = THREADS.getCurrentThreadCpuTime() - before;
            }
            next += paceMillis * 1_000_000L;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
            }
        }
        List<int[]> windows = windows(samples);
        System.out.printf("paced: %d samples, one per %d ms, java %s, %d CPUs; median CPU us per sample%n", samples,
                paceMillis, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        StringBuilder header = new StringBuilder(String.format("  %-20s", "samples"));
        for (int[] w : windows) {
            header.append(String.format(" %11s", w[0] + "-" + (w[1] - 1)));
        }
        System.out.println(header);
        print("total (odd samples)", total, windows, true);
        System.out.println("  per part (even samples):");
        for (int c = 0; c < collectors.size(); c++) {
            print(collectors.get(c).name(), perCollector[c], windows, false);
        }
        print("json encoding", encode, windows, false);
    }

    private static long[] every(long[] part, int firstIndex, boolean odd) {
        long[] picked = new long[part.length];
        int n = 0;
        for (int i = 0; i < part.length; i++) {
            if (((firstIndex + i) % 2 == 1) == odd) {
                picked[n++] = part[i];
            }
        }
        return Arrays.copyOf(picked, Math.max(1, n));
    }

    private static List<int[]> windows(int samples) {
        List<int[]> windows = new ArrayList<>();
        int[] bounds = {0, 10, 60, 200, 600, 2_000, 6_000};
        for (int i = 0; i + 1 < bounds.length && bounds[i] < samples; i++) {
            windows.add(new int[] {bounds[i], Math.min(bounds[i + 1], samples)});
        }
        return windows;
    }

    /** Medians over each window, of the odd samples ({@code odd}) or the even ones. */
    private static void print(String name, long[] nanos, List<int[]> windows, boolean odd) {
        StringBuilder line = new StringBuilder(String.format("  %-20s", name));
        for (int[] w : windows) {
            long[] part = every(Arrays.copyOfRange(nanos, w[0], w[1]), w[0], odd);
            line.append(String.format(" %11.0f", CollectionCostMain.percentile(part, 50)));
        }
        System.out.println(line);
    }
}
