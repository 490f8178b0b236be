package io.roxxane.agent.collect;

import java.util.ArrayList;
import java.util.List;

/** The collectors the agent runs. */
public final class DefaultCollectors {
    private DefaultCollectors() {
    }

    public static CollectorSet create() {
        List<Collector> collectors = new ArrayList<Collector>();
        return new CollectorSet(collectors, 0);
    }
}
