package io.roxxane.agent.collect.jvm;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Deltas;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Collections and collection time per interval, split into young and old/concurrent, and the
 * longest single pause in the interval from GC notifications.
 *
 * <p>Young collectors are recognised by name (Copy, PS Scavenge, ParNew, G1 Young Generation,
 * ZGC Minor …, OpenJ9 scavenge and partial gc); every other collector counts as old/concurrent. Where
 * a collector reports cycles and pauses as two beans (ZGC, Shenandoah), collections and their time
 * come from the cycles bean and the pauses bean only feeds the longest pause. The pause comes
 * only from stop-the-world collectors: a concurrent cycle's duration (G1 Concurrent GC, ZGC
 * Cycles, CMS, Shenandoah Cycles) is not a pause and is left out.
 */
public final class GcCollector implements Collector {
    /** Notification type of {@code com.sun.management.GarbageCollectionNotificationInfo}. */
    static final String GC_NOTIFICATION = "com.sun.management.gc.notification";

    private final GarbageCollectorMXBean[] beans;
    private final boolean[] young;
    /** False for a pause bean whose collections its sibling cycle bean already counts (ZGC, Shenandoah). */
    private final boolean[] counted;
    private final Deltas[] counts;
    private final Deltas[] times;
    private final AtomicLong longestPauseMillis = new AtomicLong();
    private final boolean pausesKnown;

    public GcCollector() {
        this(ManagementFactory.getGarbageCollectorMXBeans());
    }

    public GcCollector(List<GarbageCollectorMXBean> collectors) {
        if (collectors.isEmpty()) {
            throw new IllegalStateException("this JVM reports no garbage collectors");
        }
        int n = collectors.size();
        beans = collectors.toArray(new GarbageCollectorMXBean[n]);
        young = new boolean[n];
        counted = new boolean[n];
        List<String> names = new ArrayList<String>();
        for (GarbageCollectorMXBean bean : beans) {
            names.add(bean.getName());
        }
        counts = new Deltas[n];
        times = new Deltas[n];
        boolean listening = false;
        for (int i = 0; i < n; i++) {
            young[i] = isYoung(beans[i].getName());
            counted[i] = !isPausesOfCycles(beans[i].getName(), names);
            counts[i] = new Deltas();
            times[i] = new Deltas();
            if (beans[i] instanceof NotificationEmitter) {
                try {
                    ((NotificationEmitter) beans[i]).addNotificationListener(new PauseListener(), null, null);
                    listening = true;
                } catch (RuntimeException notSupported) {
                    // counts and times still work
                }
            }
        }
        pausesKnown = listening;
    }

    static boolean isYoung(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("young") || n.contains("scavenge") || n.contains("parnew") || n.equals("copy")
                || n.contains("minor") || n.equals("partial gc");
    }

    /**
     * Whether {@code name} is the pause bean of a collector that also has a cycle bean ("ZGC Pauses"
     * beside "ZGC Cycles", "Shenandoah Pauses" beside "Shenandoah Cycles"): its pauses happen within
     * the cycles, so counting both would count one collection several times and its pauses twice.
     */
    static boolean isPausesOfCycles(String name, List<String> allNames) {
        return name.endsWith(" Pauses")
                && allNames.contains(name.substring(0, name.length() - " Pauses".length()) + " Cycles");
    }

    static boolean isConcurrentCycle(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("concurrent") || n.contains("cycles");
    }

    @Override
    public void collect(Sample sample) {
        long youngCount = 0;
        long youngTime = 0;
        long oldCount = 0;
        long oldTime = 0;
        boolean complete = true;
        for (int i = 0; i < beans.length; i++) {
            long count = counts[i].next(beans[i].getCollectionCount());
            long time = times[i].next(beans[i].getCollectionTime());
            if (count < 0 || time < 0) {
                complete = false;
                continue;
            }
            if (!counted[i]) {
                continue; // its pauses are inside the cycles counted by its sibling bean
            }
            if (young[i]) {
                youngCount += count;
                youngTime += time;
            } else {
                oldCount += count;
                oldTime += time;
            }
        }
        long pause = longestPauseMillis.getAndSet(0);
        if (!complete) {
            return; // first sample: no interval yet
        }
        sample.set(Column.JVM_GC_YOUNG_COUNT, youngCount)
                .set(Column.JVM_GC_YOUNG_TIME_MS, youngTime)
                .set(Column.JVM_GC_OLD_COUNT, oldCount)
                .set(Column.JVM_GC_OLD_TIME_MS, oldTime);
        if (pausesKnown) {
            sample.set(Column.JVM_GC_MAX_PAUSE_MS, pause);
        }
    }

    /** Runs on the JVM's notification thread: cheap, never throws. */
    private final class PauseListener implements NotificationListener {
        @Override
        public void handleNotification(Notification notification, Object handback) {
            try {
                if (!GC_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                CompositeData info = (CompositeData) notification.getUserData();
                if (isConcurrentCycle((String) info.get("gcName"))) {
                    return;
                }
                long duration = (Long) ((CompositeData) info.get("gcInfo")).get("duration");
                long current;
                do {
                    current = longestPauseMillis.get();
                } while (duration > current && !longestPauseMillis.compareAndSet(current, duration));
            } catch (Throwable ignored) {
                // a malformed notification must not disturb the JVM
            }
        }
    }
}
