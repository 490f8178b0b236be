package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import oshi.software.os.OSProcess;

/**
 * Resident set size of this JVM's process: the {@code VmRSS} line of /proc/self/status on Linux
 * (in kB, so no page size is needed; OSHI's process refresh reads several files for it), OSHI
 * elsewhere.
 */
public final class ProcessMemoryCollector implements Collector {
    private final OshiFallback oshi;
    private final ProcFile status;
    private OSProcess process;

    public ProcessMemoryCollector(OshiFallback oshi) {
        this(oshi, new ProcFile("/proc/self/status", 2_048));
    }

    ProcessMemoryCollector(OshiFallback oshi, ProcFile status) {
        this.oshi = oshi;
        this.status = status;
    }

    @Override
    public String name() {
        return "process-memory";
    }

    @Override
    public void collect(Sample sample) {
        if (status.read()) {
            long rss = status.kbLineBytes("VmRSS:");
            if (rss >= 0) {
                sample.set(Column.PROCESS_RSS_BYTES, rss);
                return;
            }
        }
        if (process == null) {
            process = oshi.os().getCurrentProcess();
            if (process == null) {
                throw new IllegalStateException("neither /proc/self/status nor OSHI shows this process");
            }
        }
        if (process.updateAttributes()) {
            sample.set(Column.PROCESS_RSS_BYTES, process.getResidentMemory());
        }
    }
}
