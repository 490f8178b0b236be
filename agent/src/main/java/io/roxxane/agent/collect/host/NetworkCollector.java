package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Deltas;
import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.List;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/**
 * Bytes and packets received and sent over the interval on every non-loopback interface.
 *
 * <p>Enumerating interfaces is the slow part, so the list is kept and only refreshed every
 * {@link #REFRESH_MS}; each sample just re-reads the counters of the known interfaces, all at once
 * from /proc/net/dev (OSHI's per-interface refresh reads 14 sysfs files per interface, about
 * 0.2 ms each time). Totals are turned into deltas, and an interval in which the set of interfaces
 * changed reports no delta.
 */
public final class NetworkCollector implements Collector {
    static final long REFRESH_MS = 5 * 60_000L;

    private final HardwareAbstractionLayer hardware;
    private final ProcFile netDev = new ProcFile("/proc/net/dev", 2_048);
    /** One row's first ten counters, reused for every row of every sample. */
    private final long[] fields = new long[10];
    private List<NetworkIF> interfaces;
    private long listedAtMillis;
    private final Deltas rxBytes = new Deltas();
    private final Deltas txBytes = new Deltas();
    private final Deltas rxPackets = new Deltas();
    private final Deltas txPackets = new Deltas();

    public NetworkCollector(HardwareAbstractionLayer hardware) {
        this.hardware = hardware;
        this.interfaces = list();
        this.listedAtMillis = System.currentTimeMillis();
    }

    @Override
    public String name() {
        return "host-network";
    }

    @Override
    public void collect(Sample sample) {
        long now = System.currentTimeMillis();
        boolean relisted = false;
        if (now - listedAtMillis >= REFRESH_MS) {
            List<NetworkIF> fresh = list();
            relisted = names(fresh).equals(names(interfaces)) ? false : true;
            interfaces = fresh;
            listedAtMillis = now;
        }
        long[] totals = readNetDev(interfaces);
        if (totals == null) {
            totals = new long[4];
            for (NetworkIF nif : interfaces) {
                nif.updateAttributes();
                totals[0] += nif.getBytesRecv();
                totals[1] += nif.getBytesSent();
                totals[2] += nif.getPacketsRecv();
                totals[3] += nif.getPacketsSent();
            }
        }
        long drb = rxBytes.next(totals[0]);
        long dtb = txBytes.next(totals[1]);
        long drp = rxPackets.next(totals[2]);
        long dtp = txPackets.next(totals[3]);
        if (relisted || drb < 0 || dtb < 0 || drp < 0 || dtp < 0) {
            return;
        }
        sample.set(Column.HOST_NET_RX_BYTES, drb)
                .set(Column.HOST_NET_TX_BYTES, dtb)
                .set(Column.HOST_NET_RX_PACKETS, drp)
                .set(Column.HOST_NET_TX_PACKETS, dtp);
    }

    /**
     * Bytes received, bytes sent, packets received, packets sent, summed over the named interfaces'
     * rows of /proc/net/dev; null if it cannot be read or lacks one of them.
     */
    private long[] readNetDev(List<NetworkIF> counted) {
        if (!netDev.read()) {
            return null;
        }
        long[] totals = new long[4];
        int found = 0;
        int line = 0;
        while (line < netDev.length()) {
            int colon = -1;
            int end = line;
            while (end < netDev.length() && netDev.at(end) != '\n') {
                if (colon < 0 && netDev.at(end) == ':') {
                    colon = end;
                }
                end++;
            }
            if (colon > 0 && isCounted(counted, line, colon)) { // not the two header lines
                // fields after the colon: rx bytes, packets, errs, drop, fifo, frame, compressed,
                // multicast, then tx bytes, packets, ...
                int at = colon + 1;
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = netDev.number(at);
                    at = netDev.skipField(at);
                }
                if (fields[0] < 0 || fields[1] < 0 || fields[8] < 0 || fields[9] < 0) {
                    return null;
                }
                totals[0] += fields[0];
                totals[1] += fields[8];
                totals[2] += fields[1];
                totals[3] += fields[9];
                found++;
            }
            line = end + 1;
        }
        return found == counted.size() ? totals : null; // one gone: OSHI keeps its last counters
    }

    /** Whether the row between {@code from} and {@code colon} names one of the counted interfaces. */
    private boolean isCounted(List<NetworkIF> counted, int from, int colon) {
        int start = netDev.skipBlanks(from);
        for (NetworkIF nif : counted) {
            if (netDev.regionEquals(start, colon, nif.getName())) {
                return true;
            }
        }
        return false;
    }

    private List<NetworkIF> list() {
        List<NetworkIF> result = new ArrayList<NetworkIF>();
        for (NetworkIF nif : hardware.getNetworkIFs(false)) {
            if (!isLoopback(nif)) {
                result.add(nif);
            }
        }
        return result;
    }

    static boolean isLoopback(NetworkIF nif) {
        try {
            NetworkInterface java = nif.queryNetworkInterface();
            if (java != null) {
                return java.isLoopback();
            }
        } catch (Exception unknown) {
            // fall through to the name
        }
        return "lo".equals(nif.getName());
    }

    private static List<String> names(List<NetworkIF> interfaces) {
        List<String> names = new ArrayList<String>();
        for (NetworkIF nif : interfaces) {
            names.add(nif.getName());
        }
        return names;
    }

    /** The interface names counted, for tests and diagnostics. */
    public List<String> interfaceNames() {
        return names(interfaces);
    }
}
