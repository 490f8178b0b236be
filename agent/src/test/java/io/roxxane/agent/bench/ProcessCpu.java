package io.roxxane.agent.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * CPU clocks beyond the calling thread's: the whole JVM's (every thread, GC and JIT included) and
 * that of child processes it has waited for (OSHI runs commands for some reads). Thread CPU alone
 * would miss both.
 */
final class ProcessCpu {
    /** USER_HZ: /proc/self/stat counts in ticks of 1/100 s on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {
    }

    /** CPU used by every thread of this JVM, in nanoseconds. */
    static long jvmNanos() {
        return OS.getProcessCpuTime();
    }

    /** CPU used by this process's finished children (cutime + cstime), in nanoseconds, 10 ms resolution. */
    static long childrenNanos() {
        try {
            String stat = new String(Files.readAllBytes(Paths.get("/proc/self/stat")), StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            // fields[0] is field 3 (state): cutime is field 16, cstime field 17
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * NANOS_PER_TICK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
