package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import oshi.hardware.CentralProcessor;

/**
 * Host CPU utilisation and time by mode over the interval, load averages, logical CPUs. On Linux
 * the first line of /proc/stat (only its first kilobyte is read: the rest, one line per CPU and
 * the interrupt counters, can be large), /proc/loadavg, and the online CPUs of
 * /sys/devices/system/cpu/online (read once); OSHI elsewhere. Utilisation is computed as OSHI
 * does: busy ticks (all but idle and iowait) over all ticks between two samples. Each mode (user,
 * nice, system, idle, iowait, irq, softirq, steal) is its ticks over all ticks, so the eight add
 * up to 1 (guest time is already inside user and nice); a mode whose counter went backwards (the
 * kernel's iowait may) is left out for that interval. The modes come from /proc/stat only: off
 * Linux they stay null, as OSHI's ticks there lack some modes and would read as 0.
 */
public final class HostCpuCollector implements Collector {
    static final int TICK_FIELDS = 8; // user nice system idle iowait irq softirq steal
    private static final int IDLE = 3;
    private static final int IOWAIT = 4;
    /** The columns of the modes, in the order of /proc/stat's fields. */
    private static final Column[] MODES = {Column.HOST_CPU_USER, Column.HOST_CPU_NICE, Column.HOST_CPU_SYSTEM,
        Column.HOST_CPU_IDLE, Column.HOST_CPU_IOWAIT, Column.HOST_CPU_IRQ, Column.HOST_CPU_SOFTIRQ,
        Column.HOST_CPU_STEAL};

    private final OshiFallback oshi;
    private final int logicalCpus;
    private final ProcFile stat;
    private final ProcFile loadavg;
    private long[] previousTicks;
    private boolean previousFromOshi;
    private long[] ticks = new long[TICK_FIELDS];

    public HostCpuCollector(OshiFallback oshi) {
        this(oshi, new ProcFile("/proc/stat", 1_024), new ProcFile("/proc/loadavg", 128),
                new ProcFile("/sys/devices/system/cpu/online", 64));
    }

    HostCpuCollector(OshiFallback oshi, ProcFile stat, ProcFile loadavg, ProcFile cpusOnline) {
        this.oshi = oshi;
        int online = cpusOnline.read(4_096) ? cpusInList(cpusOnline) : -1;
        cpusOnline.close(); // read once
        this.logicalCpus = online > 0 ? online : oshi.hardware().getProcessor().getLogicalProcessorCount();
        this.stat = stat;
        this.loadavg = loadavg;
    }

    /**
     * The number of CPUs in a kernel CPU list such as {@code 0-3,8,10-11} (as in
     * /sys/devices/system/cpu/online); -1 if the list is empty or malformed.
     */
    static int cpusInList(ProcFile list) {
        int count = 0;
        int at = 0;
        while (at < list.length() && list.at(at) != '\n') {
            long first = list.number(at);
            if (first < 0) {
                return -1;
            }
            at = list.skipDigits(at);
            long last = first;
            if (at < list.length() && list.at(at) == '-') {
                last = list.number(at + 1);
                if (last < first) {
                    return -1;
                }
                at = list.skipDigits(at + 1);
            }
            count += (int) (last - first + 1);
            if (at < list.length() && list.at(at) == ',') {
                at++;
            } else if (at < list.length() && list.at(at) != '\n') {
                return -1;
            }
        }
        return count > 0 ? count : -1;
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
                for (int i = 0; i < TICK_FIELDS; i++) {
                    long mode = ticks[i] - previousTicks[i];
                    if (mode >= 0 && mode <= total) {
                        sample.set(MODES[i], (double) mode / total);
                    }
                }
            }
            long[] swap = previousTicks != null && !previousFromOshi ? previousTicks : new long[TICK_FIELDS];
            previousTicks = ticks;
            previousFromOshi = false;
            ticks = swap;
            return;
        }
        CentralProcessor processor = oshi.hardware().getProcessor();
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
            double[] average = oshi.hardware().getProcessor().getSystemLoadAverage(3);
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
