package io.roxxane.agent.bench;

import io.roxxane.agent.collect.CollectorSet;
import io.roxxane.agent.DefaultCollectors;
import io.roxxane.agent.sample.Sample;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole sample: the agent's collectors against the naive OSHI baseline, in the same run.
 * Besides JMH's wall time per op (and, with {@code -prof gc}, bytes allocated per op), the
 * {@link CpuCounters} report, per iteration, the op count and the CPU nanoseconds spent inside the
 * ops: this thread's, the whole JVM's (GC and JIT included) and child processes' (OSHI runs
 * commands for some reads). CPU per sample = counter / ops (bench/collection/cost.sh prints it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CollectionCostBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @State(Scope.Thread)
    public static class Agent {
        CollectorSet collectors;

        @Setup(Level.Trial)
        public void setUp() {
            collectors = DefaultCollectors.create();
        }
    }

    @State(Scope.Thread)
    public static class Naive {
        NaiveOshiSampler sampler;

        @Setup(Level.Trial)
        public void setUp() {
            sampler = new NaiveOshiSampler();
        }
    }

    /** Op count and CPU spent inside the ops, per iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuCounters {
        public long ops;
        public long cpuNanos;
        public long jvmCpuNanos;
        public long childCpuNanos;
        long childrenAtStart;
        long jvmAtStart;
        long threadAtStart;

        @Setup(Level.Iteration)
        public void reset() {
            ops = 0;
            cpuNanos = 0;
            jvmCpuNanos = 0;
            childCpuNanos = 0;
        }

        void start() {
            childrenAtStart = ProcessCpu.childrenNanos();
            jvmAtStart = ProcessCpu.jvmNanos();
            threadAtStart = THREADS.getCurrentThreadCpuTime();
        }

        void stop() {
            cpuNanos += THREADS.getCurrentThreadCpuTime() - threadAtStart;
            jvmCpuNanos += ProcessCpu.jvmNanos() - jvmAtStart;
            childCpuNanos += ProcessCpu.childrenNanos() - childrenAtStart;
            ops++;
        }
    }

    @Benchmark
    public Sample agentCollectors(Agent agent, CpuCounters cpu) {
        cpu.start();
        Sample sample = new Sample();
        agent.collectors.collectInto(sample);
        cpu.stop();
        return sample;
    }

    @Benchmark
    public Sample naiveOshi(Naive naive, CpuCounters cpu) throws Exception {
        cpu.start();
        Sample sample = new Sample();
        naive.sampler.collectInto(sample);
        cpu.stop();
        return sample;
    }
}
