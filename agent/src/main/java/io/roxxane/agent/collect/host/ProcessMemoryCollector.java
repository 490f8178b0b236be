package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import oshi.software.os.OSProcess;

/**
 * Resident set size of this JVM's process. On Linux: resident pages from /proc/self/statm times
 * the page size ({@link PageSize}, read once), or where that is unknown the {@code VmRSS} line of
 * /proc/self/status (the same counter in kB; the kernel writes fifty lines for that file, so it
 * costs about twice as much). OSHI elsewhere.
 */
public final class ProcessMemoryCollector implements Collector {
    private final OshiFallback oshi;
    private final long pageSize;
    private final ProcFile statm;
    private final ProcFile status;
    private OSProcess process;

    public ProcessMemoryCollector(OshiFallback oshi) {
        this(oshi, PageSize.ofThisProcess(), new ProcFile("/proc/self/statm", 128),
                new ProcFile("/proc/self/status", 2_048));
    }

    ProcessMemoryCollector(OshiFallback oshi, long pageSize, ProcFile statm, ProcFile status) {
        this.oshi = oshi;
        this.pageSize = pageSize;
        this.statm = statm;
        this.status = status;
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
                throw new IllegalStateException("neither /proc/self nor OSHI shows this process");
            }
        }
        if (process.updateAttributes()) {
            sample.set(Column.PROCESS_RSS_BYTES, process.getResidentMemory());
        }
    }
}
