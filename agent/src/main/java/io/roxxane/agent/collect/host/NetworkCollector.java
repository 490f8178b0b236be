package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Deltas;
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
 * {@link #REFRESH_MS}; each sample just re-reads the counters of the known interfaces. Totals are
 * turned into deltas, and an interval in which the set of interfaces changed reports no delta.
 */
public final class NetworkCollector implements Collector {
    static final long REFRESH_MS = 5 * 60_000L;

    private final HardwareAbstractionLayer hardware;
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
        long rb = 0;
        long tb = 0;
        long rp = 0;
        long tp = 0;
        for (NetworkIF nif : interfaces) {
            nif.updateAttributes();
            rb += nif.getBytesRecv();
            tb += nif.getBytesSent();
            rp += nif.getPacketsRecv();
            tp += nif.getPacketsSent();
        }
        long drb = rxBytes.next(rb);
        long dtb = txBytes.next(tb);
        long drp = rxPackets.next(rp);
        long dtp = txPackets.next(tp);
        if (relisted || drb < 0 || dtb < 0 || drp < 0 || dtp < 0) {
            return;
        }
        sample.set(Column.HOST_NET_RX_BYTES, drb)
                .set(Column.HOST_NET_TX_BYTES, dtb)
                .set(Column.HOST_NET_RX_PACKETS, drp)
                .set(Column.HOST_NET_TX_PACKETS, dtp);
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
