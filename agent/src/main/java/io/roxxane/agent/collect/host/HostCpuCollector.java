package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import oshi.hardware.CentralProcessor;

/** Host CPU utilisation over the interval (from /proc/stat ticks), load averages, logical CPUs. */
public final class HostCpuCollector implements Collector {
    private final CentralProcessor processor;
    private final int logicalCpus;
    private long[] previousTicks;

    public HostCpuCollector(CentralProcessor processor) {
        this.processor = processor;
        this.logicalCpus = processor.getLogicalProcessorCount();
    }

    @Override
    public String name() {
        return "host-cpu";
    }

    @Override
    public void collect(Sample sample) {
        long[] ticks = processor.getSystemCpuLoadTicks();
        if (previousTicks != null) {
            double load = processor.getSystemCpuLoadBetweenTicks(previousTicks, ticks);
            if (load >= 0) {
                sample.set(Column.HOST_CPU_UTILIZATION, load);
            }
        }
        previousTicks = ticks;
        double[] average = processor.getSystemLoadAverage(3);
        if (average[0] >= 0) {
            sample.set(Column.HOST_LOAD_1M, average[0])
                    .set(Column.HOST_LOAD_5M, average[1])
                    .set(Column.HOST_LOAD_15M, average[2]);
        }
        sample.set(Column.HOST_CPU_COUNT, logicalCpus);
    }
}
