package io.roxxane.agent.collect;

import io.roxxane.agent.sample.Sample;

/** A collector under the short name its messages use ("host-cpu"), given where the agent assembles them. */
public final class NamedCollector implements Collector {
    private final String name;
    private final Collector collector;

    public NamedCollector(String name, Collector collector) {
        this.name = name;
        this.collector = collector;
    }

    public String name() {
        return name;
    }

    /** The collector itself, for benchmarks that tell the collectors apart by kind. */
    public Collector collector() {
        return collector;
    }

    @Override
    public void collect(Sample sample) throws Exception {
        collector.collect(sample);
    }
}
