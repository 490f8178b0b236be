package io.roxxane.agent.collect.app;

import io.roxxane.agent.log.AgentLog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The MBeans each source reads, kept up to date with the MBean set: asked again (one
 * {@code queryNames} per pattern) only after the set changed, at most every
 * {@link #MIN_REFRESH_NANOS}; where the set cannot be watched, every {@link #POLL_NANOS}. New
 * MBeans are analysed on their first read, and known ones again after each change (their
 * attributes may have grown: {@link PlannedBean#review}); gone ones are dropped. Used by the reader
 * threads.
 */
final class Catalog {
    static final long MIN_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(2);
    static final long POLL_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** The longest a stuck call is reported as "not returned for" before the report repeats less often. */
    private static final long STUCK_REPORT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final MBeanServer server;
    private final List<BeanSource> sources;
    private final MBeanSetWatch watch;
    private final InFlight inFlight;
    private final int maxMBeans;
    private final long startNanos = System.nanoTime();
    private final ReentrantLock refreshing = new ReentrantLock();
    /** Per source, by canonical ObjectName: the order MBeans are read in. Replaced whole on refresh. */
    private volatile List<PlannedBean> beans = new ArrayList<PlannedBean>();
    private long seenChanges;
    private long lastRefreshNanos;
    private boolean refreshedOnce;
    private boolean delayedSources;
    /** The sources that have been queried once: what a later query finds was registered since. */
    private final java.util.Set<BeanSource> looked = new java.util.HashSet<BeanSource>();

    Catalog(MBeanServer server, List<BeanSource> sources, MBeanSetWatch watch, InFlight inFlight, int maxMBeans) {
        this.server = server;
        this.sources = sources;
        this.watch = watch;
        this.inFlight = inFlight;
        this.maxMBeans = maxMBeans;
    }

    /** Whether any MBean is to be read: then each sample carries agent_jmx_skipped. */
    boolean hasBeans() {
        for (PlannedBean bean : beans) {
            if (!bean.ignored()) {
                return true;
            }
        }
        return false;
    }

    /** Attributes of every MBean to be read: what a round that never started leaves out. */
    int knownAttributes() {
        int total = 0;
        for (PlannedBean bean : beans) {
            if (!bean.ignored()) {
                total += Math.max(1, bean.knownAttributes());
            }
        }
        return total;
    }

    /** Reads one round on the calling reader thread. Never throws. */
    void run(Round round) {
        refreshIfDue();
        List<PlannedBean> chosen = new ArrayList<PlannedBean>();
        int cutAttributes = 0;
        int cutBeans = 0;
        for (PlannedBean bean : beans) {
            if (bean.ignored()) {
                continue;
            }
            if (chosen.size() < maxMBeans) {
                chosen.add(bean);
            } else {
                cutBeans++;
                cutAttributes += Math.max(1, bean.knownAttributes());
            }
        }
        if (cutBeans > 0) {
            AgentLog.warnLimited("jmx-max-mbeans", "application MBeans: " + (chosen.size() + cutBeans)
                    + " MBeans match, jmx_max_mbeans=" + maxMBeans + " are read per sample; the other " + cutBeans
                    + " are skipped and counted in agent_jmx_skipped");
        }
        round.plan(chosen, cutAttributes);
        for (int i = 0; i < chosen.size(); i++) {
            if (round.isTaken()) {
                return;
            }
            PlannedBean bean = chosen.get(i);
            if (!inFlight.enter(bean.name())) {
                reportStuck(bean);
                continue;
            }
            List<Series> read = new ArrayList<Series>();
            PlannedBean.Outcome outcome;
            try {
                outcome = bean.read(server, read);
            } finally {
                inFlight.exit(bean.name());
            }
            if (outcome.gone) {
                watch.markChanged();
            }
            if (!round.record(i, outcome.planned, outcome.returned, read)) {
                return;
            }
        }
    }

    private void reportStuck(PlannedBean bean) {
        long running = inFlight.runningNanos(bean.name());
        if (running >= STUCK_REPORT_NANOS) {
            AgentLog.warnLimited("jmx-stuck:" + bean.name(), "application MBean " + bean.name() + ": a call has not"
                    + " returned for " + TimeUnit.NANOSECONDS.toSeconds(running) + " s; it is not called again until"
                    + " it returns, the other MBeans go on (skipped reads are counted in agent_jmx_skipped)");
        }
    }

    /** Asks the MBean server again when the set changed; only one reader at a time, the others go on. */
    private void refreshIfDue() {
        if (!refreshing.tryLock()) {
            return;
        }
        try {
            long now = System.nanoTime();
            long changes = watch.changes();
            boolean due;
            if (!refreshedOnce) {
                due = true;
            } else if (!watch.listening()) {
                due = now - lastRefreshNanos >= POLL_NANOS;
            } else {
                due = (changes != seenChanges || delayedSources) && now - lastRefreshNanos >= MIN_REFRESH_NANOS;
            }
            if (!due) {
                return;
            }
            seenChanges = changes;
            lastRefreshNanos = now;
            refreshedOnce = true;
            beans = query(now);
        } catch (Throwable t) {
            AgentLog.warnLimited("jmx-query", "application MBeans: cannot query the MBean server: "
                    + AgentLog.describe(t) + "; trying again later");
        } finally {
            refreshing.unlock();
        }
    }

    private List<PlannedBean> query(long now) throws Exception {
        Map<String, PlannedBean> known = new TreeMap<String, PlannedBean>();
        for (PlannedBean bean : beans) {
            known.put(key(bean.source(), bean.name()), bean);
        }
        List<PlannedBean> next = new ArrayList<PlannedBean>();
        boolean delayed = false;
        for (BeanSource source : sources) {
            if (now - startNanos < source.startDelayNanos()) {
                delayed = true;
                continue;
            }
            TreeMap<String, ObjectName> names = new TreeMap<String, ObjectName>();
            for (ObjectName pattern : source.queries()) {
                Set<ObjectName> found = server.queryNames(pattern, null);
                for (ObjectName name : found == null ? new HashSet<ObjectName>() : found) {
                    if (!source.excludes(name)) {
                        names.put(name.getCanonicalName(), name);
                    }
                }
            }
            for (Iterator<Map.Entry<String, ObjectName>> it = names.entrySet().iterator(); it.hasNext();) {
                ObjectName name = it.next().getValue();
                PlannedBean bean = known.get(key(source, name));
                if (bean != null) {
                    bean.review(); // the set changed: this one may have been registered again with more attributes
                    next.add(bean);
                } else {
                    next.add(new PlannedBean(name, source, looked.contains(source)));
                }
            }
            looked.add(source);
        }
        delayedSources = delayed;
        return next;
    }

    private static String key(BeanSource source, ObjectName name) {
        return source.name() + "\u0000" + name.getCanonicalName();
    }
}
