package io.roxxane.agent.collect.host.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.collect.ProcFiles;
import io.roxxane.agent.collect.host.Fixtures;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TCP counters on recorded /proc/net files (host/net) and on this machine against them read directly. */
class TcpCollectorTest {
    @TempDir
    Path dir;

    @Test
    void collect_recordedFiles_readsEachFigure() throws Exception {
        Path snmp = dir.resolve("snmp");
        Files.writeString(snmp, Files.readString(Fixtures.path("net/snmp")));
        TcpCollector collector = new TcpCollector(new ProcFile(snmp.toString(), 64),
                new ProcFile(Fixtures.path("net/sockstat").toString(), 64),
                new ProcFile(Fixtures.path("net/sockstat6").toString(), 64));
        Sample first = new Sample();
        collector.collect(first);
        assertFalse(first.has(Column.HOST_TCP_RETRANSMITS), "the first sample has no interval");
        assertEquals(3, first.getLong(Column.HOST_TCP_ESTABLISHED, -1));
        assertEquals(7 + 41, first.getLong(Column.HOST_TCP_IN_USE, -1), "IPv4 and IPv6 sockets");
        assertEquals(22, first.getLong(Column.HOST_TCP_TIME_WAIT, -1));
        assertEquals(2, first.getLong(Column.HOST_TCP_ORPHANS, -1));
        Fixtures.rewrite(snmp, Files.readString(snmp).replace("Tcp: 1 200 120000 -1 5284 4733 492 55 3 142703 130373 75 0",
                "Tcp: 1 200 120000 -1 5290 4733 492 55 9 142803 130473 82 0"));
        Sample second = new Sample();
        collector.collect(second);
        assertEquals(7, second.getLong(Column.HOST_TCP_RETRANSMITS, -1));
        assertEquals(9, second.getLong(Column.HOST_TCP_ESTABLISHED, -1));
    }

    @Test
    void collect_withoutIpv6OrFiles_leavesWhatItCannotReadNull() throws Exception {
        TcpCollector noIpv6 = new TcpCollector(new ProcFile(Fixtures.path("net/snmp").toString(), 64),
                new ProcFile(Fixtures.path("net/sockstat").toString(), 64), null);
        Sample sample = new Sample();
        noIpv6.collect(sample);
        assertEquals(7, sample.getLong(Column.HOST_TCP_IN_USE, -1), "IPv4 alone");
        TcpCollector none = new TcpCollector(new ProcFile(dir.resolve("a").toString(), 64),
                new ProcFile(dir.resolve("b").toString(), 64), new ProcFile(dir.resolve("c").toString(), 64));
        for (int i = 0; i < 2; i++) {
            Sample empty = new Sample();
            none.collect(empty);
            for (Column column : new Column[] {Column.HOST_TCP_RETRANSMITS, Column.HOST_TCP_ESTABLISHED,
                Column.HOST_TCP_IN_USE, Column.HOST_TCP_TIME_WAIT, Column.HOST_TCP_ORPHANS}) {
                assertFalse(empty.has(column), column.columnName());
            }
        }
    }

    @Test
    void collect_onThisMachine_agreesWithProcNet() throws Exception {
        TcpCollector collector = new TcpCollector();
        long[] before = figures();
        collector.collect(new Sample());
        List<Socket> open = new ArrayList<>();
        long[] between;
        Sample second = new Sample();
        long[] after;
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 5; i++) { // five more connections in ESTABLISHED, ten more sockets in use
                open.add(new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort()));
                open.add(server.accept());
            }
            between = figures();
            collector.collect(second);
            after = figures();
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
        }
        assertTrue(between[1] >= before[1] + 5 || after[1] >= before[1] + 5, "the connections show in CurrEstab");
        long retransmits = second.getLong(Column.HOST_TCP_RETRANSMITS, -1);
        assertTrue(retransmits >= 0 && retransmits <= after[0] - before[0],
                "retransmits " + retransmits + " vs RetransSegs " + before[0] + " .. " + after[0]);
        Column[] gauges = {null, Column.HOST_TCP_ESTABLISHED, Column.HOST_TCP_IN_USE, Column.HOST_TCP_TIME_WAIT,
            Column.HOST_TCP_ORPHANS};
        for (int i = 1; i < gauges.length; i++) {
            long value = second.getLong(gauges[i], -1);
            // Other builds open and close connections on this machine meanwhile.
            long low = Math.min(between[i], after[i]) - 20;
            long high = Math.max(between[i], after[i]) + 20;
            assertTrue(value >= Math.max(0, low) && value <= high,
                    gauges[i].columnName() + " " + value + " vs /proc/net " + between[i] + " .. " + after[i]);
        }
        assertTrue(second.getLong(Column.HOST_TCP_IN_USE, -1) >= 10, "the ten open sockets are in use");
    }

    /** RetransSegs, CurrEstab, TCP inuse + TCP6 inuse, tw, orphan, read without the collector's code. */
    private static long[] figures() {
        List<String> tcp = new ArrayList<>();
        for (String line : ProcFiles.lines("/proc/net/snmp")) {
            if (line.startsWith("Tcp:")) {
                tcp.add(line);
            }
        }
        List<String> names = List.of(tcp.get(0).split("\\s+"));
        String[] values = tcp.get(1).split("\\s+");
        long[] figures = new long[5];
        figures[0] = Long.parseLong(values[names.indexOf("RetransSegs")]);
        figures[1] = Long.parseLong(values[names.indexOf("CurrEstab")]);
        for (String line : ProcFiles.lines("/proc/net/sockstat")) {
            if (line.startsWith("TCP:")) {
                List<String> f = List.of(line.split("\\s+"));
                figures[2] += Long.parseLong(f.get(f.indexOf("inuse") + 1));
                figures[3] = Long.parseLong(f.get(f.indexOf("tw") + 1));
                figures[4] = Long.parseLong(f.get(f.indexOf("orphan") + 1));
            }
        }
        if (new File("/proc/net/sockstat6").exists()) {
            for (String line : ProcFiles.lines("/proc/net/sockstat6")) {
                if (line.startsWith("TCP6:")) {
                    figures[2] += Long.parseLong(line.split("\\s+")[2]);
                }
            }
        }
        return figures;
    }
}
