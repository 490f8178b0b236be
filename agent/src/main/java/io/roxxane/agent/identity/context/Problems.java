package io.roxxane.agent.identity.context;

import java.util.ArrayList;
import java.util.List;

/**
 * What went wrong during one detection, reported together in one {@code [roxxane]} line at its
 * end. Thread-safe: the fetching thread adds, the detection thread reports; once reported, later
 * additions (an abandoned exchange failing after the deadline) are dropped.
 */
final class Problems {
    private final List<String> problems = new ArrayList<String>();
    private boolean closed;

    synchronized void add(String problem) {
        if (!closed) {
            problems.add(problem);
        }
    }

    /** The problems so far, and no more from now on. */
    synchronized List<String> close() {
        closed = true;
        return new ArrayList<String>(problems);
    }

    /** A failed exchange in a few words: a timeout as such, anything else by its type and message. */
    static String describe(Throwable e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return e instanceof java.net.SocketTimeoutException ? "no answer in time (" + text + ")" : text;
    }

    /** The one line for a non-empty list, or null. */
    static String line(List<String> problems) {
        if (problems.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder("fleet context incomplete: ");
        for (int i = 0; i < problems.size(); i++) {
            out.append(i == 0 ? "" : "; ").append(problems.get(i));
        }
        return out.append("; samples go on with what is known").toString();
    }
}
