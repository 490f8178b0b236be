package io.roxxane.agent.collect.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One sample's reading: the reader thread plans it (the MBeans within the cap) and records each
 * MBean's series as they come; the collector takes whatever is recorded within its budget. Once
 * taken, nothing more is recorded and the reader stops at the next MBean.
 */
final class Round {
    /** What the collector took. */
    static final class Taken {
        final List<Series> series;
        /** Attributes planned but not returned in time, plus those of MBeans past the cap (at least one per MBean). */
        final int skipped;

        Taken(List<Series> series, int skipped) {
            this.series = series;
            this.skipped = skipped;
        }
    }

    private final List<Series> series = new ArrayList<Series>();
    private List<PlannedBean> planned = Collections.emptyList();
    private boolean[] visited = new boolean[0];
    private int cutAttributes;
    private int missingAttributes;
    private boolean wasPlanned;
    private boolean done;
    private boolean taken;

    /** The MBeans this round reads, in order, and the attributes of those left out by the cap. */
    synchronized void plan(List<PlannedBean> beans, int attributesPastCap) {
        planned = beans;
        visited = new boolean[beans.size()];
        cutAttributes = attributesPastCap;
        wasPlanned = true;
    }

    /** Records the read of MBean {@code index}; false when the collector has taken the round already. */
    synchronized boolean record(int index, int plannedAttributes, int returnedAttributes, List<Series> read) {
        if (taken) {
            return false;
        }
        visited[index] = true;
        missingAttributes += Math.max(0, plannedAttributes - returnedAttributes);
        series.addAll(read);
        return true;
    }

    synchronized boolean isTaken() {
        return taken;
    }

    /** The reader is done with this round (or never started it). */
    synchronized void finish() {
        done = true;
        notifyAll();
    }

    /**
     * Waits at most {@code budgetNanos} for the reader, then takes what it recorded.
     * {@code unplannedSkipped} is what counts as skipped when the reader never planned the round.
     */
    synchronized Taken take(long budgetNanos, int unplannedSkipped) throws InterruptedException {
        long deadline = System.nanoTime() + budgetNanos;
        try {
            long left;
            while (!done && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } finally {
            taken = true;
        }
        if (!wasPlanned) {
            return new Taken(Collections.<Series>emptyList(), unplannedSkipped);
        }
        int skipped = cutAttributes + missingAttributes;
        for (int i = 0; i < visited.length; i++) {
            if (!visited[i] && !planned.get(i).ignored()) {
                skipped += Math.max(1, planned.get(i).knownAttributes());
            }
        }
        return new Taken(new ArrayList<Series>(series), skipped);
    }
}
