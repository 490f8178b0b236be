package io.roxxane.agent.collect.host.net;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Every;
import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.collect.SummedCounters;
import io.roxxane.agent.collect.host.OshiFallback;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.io.File;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import oshi.hardware.NetworkIF;

/**
 * Bytes and packets received and sent over the interval on every non-loopback interface, summed,
 * and per interface ({@code host_network_interfaces}, with errors and drops: {@link InterfaceTable}).
 *
 * <p>The interfaces are the JDK's {@link NetworkInterface}s that are not loopback and have a
 * hardware address (OSHI's own choice of "non-local" interfaces). Enumerating them is the slow
 * part, so the list is kept and only refreshed every {@link #REFRESH_MS}; each sample just reads
 * their counters all at once from /proc/net/dev (OSHI's per-interface refresh reads 14 sysfs
 * files per interface, about 0.2 ms each time). Where /proc/net/dev cannot be read, OSHI reads
 * the counters. Totals are turned into deltas, and an interval in which the set of interfaces or
 * the source changed reports no delta. The per-interface figures come from /proc/net/dev only
 * (every interface of it but loopback, whether it has a hardware address or not); where it cannot
 * be read they are null.
 */
public final class NetworkCollector implements Collector {
    static final long REFRESH_MS = 5 * 60_000L;

    private final OshiFallback oshi;
    private final InterfaceTable table;
    private final SummedCounters summed = new SummedCounters(Column.HOST_NET_RX_BYTES, Column.HOST_NET_TX_BYTES,
            Column.HOST_NET_RX_PACKETS, Column.HOST_NET_TX_PACKETS);
    private final long[] totals = summed.totals();
    private List<String> interfaces;
    private List<NetworkIF> oshiInterfaces;
    private final Every relisting = Every.millis(REFRESH_MS).fromNow();
    private boolean lastReadFromProc;

    public NetworkCollector(OshiFallback oshi) throws SocketException {
        this(oshi, new ProcFile("/proc/net/dev", 2_048), new File("/sys/class/net"));
    }

    NetworkCollector(OshiFallback oshi, ProcFile netDev, File sysClassNet) throws SocketException {
        this.oshi = oshi;
        this.table = new InterfaceTable(netDev, sysClassNet);
        this.interfaces = list();
    }

    @Override
    public void collect(Sample sample) throws SocketException {
        boolean relisted = false;
        if (relisting.due()) {
            List<String> fresh = list();
            relisted = !fresh.equals(interfaces);
            interfaces = fresh;
            oshiInterfaces = null; // listed again if needed
        }
        boolean tableRead = table.read();
        Arrays.fill(totals, 0);
        boolean fromProc = tableRead && table.sum(interfaces, totals) == interfaces.size();
        if (!fromProc) {
            readThroughOshi();
        }
        if (tableRead) {
            sample.set(Column.HOST_NETWORK_INTERFACES, table.deltas());
        }
        boolean sourceChanged = fromProc != lastReadFromProc;
        lastReadFromProc = fromProc;
        summed.report(sample, relisted || sourceChanged);
    }

    private void readThroughOshi() {
        boolean listedNow = oshiInterfaces == null;
        if (listedNow) {
            oshiInterfaces = new ArrayList<NetworkIF>();
            for (NetworkIF nif : oshi.hardware().getNetworkIFs(false)) {
                if (interfaces.contains(nif.getName())) {
                    oshiInterfaces.add(nif);
                }
            }
        }
        Arrays.fill(totals, 0);
        for (NetworkIF nif : oshiInterfaces) {
            if (!listedNow) {
                nif.updateAttributes();
            }
            totals[0] += nif.getBytesRecv();
            totals[1] += nif.getBytesSent();
            totals[2] += nif.getPacketsRecv();
            totals[3] += nif.getPacketsSent();
        }
    }

    /** Names of the interfaces that are not loopback and have a hardware address, sorted. */
    private static List<String> list() throws SocketException {
        List<String> names = new ArrayList<String>();
        Enumeration<NetworkInterface> all = NetworkInterface.getNetworkInterfaces();
        while (all != null && all.hasMoreElements()) {
            NetworkInterface nif = all.nextElement();
            if (isCounted(nif)) {
                names.add(nif.getName());
            }
        }
        Collections.sort(names);
        return names;
    }

    private static boolean isCounted(NetworkInterface nif) {
        try {
            return !nif.isLoopback() && nif.getHardwareAddress() != null;
        } catch (SocketException gone) {
            return false;
        }
    }

    /** The interface names counted, for tests and diagnostics. */
    public List<String> interfaceNames() {
        return Collections.unmodifiableList(interfaces);
    }

    /** Whether the last sample's counters came from /proc/net/dev (for tests). */
    boolean lastReadFromProc() {
        return lastReadFromProc;
    }
}
