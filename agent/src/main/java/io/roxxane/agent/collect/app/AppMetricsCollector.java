package io.roxxane.agent.collect.app;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;

/**
 * {@code app_metrics} and {@code agent_jmx_skipped}: each sample hands a round to the reader threads
 * and takes what they read within the budget. Nothing happens until the host has an MBean server;
 * then the MBean set is watched and the reader thread starts. With no MBean of any source present,
 * both columns stay absent.
 */
public final class AppMetricsCollector implements Collector {
    private final AppSettings settings;
    private final PlatformServer platform = new PlatformServer();
    private final CounterDeltas deltas = new CounterDeltas();
    private Catalog catalog;
    private JmxWorkers workers;

    public AppMetricsCollector(AppSettings settings) {
        this.settings = settings;
    }

    @Override
    public void collect(Sample sample) {
        if (workers == null && !start()) {
            return;
        }
        Round round = new Round();
        workers.submit(round);
        Round.Taken taken;
        try {
            taken = round.take(TimeUnit.MILLISECONDS.toNanos(settings.budgetMillis()), catalog.knownAttributes());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        AppRow.Built row = AppRow.build(taken.series, deltas, settings.maxValues());
        sample.set(Column.APP_METRICS, row.entries);
        if (!row.entries.isEmpty() || catalog.hasBeans() || taken.skipped > 0) {
            sample.set(Column.AGENT_JMX_SKIPPED, (long) taken.skipped + row.cut);
        }
    }

    /** Sets up on the first sample after the host made an MBean server; false before. */
    private boolean start() {
        MBeanServer server = platform.ifCreated();
        if (server == null) {
            return false;
        }
        MBeanSetWatch watch = new MBeanSetWatch();
        watch.start(server);
        catalog = new Catalog(server, settings.sources(), watch, new InFlight(), settings.maxMBeans());
        workers = new JmxWorkers(catalog);
        return true;
    }

    /** Reader threads alive (for tests). */
    int readerThreads() {
        return workers == null ? 0 : workers.live();
    }
}
