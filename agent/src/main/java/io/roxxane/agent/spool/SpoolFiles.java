package io.roxxane.agent.spool;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names the spool gives its files, and nothing else: the spool reads, renames and deletes only
 * files whose names match these patterns exactly, in the spool directory itself (never below it,
 * never through a link). One agent instance owns {@code roxxane-spool-<instance id>.lock} (locked
 * while it runs), its segments {@code roxxane-spool-<instance id>-<number>.log} and its
 * acknowledgement {@code roxxane-spool-<instance id>.ack}. Agents before spool format 2 wrote
 * {@code <19 digits>.spool} batches under one {@code spool.lock}.
 */
final class SpoolFiles {
    private static final String PREFIX = "roxxane-spool-";
    private static final String ID = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";
    static final Pattern SEGMENT = Pattern.compile(PREFIX + ID + "-(\\d{10})\\.log");
    static final Pattern LOCK = Pattern.compile(PREFIX + ID + "\\.lock");
    static final Pattern ACK = Pattern.compile(PREFIX + ID + "\\.ack");
    /** Spool format 1: one batch of records per file, named by an increasing key. */
    static final Pattern LEGACY_BATCH = Pattern.compile("(\\d{19})\\.spool");
    static final Pattern LEGACY_TEMP = Pattern.compile("\\d{19}\\.spool\\.tmp");
    static final String LEGACY_LOCK = "spool.lock";

    private SpoolFiles() {
    }

    static boolean isInstanceId(String id) {
        return id != null && id.matches(ID);
    }

    static String segment(String instanceId, long number) {
        return PREFIX + instanceId + "-" + String.format("%010d", number) + ".log";
    }

    static String lock(String instanceId) {
        return PREFIX + instanceId + ".lock";
    }

    static String ack(String instanceId) {
        return PREFIX + instanceId + ".ack";
    }

    /** Whether {@code name} is one of the spool's own names (any instance, any format). */
    static boolean isSpoolName(String name) {
        return SEGMENT.matcher(name).matches() || LOCK.matcher(name).matches() || ACK.matcher(name).matches()
                || LEGACY_BATCH.matcher(name).matches() || LEGACY_TEMP.matcher(name).matches()
                || LEGACY_LOCK.equals(name);
    }

    /** The instance id in a segment, lock or ack name, or null. */
    static String instanceOf(String name) {
        for (Pattern pattern : new Pattern[] {SEGMENT, LOCK, ACK}) {
            Matcher m = pattern.matcher(name);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** The segment number in a segment name, or -1. */
    static long segmentNumber(String name) {
        Matcher m = SEGMENT.matcher(name);
        return m.matches() ? Long.parseLong(m.group(2)) : -1;
    }
}
