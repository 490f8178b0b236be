package io.roxxane.agent;

import io.roxxane.agent.log.AgentLog;
import java.lang.instrument.Instrumentation;

/**
 * Where the bootstrap hands off, inside the isolated class loader. {@link #start} returns at
 * once: configuration, collectors and the sink are set up on the agent's own daemon thread.
 */
public final class AgentMain {
    /** Name of the agent's collector thread. */
    public static final String THREAD_NAME = "roxxane-collector";

    private AgentMain() {
    }

    /** Called reflectively by {@code RoxxaneAgent}; never throws. */
    public static void start(final String agentArgs, Instrumentation instrumentation, final boolean attachedAtRunTime) {
        try {
            Thread thread = new Thread(new Runnable() {
                @Override
                public void run() {
                    AgentRuntime.startAndRun(agentArgs, attachedAtRunTime);
                }
            }, THREAD_NAME);
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            thread.setContextClassLoader(AgentMain.class.getClassLoader());
            thread.setUncaughtExceptionHandler(new Thread.UncaughtExceptionHandler() {
                @Override
                public void uncaughtException(Thread t, Throwable e) {
                    AgentLog.warn("agent stopped after an unexpected error: " + AgentLog.describe(e));
                }
            });
            thread.start();
        } catch (Throwable t) {
            AgentLog.warn("agent not started: " + AgentLog.describe(t));
        }
    }
}
