package io.roxxane.agent.log;

/**
 * The agent's own threads, made one way: daemons (they never keep the host JVM up), named
 * {@code roxxane-…}, with the agent's class loader as context (never the host's), and one line on
 * stderr if one ends on an uncaught throwable.
 */
public final class AgentThreads {
    private static final Thread.UncaughtExceptionHandler ONE_LINE = new Thread.UncaughtExceptionHandler() {
        @Override
        public void uncaughtException(Thread thread, Throwable e) {
            AgentLog.warn("thread " + thread.getName() + " stopped: " + AgentLog.describe(e));
        }
    };

    private AgentThreads() {
    }

    /** A daemon thread, not started, that runs {@code task} at {@code priority}. */
    public static Thread daemon(String name, int priority, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.setPriority(priority);
        thread.setContextClassLoader(AgentThreads.class.getClassLoader());
        thread.setUncaughtExceptionHandler(ONE_LINE);
        return thread;
    }
}
