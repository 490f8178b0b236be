package io.roxxane.agent.cli.attach;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds JVMs without the attach API: every HotSpot JVM (unless started with
 * {@code -XX:-UsePerfData}) keeps a file named after its pid in {@code <tmp>/hsperfdata_<user>/}.
 */
public final class PerfDataScanner {
    private final File tmp;

    public PerfDataScanner() {
        this(new File("/tmp"));
    }

    public PerfDataScanner(File tmp) {
        this.tmp = tmp;
    }

    /** Pids with a performance-data file, of any user whose folder this user can read. */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<Long>();
        File[] userDirs = tmp.listFiles();
        if (userDirs == null) {
            return pids;
        }
        for (File userDir : userDirs) {
            if (!userDir.getName().startsWith("hsperfdata_")) {
                continue;
            }
            String[] names = userDir.list();
            if (names == null) {
                continue;
            }
            for (String name : names) {
                try {
                    pids.add(Long.parseLong(name));
                } catch (NumberFormatException notAPid) {
                    // another file
                }
            }
        }
        return pids;
    }

    /** True when a performance-data file for {@code pid} exists here. */
    public boolean hasFileFor(long pid) {
        return pids().contains(pid);
    }
}
