package io.roxxane.agent.collect.jvm;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Deltas;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Time the JIT compilers spent compiling in the interval ({@link CompilationMXBean}: the
 * compiler threads' time added up, so with several compiler threads it can exceed the interval).
 * A JVM without a JIT ({@code -Xint}) or without compilation timing has no such figure: the
 * collector cannot start.
 */
public final class JitCollector implements Collector {
    private final CompilationMXBean compilation;
    private final Deltas time = new Deltas();

    public JitCollector() {
        this(ManagementFactory.getCompilationMXBean());
    }

    public JitCollector(CompilationMXBean compilation) {
        if (compilation == null) {
            throw new IllegalStateException("this JVM has no JIT compiler");
        }
        if (!compilation.isCompilationTimeMonitoringSupported()) {
            throw new IllegalStateException("this JVM does not time JIT compilation (" + compilation.getName() + ")");
        }
        this.compilation = compilation;
    }

    @Override
    public void collect(Sample sample) {
        long delta = time.next(compilation.getTotalCompilationTime());
        if (delta >= 0) {
            sample.set(Column.JVM_JIT_TIME_MS, delta);
        }
    }
}
