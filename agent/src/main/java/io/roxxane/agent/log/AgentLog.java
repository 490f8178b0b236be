package io.roxxane.agent.log;

import java.io.PrintStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The agent's only logger: one line on stderr with a {@code [roxxane]} prefix. It never touches
 * java.util.logging, SLF4J or the host's logging, and it never throws.
 *
 * <p>Problems that recur (a sink failing every flush) go through {@link #warnLimited}, which
 * prints a given problem at most once per {@link #REPEAT_INTERVAL_MS} and says how many
 * repeats it held back. Never pass credentials or secrets into a message.
 */
public final class AgentLog {
    /** How often one recurring problem may be printed. */
    public static final long REPEAT_INTERVAL_MS = 5 * 60_000L;

    private static final ConcurrentMap<String, Limiter> LIMITERS = new ConcurrentHashMap<String, Limiter>();
    private static volatile PrintStream out;
    private static volatile boolean debug = Boolean.getBoolean("roxxane.debug");

    private AgentLog() {
    }

    /** A line for the user: start-up, shutdown, configuration problems. */
    public static void info(String message) {
        print(message);
    }

    /** A one-off problem; the agent goes on. */
    public static void warn(String message) {
        print(message);
    }

    /** Whether {@link #debug} prints: test it before building a debug line on a hot path. */
    public static boolean debugEnabled() {
        return debug;
    }

    /** Details only printed with {@code -Droxxane.debug=true}. */
    public static void debug(String message) {
        if (debug) {
            print("debug: " + message);
        }
    }

    /**
     * A problem that may recur: printed the first time, then at most once per
     * {@link #REPEAT_INTERVAL_MS} for the same {@code key}, with the count of repeats held back.
     */
    public static void warnLimited(String key, String message) {
        Limiter limiter = LIMITERS.get(key);
        if (limiter == null) {
            if (LIMITERS.size() > 1_000) {
                LIMITERS.clear(); // bounded memory whatever the keys
            }
            Limiter fresh = new Limiter();
            limiter = LIMITERS.putIfAbsent(key, fresh);
            if (limiter == null) {
                limiter = fresh;
            }
        }
        long suppressed = limiter.admit(System.currentTimeMillis());
        if (suppressed >= 0) {
            print(suppressed == 0 ? message : message + " (" + suppressed + " similar messages suppressed)");
        }
    }

    /** One line describing a throwable, without its stack trace: type and message, and the root cause. */
    public static String describe(Throwable t) {
        if (t == null) {
            return "unknown error";
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        if (root != t) {
            text += " (cause: " + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
        }
        return oneLine(text);
    }

    /** Redirects output, for tests. */
    public static void redirectForTests(PrintStream stream) {
        out = stream;
        LIMITERS.clear();
    }

    private static void print(String message) {
        try {
            PrintStream stream = out != null ? out : System.err;
            stream.println("[roxxane] " + oneLine(message));
        } catch (Throwable ignored) {
            // Nothing the logger does may reach the host.
        }
    }

    private static String oneLine(String text) {
        String s = text == null ? "null" : text.replace('\n', ' ').replace('\r', ' ');
        return s.length() > 1_000 ? s.substring(0, 1_000) + "…" : s;
    }

    private static final class Limiter {
        private long lastPrinted = Long.MIN_VALUE;
        private long held;

        synchronized long admit(long now) {
            if (lastPrinted != Long.MIN_VALUE && now - lastPrinted < REPEAT_INTERVAL_MS) {
                held++;
                return -1;
            }
            lastPrinted = now;
            long count = held;
            held = 0;
            return count;
        }
    }
}
