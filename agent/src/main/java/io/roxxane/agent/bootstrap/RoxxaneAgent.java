package io.roxxane.agent.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;

/**
 * The only class of Roxxane the host's class path can see (with {@link IsolatedClassLoader}).
 * It sets up isolation and hands off; it has no state and no dependencies, and nothing it does
 * can throw into the host: every failure becomes one line on stderr.
 */
public final class RoxxaneAgent {
    /** Set once per JVM by the first agent start; a second attach sees it and does nothing. */
    private static final String STARTED_MARKER = "io.roxxane.agent.started";
    private static final String AGENT_ENTRY = "io.roxxane.agent.AgentMain";
    private static final String CLI_ENTRY = "io.roxxane.agent.cli.RoxxaneCli";
    /** With {@code -Droxxane.debug=true}, premain/agentmain report how long they took (for bench/startup/run.sh). */
    private static final String DEBUG_PROPERTY = "roxxane.debug";
    /** The daemon thread that loads and starts the agent, then ends. */
    private static final String STARTER_THREAD = "roxxane-start";

    private RoxxaneAgent() {
    }

    /** {@code -javaagent:roxxane.jar=k=v,...}: called before the host's main. */
    public static void premain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs, instrumentation, "premain");
    }

    /** Attach at run time ({@code java -jar roxxane.jar attach PID}). */
    public static void agentmain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs, instrumentation, "agentmain");
    }

    /** {@code java -jar roxxane.jar ...}: the command line (list, attach, check, summary). */
    public static void main(String[] args) {
        int exitCode;
        try {
            ClassLoader loader = IsolatedClassLoader.forJar(agentJar());
            Method run = loader.loadClass(CLI_ENTRY).getMethod("run", String[].class);
            exitCode = (Integer) run.invoke(null, (Object) args);
        } catch (Throwable t) {
            System.err.println("[roxxane] cannot run the command line: " + describe(t));
            exitCode = 70;
        }
        System.exit(exitCode);
    }

    /**
     * Refuses a second start, then hands off on a short-lived daemon thread, so that premain and
     * agentmain return at once: opening the jar and the first reflective call (which initialises
     * java.lang.invoke on Java 18+, some 20 ms) do not delay the host's main.
     */
    private static void start(final String agentArgs, final Instrumentation instrumentation, final String how) {
        long startNanos = System.nanoTime();
        try {
            if (System.getProperties().putIfAbsent(STARTED_MARKER, how) != null) {
                System.err.println("[roxxane] already running in this JVM (started by "
                        + System.getProperty(STARTED_MARKER) + "); ignoring this " + how);
                return;
            }
            Thread starter = new Thread(new Runnable() {
                @Override
                public void run() {
                    handOff(agentArgs, instrumentation, how);
                }
            }, STARTER_THREAD);
            starter.setDaemon(true);
            starter.setPriority(Thread.NORM_PRIORITY - 1);
            starter.start();
        } catch (Throwable t) {
            System.err.println("[roxxane] agent not started: " + describe(t));
        } finally {
            reportDuration(how, startNanos);
        }
    }

    /** Loads the agent in its isolated class loader and starts it; runs on {@link #STARTER_THREAD}. */
    private static void handOff(String agentArgs, Instrumentation instrumentation, String how) {
        try {
            ClassLoader loader = IsolatedClassLoader.forJar(agentJar());
            Method entry = loader.loadClass(AGENT_ENTRY)
                    .getMethod("start", String.class, Instrumentation.class, boolean.class);
            entry.invoke(null, agentArgs, instrumentation, "agentmain".equals(how));
        } catch (Throwable t) {
            System.err.println("[roxxane] agent not started: " + describe(t));
        }
    }

    private static void reportDuration(String how, long startNanos) {
        try {
            if (Boolean.getBoolean(DEBUG_PROPERTY)) {
                System.err.println("[roxxane] debug: " + how + " returned after "
                        + (System.nanoTime() - startNanos) / 1_000 + " us");
            }
        } catch (Throwable ignored) {
            // nothing reaches the host
        }
    }

    private static File agentJar() throws Exception {
        return new File(RoxxaneAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String describe(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
