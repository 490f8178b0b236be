package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/** Resident set size of this JVM's process. */
public final class ProcessMemoryCollector implements Collector {
    private final OSProcess process;

    public ProcessMemoryCollector(OperatingSystem os) {
        this.process = os.getCurrentProcess();
        if (process == null) {
            throw new IllegalStateException("OSHI cannot see this process");
        }
    }

    @Override
    public String name() {
        return "process-memory";
    }

    @Override
    public void collect(Sample sample) {
        if (process.updateAttributes()) {
            sample.set(Column.PROCESS_RSS_BYTES, process.getResidentMemory());
        }
    }
}
