package io.roxxane.agent.collect.host.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.collect.host.Fixtures;
import io.roxxane.agent.sample.Struct;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-interface counters on recorded /proc/net/dev snapshots (host/net). */
class InterfaceTableTest {
    @TempDir
    Path dir;

    private Path netDev;

    private InterfaceTable table(String fixture, File sysClassNet) throws Exception {
        netDev = dir.resolve("dev");
        Files.writeString(netDev, Files.readString(Fixtures.path("net/" + fixture)));
        return new InterfaceTable(new ProcFile(netDev.toString(), 256), sysClassNet);
    }

    private void next(String fixture) throws Exception {
        Fixtures.rewrite(netDev, Files.readString(Fixtures.path("net/" + fixture)));
    }

    @Test
    void deltas_overTwoSnapshots_perInterfaceAndFieldButLoopback() throws Exception {
        InterfaceTable table = table("dev-1", Fixtures.path("net/sys-class-net").toFile());
        assertTrue(table.read());
        assertEquals(Map.of(), table.deltas(), "no previous reading yet");
        next("dev-2");
        assertTrue(table.read());
        Map<String, Struct> deltas = table.deltas();
        assertEquals(List.of("eth0", "veth3f2a1b", "tun0"), new ArrayList<>(deltas.keySet()),
                "lo is a loopback (type 772), wg0 is new");
        Struct eth0 = deltas.get("eth0");
        assertEquals(1_000_000L, eth0.get("rx_bytes"));
        assertEquals(1_000L, eth0.get("rx_packets"));
        assertEquals(1L, eth0.get("rx_errors"));
        assertEquals(0L, eth0.get("rx_dropped"));
        assertEquals(10_000L, eth0.get("tx_bytes"));
        assertEquals(100L, eth0.get("tx_packets"));
        assertEquals(0L, eth0.get("tx_errors"));
        assertEquals(2L, eth0.get("tx_dropped"));
        Struct veth = deltas.get("veth3f2a1b"); // recreated: the counters that went back say nothing
        assertNull(veth.get("rx_bytes"));
        assertNull(veth.get("tx_packets"));
        assertEquals(0L, veth.get("rx_errors"));
        assertEquals(0L, deltas.get("tun0").get("tx_bytes"), "an idle interface: 0, not null");
    }

    @Test
    void sum_addsTheNamedInterfacesCurrentCounters() throws Exception {
        InterfaceTable table = table("dev-2", Fixtures.path("net/sys-class-net").toFile());
        table.read();
        long[] totals = new long[4];
        assertEquals(2, table.sum(List.of("eth0", "wg0", "absent0"), totals));
        assertArrayEquals(new long[] {857_547_014L, 3_749_866L, 38_860L, 25_704L}, totals,
                "rx bytes, tx bytes, rx packets, tx packets");
    }

    @Test
    void read_interfaceGoneAndBack_startsAgainWithoutPrevious() throws Exception {
        InterfaceTable table = table("dev-2", dir.resolve("no-sysfs").toFile());
        table.read();
        next("dev-1"); // wg0 gone
        table.read();
        next("dev-2"); // wg0 back
        table.read();
        Map<String, Struct> deltas = table.deltas();
        assertFalse(deltas.containsKey("wg0"));
        assertFalse(deltas.containsKey("lo"), "without sysfs, lo by its name");
        assertTrue(deltas.containsKey("eth0"));
    }

    @Test
    void deltas_manyInterfaces_theFirstInTheKernelsOrderUpToTheCap() throws Exception {
        StringBuilder dev = new StringBuilder(Files.readString(Fixtures.path("net/dev-1")).split("\n    lo")[0]).append('\n');
        for (int i = 0; i < 40; i++) {
            dev.append(String.format("veth%02d: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0%n", i));
        }
        InterfaceTable table = table("dev-1", dir.resolve("no-sysfs").toFile());
        Fixtures.rewrite(netDev, dev.toString());
        table.read();
        table.read();
        List<String> names = new ArrayList<>(table.deltas().keySet());
        assertEquals(InterfaceTable.MAX_INTERFACES, names.size());
        assertEquals("veth00", names.get(0));
        assertEquals(String.format("veth%02d", InterfaceTable.MAX_INTERFACES - 1), names.get(names.size() - 1));
        long[] totals = new long[4];
        assertEquals(2, table.sum(List.of("veth00", "veth39"), totals), "the sum still sees every interface");
    }

    @Test
    void read_unreadable_isFalseAndReportsNothing() {
        InterfaceTable unreadable = new InterfaceTable(new ProcFile(dir.resolve("absent").toString(), 64), dir.toFile());
        assertFalse(unreadable.read());
        assertFalse(unreadable.read());
        assertEquals(Map.of(), unreadable.deltas());
        assertEquals(0, unreadable.sum(List.of("eth0"), new long[4]));
    }
}
