package io.roxxane.agent.bench;

import io.roxxane.agent.collect.CollectorSet;
import io.roxxane.agent.DefaultCollectors;
import io.roxxane.agent.collect.NamedCollector;
import io.roxxane.agent.sample.Sample;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Whole-process measure of the CPU one sample costs, independent of JMH: collects N samples with
 * the agent's collectors and N with the naive OSHI baseline, alternating, and prints the median and
 * 90th percentile of this thread's CPU time per sample. Then, in separate blocks of N/2 samples, the
 * mean CPU per sample of the whole JVM (every thread: GC, JIT) and of child processes (OSHI runs
 * commands for some reads, which a thread's CPU clock never sees). Last, the median per collector.
 *
 * <p>Usage: {@code java -cp <test class path> io.roxxane.agent.bench.CollectionCostMain [N]}
 */
public final class CollectionCostMain {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CollectionCostMain() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmup = Math.max(50, n / 10);
        CollectorSet agent = DefaultCollectors.create();
        NaiveOshiSampler naive = new NaiveOshiSampler();
        for (int i = 0; i < warmup; i++) {
            agent.collectInto(new Sample());
            naive.collectInto(new Sample());
        }
        long[] agentCpu = new long[n];
        long[] naiveCpu = new long[n];
        long[] agentWall = new long[n];
        for (int i = 0; i < n; i++) {
            long wall = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            agent.collectInto(new Sample());
            agentCpu[i] = THREADS.getCurrentThreadCpuTime() - cpu;
            agentWall[i] = System.nanoTime() - wall;
            cpu = THREADS.getCurrentThreadCpuTime();
            naive.collectInto(new Sample());
            naiveCpu[i] = THREADS.getCurrentThreadCpuTime() - cpu;
        }
        System.out.printf("samples: %d each (after %d warm-up), java %s, %d CPUs%n", n, warmup,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf("agent collectors: CPU per sample median %.0f us, p90 %.0f us (wall median %.0f us)%n",
                percentile(agentCpu, 50), percentile(agentCpu, 90), percentile(agentWall, 50));
        System.out.printf("naive OSHI:       CPU per sample median %.0f us, p90 %.0f us%n",
                percentile(naiveCpu, 50), percentile(naiveCpu, 90));
        System.out.printf("ratio naive/agent (median CPU): %.1fx%n",
                percentile(naiveCpu, 50) / Math.max(1.0, percentile(agentCpu, 50)));
        int block = Math.max(1, n / 2);
        System.out.printf("whole JVM + children, mean CPU per sample over %d samples each:%n", block);
        wholeProcess("agent collectors", block, () -> agent.collectInto(new Sample()));
        wholeProcess("naive OSHI", block, () -> naive.collectInto(new Sample()));
        System.out.printf("disabled collectors: %d%n", agent.disabledCount());
        perCollector(agent.collectors(), n);
    }

    private interface Op {
        void run() throws Exception;
    }

    private static void wholeProcess(String name, int samples, Op op) throws Exception {
        long children = ProcessCpu.childrenNanos();
        long jvm = ProcessCpu.jvmNanos();
        long wall = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            op.run();
        }
        double wallUs = (System.nanoTime() - wall) / 1000.0 / samples;
        double jvmUs = (ProcessCpu.jvmNanos() - jvm) / 1000.0 / samples;
        double childrenUs = (ProcessCpu.childrenNanos() - children) / 1000.0 / samples;
        System.out.printf("  %-17s JVM %8.0f us + children %8.0f us = %8.0f us (wall %8.0f us)%n", name + ":", jvmUs,
                childrenUs, jvmUs + childrenUs, wallUs);
    }

    private static void perCollector(List<NamedCollector> collectors, int n) throws Exception {
        System.out.println("per collector (CPU us per sample, median / p90):");
        for (NamedCollector collector : collectors) {
            long[] cpu = new long[n];
            for (int i = 0; i < n; i++) {
                Sample sample = new Sample();
                long start = THREADS.getCurrentThreadCpuTime();
                collector.collect(sample);
                cpu[i] = THREADS.getCurrentThreadCpuTime() - start;
            }
            System.out.printf("  %-18s %8.1f %8.1f%n", collector.name(), percentile(cpu, 50), percentile(cpu, 90));
        }
    }

    /** Nearest-rank percentile, in microseconds. */
    static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
