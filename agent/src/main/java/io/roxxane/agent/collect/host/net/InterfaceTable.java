package io.roxxane.agent.collect.host.net;

import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.sample.Struct;
import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of /proc/net/dev (this process's network namespace: inside a container, the
 * container's), one per interface, each with its counters at this read and the read before. An
 * interface is matched to its row by the bytes of its name, so a sample allocates no name; a name
 * seen for the first time is looked up once in /sys/class/net (is it a loopback: type 772, or
 * named {@code lo} where sysfs does not say). Rows that vanish are forgotten; one that comes back
 * starts again without a previous reading.
 */
final class InterfaceTable {
    /**
     * At most this many interfaces are reported, in the kernel's order (that in which they were
     * created): a node with hundreds of container veths would otherwise make every sample large.
     */
    static final int MAX_INTERFACES = 32;
    /** The fields of a /proc/net/dev row after the colon that are kept, and their names in the struct. */
    private static final int[] FIELDS = {0, 1, 2, 3, 8, 9, 10, 11};
    private static final String[] NAMES = {"rx_bytes", "rx_packets", "rx_errors", "rx_dropped", "tx_bytes",
        "tx_packets", "tx_errors", "tx_dropped"};
    private static final int ARPHRD_LOOPBACK = 772;
    private static final ColumnType INTERFACE = Column.HOST_NETWORK_INTERFACES.type().valueType();

    private final ProcFile netDev;
    private final File sysClassNet;
    private final List<Row> rows = new ArrayList<Row>();
    private int cursor;

    InterfaceTable(ProcFile netDev, File sysClassNet) {
        this.netDev = netDev;
        this.sysClassNet = sysClassNet;
    }

    /** Reads /proc/net/dev; false (and every row forgotten) if it cannot be read. */
    boolean read() {
        if (!netDev.read()) {
            rows.clear();
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).seen = false;
        }
        int line = 0;
        while (line < netDev.length()) {
            int end = netDev.lineEnd(line);
            int colon = netDev.find(":", line, end) - 1;
            if (colon > 0) { // not the two header lines
                int start = netDev.skipBlanks(line);
                row(start, colon).read(netDev, colon + 1);
            }
            line = end + 1;
        }
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (!rows.get(i).seen) {
                rows.remove(i);
            }
        }
        cursor = 0;
        return true;
    }

    /**
     * The row of the interface named by the bytes from {@code start} to {@code end}, new if there
     * is none. The kernel lists interfaces in the same order each time, so the search starts just
     * after the row found last.
     */
    private Row row(int start, int end) {
        int size = rows.size();
        for (int k = 0; k < size; k++) {
            int i = (cursor + k) % size;
            Row row = rows.get(i);
            if (netDev.regionEquals(start, end, row.name)) {
                cursor = i + 1;
                return row;
            }
        }
        String name = netDev.text(start, end);
        Row row = new Row(name, isLoopback(name));
        rows.add(row);
        cursor = rows.size();
        return row;
    }

    private boolean isLoopback(String name) {
        try {
            byte[] type = Files.readAllBytes(new File(new File(sysClassNet, name), "type").toPath());
            return Integer.parseInt(new String(type, StandardCharsets.US_ASCII).trim()) == ARPHRD_LOOPBACK;
        } catch (IOException | RuntimeException noSysfs) {
            return name.equals("lo");
        }
    }

    /**
     * Adds bytes received, bytes sent, packets received, packets sent of the named interfaces to
     * {@code totals}; returns how many of them had a row and could be read.
     */
    int sum(List<String> names, long[] totals) {
        int found = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.valid && names.contains(row.name)) {
                totals[0] += row.now[0];
                totals[1] += row.now[4];
                totals[2] += row.now[1];
                totals[3] += row.now[5];
                found++;
            }
        }
        return found;
    }

    /**
     * Each interface but loopback with a previous reading, by name, the first
     * {@link #MAX_INTERFACES} in the kernel's order: its counters' increase since that reading. A
     * counter that went back (the interface was recreated) is left out.
     */
    Map<String, Struct> deltas() {
        Map<String, Struct> deltas = new LinkedHashMap<String, Struct>(Math.min(rows.size(), MAX_INTERFACES) * 2);
        for (int i = 0; i < rows.size() && deltas.size() < MAX_INTERFACES; i++) {
            Row row = rows.get(i);
            if (row.loopback || !row.valid || !row.validBefore) {
                continue;
            }
            Struct struct = new Struct(INTERFACE);
            for (int f = 0; f < FIELDS.length; f++) {
                long delta = row.now[f] - row.before[f];
                if (delta >= 0) {
                    struct.set(NAMES[f], delta);
                }
            }
            deltas.put(row.name, struct);
        }
        return deltas;
    }

    private static final class Row {
        final String name;
        final boolean loopback;
        long[] now = new long[FIELDS.length];
        long[] before = new long[FIELDS.length];
        boolean valid;
        boolean validBefore;
        boolean seen;

        Row(String name, boolean loopback) {
            this.name = name;
            this.loopback = loopback;
        }

        /** The row's counters from {@code at} (just past the colon). */
        void read(ProcFile netDev, int at) {
            long[] swap = before;
            before = now;
            now = swap;
            validBefore = valid;
            valid = true;
            seen = true;
            int field = 0;
            int position = at;
            for (int f = 0; f < FIELDS.length; f++) {
                while (field < FIELDS[f]) {
                    position = netDev.skipField(position);
                    field++;
                }
                now[f] = netDev.number(position);
                valid &= now[f] >= 0;
            }
        }
    }
}
