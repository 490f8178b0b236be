package io.roxxane.agent.collect.jvm;

import static io.roxxane.agent.collect.jvm.JvmMemoryCollectorTest.assertBetween;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class ClassLoadingCollectorTest {
    private final ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();

    /** Loaded again, in a loader of its own, to make one class more. Uses only java.base. */
    public static final class Loadable {
    }

    @Test
    void collect_whenClassLoaded_loadedAgreesWithMXBeanAndRises() throws Exception {
        ClassLoadingCollector collector = new ClassLoadingCollector();
        long directBefore = classes.getLoadedClassCount();
        Sample first = new Sample();
        collector.collect(first);
        long directAfter = classes.getLoadedClassCount();
        long loaded = first.getLong(Column.JVM_CLASSES_LOADED, -1);
        assertBetween(directBefore, directAfter, loaded, "loaded classes");
        assertFalse(first.has(Column.JVM_CLASSES_UNLOADED), "the first sample has no interval");

        URL testClasses = Loadable.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {testClasses}, null)) {
            Class<?> copy = isolated.loadClass(Loadable.class.getName());
            assertNotSame(Loadable.class, copy);
            Sample second = new Sample();
            collector.collect(second);
            assertTrue(second.getLong(Column.JVM_CLASSES_LOADED, -1) >= loaded + 1, "one class more at least");
            assertTrue(second.getLong(Column.JVM_CLASSES_UNLOADED, -1) >= 0);
        }
    }

    @Test
    void collect_whenInterval_unloadedDeltaWithinDirectReadings() {
        ClassLoadingCollector collector = new ClassLoadingCollector();
        long a = classes.getUnloadedClassCount();
        collector.collect(new Sample());
        long b = classes.getUnloadedClassCount();
        System.gc(); // unloads loaders that became unreachable, if any
        long c = classes.getUnloadedClassCount();
        Sample second = new Sample();
        collector.collect(second);
        long d = classes.getUnloadedClassCount();
        assertBetween(c - b, d - a, second.getLong(Column.JVM_CLASSES_UNLOADED, -1), "unloaded in the interval");
    }
}
