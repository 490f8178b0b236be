package io.roxxane.agent;

import io.roxxane.agent.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Where the bootstrap hands off, inside the isolated class loader. {@link #start} returns at
 * once: configuration, collectors and the sink are set up on the agent's own daemon thread.
 *
 * <p>That thread is the single worker of a private {@link ForkJoinPool}: OSHI uses parallel
 * streams in places (listing network interfaces, process details), and a parallel stream runs
 * in the pool of the thread that starts it. Without this, OSHI would start threads in the
 * host's shared common pool.
 */
public final class AgentMain {
    /** Name of the agent's collector thread. */
    public static final String THREAD_NAME = "roxxane-collector";

    private AgentMain() {
    }

    /** Called reflectively by {@code RoxxaneAgent}; never throws. */
    public static void start(final String agentArgs, Instrumentation instrumentation, final boolean attachedAtRunTime) {
        try {
            ForkJoinPool pool = new ForkJoinPool(1, new CollectorThreadFactory(), new Thread.UncaughtExceptionHandler() {
                @Override
                public void uncaughtException(Thread t, Throwable e) {
                    AgentLog.warn("agent stopped after an unexpected error: " + AgentLog.describe(e));
                }
            }, false);
            pool.execute(new Runnable() {
                @Override
                public void run() {
                    AgentRuntime.startAndRun(agentArgs, attachedAtRunTime);
                }
            });
            pool.shutdown(); // no further tasks; the running one goes on
        } catch (Throwable t) {
            AgentLog.warn("agent not started: " + AgentLog.describe(t));
        }
    }

    /** Makes the collector thread: a daemon named {@link #THREAD_NAME}, agent class loader as context. */
    private static final class CollectorThreadFactory implements ForkJoinPool.ForkJoinWorkerThreadFactory {
        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            ForkJoinWorkerThread thread = new ForkJoinWorkerThread(pool) {
            };
            thread.setName(THREAD_NAME);
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            thread.setContextClassLoader(AgentMain.class.getClassLoader());
            return thread;
        }
    }
}
