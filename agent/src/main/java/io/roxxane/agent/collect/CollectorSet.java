package io.roxxane.agent.collect;

import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.sample.Sample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Runs every enabled collector; switches off, with one warning, any that fails. */
public final class CollectorSet {
    private final List<NamedCollector> collectors;
    private final boolean[] disabled;
    private int disabledCount;

    public CollectorSet(List<NamedCollector> collectors, int unavailableAtStart) {
        this.collectors = new ArrayList<NamedCollector>(collectors);
        this.disabled = new boolean[collectors.size()];
        this.disabledCount = unavailableAtStart;
    }

    /** Fills {@code sample} from every enabled collector. Never throws. */
    public void collectInto(Sample sample) {
        for (int i = 0; i < collectors.size(); i++) {
            if (disabled[i]) {
                continue;
            }
            NamedCollector collector = collectors.get(i);
            try {
                collector.collect(sample);
            } catch (Throwable t) {
                disabled[i] = true;
                disabledCount++;
                AgentLog.warn("collector " + collector.name() + " switched off: " + AgentLog.describe(t)
                        + "; the other collectors go on");
            }
        }
    }

    /** Collectors switched off, at start (unsupported) or after a failure. */
    public int disabledCount() {
        return disabledCount;
    }

    public List<NamedCollector> collectors() {
        return Collections.unmodifiableList(collectors);
    }
}
