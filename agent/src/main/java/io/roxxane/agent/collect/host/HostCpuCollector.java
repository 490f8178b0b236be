package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import oshi.hardware.CentralProcessor;

/**
 * Host CPU utilisation over the interval, load averages, logical CPUs. On Linux the first line
 * of /proc/stat (only its first kilobyte is read: the rest, one line per CPU and the interrupt
 * counters, can be large) and /proc/loadavg; OSHI elsewhere. Utilisation is computed as OSHI
 * does: busy ticks (all but idle and iowait) over all ticks between two samples.
 */
public final class HostCpuCollector implements Collector {
    static final int TICK_FIELDS = 8; // user nice system idle iowait irq softirq steal
    private static final int IDLE = 3;
    private static final int IOWAIT = 4;

    private final CentralProcessor processor;
    private final int logicalCpus;
    private final ProcFile stat;
    private final ProcFile loadavg;
    private long[] previousTicks;
    private boolean previousFromOshi;
    private long[] ticks = new long[TICK_FIELDS];

    public HostCpuCollector(CentralProcessor processor) {
        this(processor, new ProcFile("/proc/stat", 1_024), new ProcFile("/proc/loadavg", 128));
    }

    HostCpuCollector(CentralProcessor processor, ProcFile stat, ProcFile loadavg) {
        this.processor = processor;
        this.logicalCpus = processor.getLogicalProcessorCount();
        this.stat = stat;
        this.loadavg = loadavg;
    }

    @Override
    public String name() {
        return "host-cpu";
    }

    @Override
    public void collect(Sample sample) {
        collectUtilisation(sample);
        collectLoad(sample);
        sample.set(Column.HOST_CPU_COUNT, logicalCpus);
    }

    private void collectUtilisation(Sample sample) {
        if (readTicks(ticks)) {
            if (previousTicks != null && !previousFromOshi) {
                long total = 0;
                for (int i = 0; i < TICK_FIELDS; i++) {
                    total += ticks[i] - previousTicks[i];
                }
                if (total <= 0) {
                    return; // not one tick since the last sample: nothing measured yet, keep the baseline
                }
                long idle = ticks[IDLE] + ticks[IOWAIT] - previousTicks[IDLE] - previousTicks[IOWAIT];
                if (idle >= 0 && idle <= total) {
                    sample.set(Column.HOST_CPU_UTILIZATION, (double) (total - idle) / total);
                }
            }
            long[] swap = previousTicks != null && !previousFromOshi ? previousTicks : new long[TICK_FIELDS];
            previousTicks = ticks;
            previousFromOshi = false;
            ticks = swap;
            return;
        }
        long[] oshiTicks = processor.getSystemCpuLoadTicks();
        if (previousTicks != null && previousFromOshi) { // OSHI's ticks and the kernel's differ in unit
            double load = processor.getSystemCpuLoadBetweenTicks(previousTicks, oshiTicks);
            if (load >= 0) {
                sample.set(Column.HOST_CPU_UTILIZATION, load);
            }
        }
        previousTicks = oshiTicks;
        previousFromOshi = true;
    }

    /** The aggregate "cpu " line of /proc/stat into {@code into}; false if it cannot be read. */
    private boolean readTicks(long[] into) {
        if (!stat.read(1_024)) {
            return false;
        }
        int at = stat.lineStartingWith("cpu ", 0);
        if (at < 0) {
            return false;
        }
        for (int i = 0; i < TICK_FIELDS; i++) {
            long value = stat.number(at);
            if (value < 0) {
                return false;
            }
            into[i] = value;
            at = stat.skipField(at);
        }
        return true;
    }

    private void collectLoad(Sample sample) {
        double one = Double.NaN;
        double five = Double.NaN;
        double fifteen = Double.NaN;
        if (loadavg.read(128)) {
            int at = 0;
            one = loadavg.decimal(at);
            at = loadavg.skipField(at);
            five = loadavg.decimal(at);
            at = loadavg.skipField(at);
            fifteen = loadavg.decimal(at);
        }
        if (Double.isNaN(one) || Double.isNaN(five) || Double.isNaN(fifteen)) {
            double[] average = processor.getSystemLoadAverage(3);
            one = average[0];
            five = average[1];
            fifteen = average[2];
        }
        if (one >= 0) {
            sample.set(Column.HOST_LOAD_1M, one)
                    .set(Column.HOST_LOAD_5M, five)
                    .set(Column.HOST_LOAD_15M, fifteen);
        }
    }
}
