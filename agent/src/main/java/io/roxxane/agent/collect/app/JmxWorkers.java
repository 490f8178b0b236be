package io.roxxane.agent.collect.app;

import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.log.AgentThreads;

/**
 * The reader threads: daemon threads named {@value #THREAD_NAME} that run the rounds, one at a
 * time each. Normally one thread serves every round. A thread still busy when the next round comes
 * is stuck in a call of the host's (a getter that blocks): it is retired (it ends once its call
 * returns) and a fresh thread takes the round, the stuck MBean being skipped meanwhile. At most
 * {@link #MAX_THREADS} threads live at once; with all of them stuck, rounds read nothing until one
 * returns.
 */
final class JmxWorkers {
    static final String THREAD_NAME = "roxxane-jmx";
    static final int MAX_THREADS = 3;

    private final Catalog catalog;
    private Worker current;
    private int live;

    JmxWorkers(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Hands the round to a reader; false when none is free (the round is finished, unread). */
    synchronized boolean submit(Round round) {
        if (current != null && !current.isBusy()) {
            current.give(round);
            return true;
        }
        if (current != null) {
            current.retire();
            current = null;
        }
        if (live >= MAX_THREADS) {
            AgentLog.warnLimited("jmx-threads", "application MBeans: " + live + " reader threads are stuck in calls"
                    + " that have not returned; nothing is read until one returns (counted in agent_jmx_skipped)");
            round.finish();
            return false;
        }
        Worker worker = new Worker();
        Thread thread = AgentThreads.daemon(THREAD_NAME, Thread.NORM_PRIORITY - 1, worker);
        worker.give(round);
        thread.start();
        live++;
        current = worker;
        return true;
    }

    /** Reader threads alive now (for tests). */
    synchronized int live() {
        return live;
    }

    private synchronized void exited() {
        live--;
    }

    private final class Worker implements Runnable {
        private Round next;
        private boolean busy;
        private boolean retired;

        synchronized void give(Round round) {
            next = round;
            busy = true;
            notifyAll();
        }

        synchronized boolean isBusy() {
            return busy;
        }

        synchronized void retire() {
            retired = true;
            notifyAll();
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Round round;
                    synchronized (this) {
                        while (next == null && !retired) {
                            wait();
                        }
                        if (next == null) {
                            return;
                        }
                        round = next;
                        next = null;
                    }
                    try {
                        catalog.run(round);
                    } catch (Throwable t) {
                        AgentLog.warnLimited("jmx-round", "application MBeans: a read failed: " + AgentLog.describe(t));
                    } finally {
                        synchronized (this) {
                            busy = false; // before finish: the collector may hand over the next round at once
                        }
                        round.finish();
                    }
                    synchronized (this) {
                        if (retired) {
                            return;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exited();
            }
        }
    }
}
