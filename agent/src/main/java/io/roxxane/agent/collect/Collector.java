package io.roxxane.agent.collect;

import io.roxxane.agent.sample.Sample;

/**
 * One family of metrics (host CPU, JVM memory, GC, …). A collector keeps what it needs to turn
 * counters into deltas. If {@link #collect} throws, {@link CollectorSet} switches it off with one
 * warning, under the name it was registered with ({@link NamedCollector}), and the others go on.
 */
public interface Collector {
    /** Adds this family's columns to {@code sample}. Called on the collector thread only. */
    void collect(Sample sample) throws Exception;
}
