package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.io.File;

/**
 * Pressure stall information of the whole host from /proc/pressure (Linux 4.20 and later, unless
 * booted with {@code psi=0}): for CPU, memory and I/O the share of the last 10 seconds in which
 * some task (or, for memory and I/O, every non-idle task: "full") was stalled waiting for that
 * resource, and the stall time in the interval. Inside a container these are still the host's
 * figures (the kernel does not namespace /proc/pressure; a cgroup's own are in its
 * {@code *.pressure} files). Where the kernel has no /proc/pressure — checked once, at start: it
 * exists from boot or never — the columns stay null and nothing is read.
 */
public final class PressureCollector implements Collector {
    private final PressureFile cpu;
    private final PressureFile memory;
    private final PressureFile io;

    public PressureCollector() {
        this(new File("/proc/pressure"));
    }

    PressureCollector(File directory) {
        this.cpu = available(directory, "cpu");
        this.memory = available(directory, "memory");
        this.io = available(directory, "io");
    }

    private static PressureFile available(File directory, String resource) {
        File file = new File(directory, resource);
        return file.canRead() ? new PressureFile(file.getPath()) : null;
    }

    @Override
    public void collect(Sample sample) {
        if (cpu != null && cpu.read()) {
            sample.set(Column.HOST_PRESSURE_CPU_SOME_AVG10, cpu.someAvg10());
            setStall(sample, Column.HOST_PRESSURE_CPU_SOME_STALL_US, cpu.someStallUs());
        }
        if (memory != null && memory.read()) {
            sample.set(Column.HOST_PRESSURE_MEMORY_SOME_AVG10, memory.someAvg10())
                    .set(Column.HOST_PRESSURE_MEMORY_FULL_AVG10, memory.fullAvg10());
            setStall(sample, Column.HOST_PRESSURE_MEMORY_SOME_STALL_US, memory.someStallUs());
            setStall(sample, Column.HOST_PRESSURE_MEMORY_FULL_STALL_US, memory.fullStallUs());
        }
        if (io != null && io.read()) {
            sample.set(Column.HOST_PRESSURE_IO_SOME_AVG10, io.someAvg10())
                    .set(Column.HOST_PRESSURE_IO_FULL_AVG10, io.fullAvg10());
            setStall(sample, Column.HOST_PRESSURE_IO_SOME_STALL_US, io.someStallUs());
            setStall(sample, Column.HOST_PRESSURE_IO_FULL_STALL_US, io.fullStallUs());
        }
    }

    private static void setStall(Sample sample, Column column, long us) {
        if (us >= 0) {
            sample.set(column, us);
        }
    }

    /** Whether the kernel has /proc/pressure/cpu, memory and io (for tests). */
    boolean available() {
        return cpu != null && memory != null && io != null;
    }
}
