package io.roxxane.agent.cli.attach;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads facts about local processes from {@code /proc} (Linux). Elsewhere every answer is
 * "unknown" and the attach itself reports what went wrong.
 */
public final class ProcessInspector {
    private final Path proc;

    public ProcessInspector() {
        this(Paths.get("/proc"));
    }

    ProcessInspector(Path proc) {
        this.proc = proc;
    }

    /** True when this system has a readable {@code /proc} with per-process folders. */
    public boolean available() {
        return Files.isDirectory(proc.resolve("self"));
    }


    /** The numeric user id this process runs as, or null when unknown. */
    public Integer currentUid() {
        return available() ? uidOf(proc.resolve("self")) : null;
    }

    public ProcessFacts inspect(long pid) {
        if (!available()) {
            return new ProcessFacts(pid, null, null, null, null, null, null, null, null, null);
        }
        Path dir = proc.resolve(Long.toString(pid));
        if (!Files.isDirectory(dir)) {
            return new ProcessFacts(pid, Boolean.FALSE, null, null, null, null, null, null, null, null);
        }
        return new ProcessFacts(pid, Boolean.TRUE, uidOf(dir), ownerNameOf(dir), javaVm(dir), handlesQuitSignal(dir), comm(dir),
                executable(dir), commandLine(dir), environment(dir));
    }

    private static Integer uidOf(Path dir) {
        try {
            return (Integer) Files.getAttribute(dir, "unix:uid");
        } catch (Exception e) {
            return null;
        }
    }

    private static String ownerNameOf(Path dir) {
        try {
            return Files.getOwner(dir).getName();
        } catch (Exception e) {
            return null;
        }
    }

    /** A JVM maps libjvm (HotSpot, OpenJ9); reading maps needs the same user (or root). */
    private static Boolean javaVm(Path dir) {
        try {
            for (String line : Files.readAllLines(dir.resolve("maps"), StandardCharsets.ISO_8859_1)) {
                if (line.endsWith(File.separator + "libjvm.so") || line.endsWith("/libj9vm29.so")) {
                    return Boolean.TRUE;
                }
            }
            return Boolean.FALSE;
        } catch (Exception e) {
            return null;
        }
    }

    private static final long SIGQUIT_BIT = 1L << (3 - 1);

    /** From the {@code SigCgt} mask (hexadecimal) in {@code /proc/PID/status}, readable by anyone. */
    private static Boolean handlesQuitSignal(Path dir) {
        try {
            for (String line : Files.readAllLines(dir.resolve("status"), StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("SigCgt:")) {
                    long caught = Long.parseUnsignedLong(line.substring("SigCgt:".length()).trim(), 16);
                    return (caught & SIGQUIT_BIT) != 0;
                }
            }
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String comm(Path dir) {
        try {
            return new String(Files.readAllBytes(dir.resolve("comm")), StandardCharsets.UTF_8).trim();
        } catch (Exception e) {
            return null;
        }
    }

    private static String executable(Path dir) {
        try {
            return Files.readSymbolicLink(dir.resolve("exe")).toString();
        } catch (Exception e) {
            return null;
        }
    }

    private static List<String> commandLine(Path dir) {
        try {
            return splitNul(Files.readAllBytes(dir.resolve("cmdline")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, String> environment(Path dir) {
        try {
            Map<String, String> env = new LinkedHashMap<String, String>();
            for (String entry : splitNul(Files.readAllBytes(dir.resolve("environ")))) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    env.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
            return env;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static List<String> splitNul(byte[] bytes) {
        List<String> parts = new ArrayList<String>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                parts.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            parts.add(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
        }
        return parts;
    }
}
