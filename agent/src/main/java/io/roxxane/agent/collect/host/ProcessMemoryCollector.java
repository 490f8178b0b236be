package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import oshi.software.common.os.linux.LinuxOperatingSystem;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Resident set size of this JVM's process: resident pages from /proc/self/statm times the page
 * size on Linux (OSHI's process refresh reads several files for it), OSHI elsewhere.
 */
public final class ProcessMemoryCollector implements Collector {
    private final OSProcess process;
    private final ProcFile statm;
    private final long pageSize;

    public ProcessMemoryCollector(OperatingSystem os) {
        this(os, new ProcFile("/proc/self/statm", 128));
    }

    ProcessMemoryCollector(OperatingSystem os, ProcFile statm) {
        this.process = os.getCurrentProcess();
        if (process == null) {
            throw new IllegalStateException("OSHI cannot see this process");
        }
        this.statm = statm;
        this.pageSize = os instanceof LinuxOperatingSystem ? ((LinuxOperatingSystem) os).getPageSize() : -1;
    }

    @Override
    public String name() {
        return "process-memory";
    }

    @Override
    public void collect(Sample sample) {
        if (pageSize > 0 && statm.read(128)) {
            long residentPages = statm.number(statm.skipField(0)); // fields: size resident shared ...
            if (residentPages >= 0) {
                sample.set(Column.PROCESS_RSS_BYTES, residentPages * pageSize);
                return;
            }
        }
        if (process.updateAttributes()) {
            sample.set(Column.PROCESS_RSS_BYTES, process.getResidentMemory());
        }
    }
}
