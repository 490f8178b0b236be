package io.roxxane.provisioner.engine;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Progress lines, each stamped with the time since the command started; safe from several threads. */
public final class Progress {
    private final PrintStream out;
    private final long start = System.nanoTime();

    public Progress(PrintStream out) {
        this.out = out;
    }

    public synchronized void line(String text) {
        out.println(String.format(Locale.ROOT, "[%6.1fs] %s", (System.nanoTime() - start) / 1e9, text));
        out.flush();
    }

    public synchronized void plain(String text) {
        out.println(text);
        out.flush();
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
