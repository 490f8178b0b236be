package io.roxxane.agent.collect.jvm;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Deltas;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;

/** Classes loaded now and unloaded in the interval. */
public final class ClassLoadingCollector implements Collector {
    private final ClassLoadingMXBean classes;
    private final Deltas unloaded = new Deltas();

    public ClassLoadingCollector() {
        this(ManagementFactory.getClassLoadingMXBean());
    }

    public ClassLoadingCollector(ClassLoadingMXBean classes) {
        this.classes = classes;
    }

    @Override
    public void collect(Sample sample) {
        sample.set(Column.JVM_CLASSES_LOADED, classes.getLoadedClassCount());
        long delta = unloaded.next(classes.getUnloadedClassCount());
        if (delta >= 0) {
            sample.set(Column.JVM_CLASSES_UNLOADED, delta);
        }
    }
}
