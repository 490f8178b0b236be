package io.roxxane.agent.aws;

import io.roxxane.agent.log.AgentThreads;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler Firehose calls' deadlines run on (the agent's sender, and the SDK client of
 * {@code check}, instead of the SDK's default pool of five): one daemon thread, started for a call
 * and gone again after {@link #IDLE_SECONDS} idle seconds, so that between flushes the shipper
 * holds no thread but its own.
 */
public final class CallTimer {
    public static final String THREAD_NAME = "roxxane-firehose-timer";
    static final long IDLE_SECONDS = 10;

    private CallTimer() {
    }

    public static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, new ThreadFactory() {
            @Override
            public Thread newThread(Runnable task) {
                return AgentThreads.daemon(THREAD_NAME, Thread.NORM_PRIORITY, task);
            }
        });
        timer.setRemoveOnCancelPolicy(true); // a finished call's timeout leaves nothing queued
        timer.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }
}
