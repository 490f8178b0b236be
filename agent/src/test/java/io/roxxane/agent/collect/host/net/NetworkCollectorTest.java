package io.roxxane.agent.collect.host.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.collect.ProcFiles;
import io.roxxane.agent.collect.host.OshiFallback;
import io.roxxane.agent.sample.Sample;
import io.roxxane.agent.sample.Struct;
import io.roxxane.schema.Column;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.hardware.NetworkIF;

class NetworkCollectorTest {
    private static final Column[] COLUMNS = {
        Column.HOST_NET_RX_BYTES, Column.HOST_NET_RX_PACKETS, Column.HOST_NET_TX_BYTES, Column.HOST_NET_TX_PACKETS};

    @Test
    void interfaceNames_whenListed_excludeLoopbackAndKeepTheOthersThatAreUp() throws Exception {
        NetworkCollector collector = new NetworkCollector(new OshiFallback());
        List<String> names = collector.interfaceNames();
        assertFalse(names.contains("lo"), names.toString());
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nif.isLoopback()) {
                assertFalse(names.contains(nif.getName()), nif.getName() + " is loopback: " + names);
            } else if (nif.isUp() && !nif.isVirtual()) {
                assertTrue(names.contains(nif.getName()), nif.getName() + " is up and not loopback: " + names);
            }
        }
        assertTrue(ProcFiles.netDevNames().containsAll(names), names + " all in /proc/net/dev");
    }

    @Test
    void interfaceNames_areOshisNonLocalInterfacesWithoutLoopback() throws Exception {
        List<String> oshi = new ArrayList<>();
        for (NetworkIF nif : new oshi.nativefree.SystemInfo().getHardware().getNetworkIFs(false)) {
            NetworkInterface java = nif.queryNetworkInterface();
            if (!java.isLoopback()) {
                oshi.add(nif.getName());
            }
        }
        Collections.sort(oshi);
        assertEquals(oshi, new NetworkCollector(new OshiFallback()).interfaceNames());
    }

    @Test
    void collect_whenProcNetDevMissing_oshiReadsTheSameCounters(@TempDir Path dir) throws Exception {
        deltasAgreeWithProcNetDev(new NetworkCollector(new OshiFallback(), new ProcFile(dir.resolve("dev").toString(), 64),
                new java.io.File("/sys/class/net")), false);
    }

    @Test
    void collect_whenInterval_deltasAgreeWithProcNetDevOverTheSameInterval() throws Exception {
        deltasAgreeWithProcNetDev(new NetworkCollector(new OshiFallback()), true);
    }

    private static void deltasAgreeWithProcNetDev(NetworkCollector collector, boolean fromProc) throws Exception {
        long[] p0 = ProcFiles.netDevNonLoopback();
        Sample first = new Sample();
        collector.collect(first);
        long[] p1 = ProcFiles.netDevNonLoopback();
        for (Column column : COLUMNS) {
            assertFalse(first.has(column), "the first sample has no interval: " + column.columnName());
        }
        loopbackTraffic(); // must not be counted, and traffic elsewhere may flow meanwhile
        long[] p2 = ProcFiles.netDevNonLoopback();
        Sample second = new Sample();
        collector.collect(second);
        long[] p3 = ProcFiles.netDevNonLoopback();
        for (int i = 0; i < 4; i++) {
            long delta = second.getLong(COLUMNS[i], -1);
            assertTrue(delta >= p2[i] - p1[i] && delta <= p3[i] - p0[i],
                    COLUMNS[i].columnName() + " " + delta + " not in /proc/net/dev's [" + (p2[i] - p1[i]) + ", "
                            + (p3[i] - p0[i]) + "]");
        }
        assertEquals(fromProc, collector.lastReadFromProc(), "where the counters came from");
    }

    private static void loopbackTraffic() throws IOException {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            client.getOutputStream().write(new byte[256 * 1024]);
            client.shutdownOutput();
            byte[] buffer = new byte[64 * 1024];
            while (accepted.getInputStream().read(buffer) >= 0) {
                // drain
            }
        }
    }

    @Test
    void collect_perInterface_liesWithinProcNetDevAroundTheIntervalForEveryInterfaceButLoopback() throws Exception {
        NetworkCollector collector = new NetworkCollector(new OshiFallback());
        Map<String, long[]> p0 = perInterface();
        Sample first = new Sample();
        collector.collect(first);
        Map<String, long[]> p1 = perInterface();
        assertFalse(first.has(Column.HOST_NETWORK_INTERFACES), "the first sample has no interval");
        loopbackTraffic();
        Map<String, long[]> p2 = perInterface();
        Sample second = new Sample();
        collector.collect(second);
        Map<String, long[]> p3 = perInterface();
        @SuppressWarnings("unchecked")
        Map<String, Struct> interfaces = (Map<String, Struct>) second.get(Column.HOST_NETWORK_INTERFACES);
        Set<String> expected = new TreeSet<>(p0.keySet());
        expected.remove("lo");
        assertEquals(expected, new TreeSet<>(interfaces.keySet()));
        String[] fields = {"rx_bytes", "rx_packets", "rx_errors", "rx_dropped", "tx_bytes", "tx_packets", "tx_errors",
            "tx_dropped"};
        for (Map.Entry<String, Struct> entry : interfaces.entrySet()) {
            String name = entry.getKey();
            for (int i = 0; i < fields.length; i++) {
                long delta = (Long) entry.getValue().get(fields[i]);
                long low = p2.get(name)[i] - p1.get(name)[i];
                long high = p3.get(name)[i] - p0.get(name)[i];
                assertTrue(delta >= low && delta <= high, name + " " + fields[i] + " " + delta + " not in [" + low + ", " + high + "]");
            }
        }
    }

    /** Per interface of /proc/net/dev: rx bytes, packets, errs, drop, tx bytes, packets, errs, drop. */
    private static Map<String, long[]> perInterface() {
        Map<String, long[]> rows = new TreeMap<>();
        for (String line : ProcFiles.lines("/proc/net/dev")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            long[] values = new long[8];
            int[] at = {0, 1, 2, 3, 8, 9, 10, 11};
            for (int i = 0; i < 8; i++) {
                values[i] = Long.parseLong(f[at[i]]);
            }
            rows.put(line.substring(0, colon).trim(), values);
        }
        return rows;
    }
}
