package io.roxxane.agent.collect.host.net;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Deltas;
import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.io.File;

/**
 * TCP of this process's network namespace (inside a container, the container's; outside, the
 * host's), from three small files whose size does not grow with the number of connections (unlike
 * /proc/net/tcp, one line per socket):
 * <ul>
 * <li>/proc/net/snmp, the {@code Tcp:} lines: {@code RetransSegs} (segments retransmitted; a delta
 * over the interval) and {@code CurrEstab} (connections in ESTABLISHED or CLOSE_WAIT). Both count
 * IPv4 and IPv6 alike.</li>
 * <li>/proc/net/sockstat, the {@code TCP:} line: {@code tw} (sockets in TIME_WAIT) and
 * {@code orphan} (sockets no process holds any more; the kernel counts these for the whole host),
 * and {@code inuse}, which counts IPv4 sockets only — so /proc/net/sockstat6's {@code TCP6: inuse}
 * (a JVM's sockets are IPv6 ones unless {@code java.net.preferIPv4Stack} is set) is added to it:
 * every socket in any state but TIME_WAIT, listening ones included.</li>
 * </ul>
 * A file that cannot be read leaves its columns null; without IPv6 there is no sockstat6, and
 * {@code inuse} is the IPv4 count alone.
 */
public final class TcpCollector implements Collector {
    private final ProcFile snmp;
    private final ProcFile sockstat;
    private final ProcFile sockstat6;
    private final Deltas retransmits = new Deltas();

    public TcpCollector() {
        this(new ProcFile("/proc/net/snmp", 2_048), new ProcFile("/proc/net/sockstat", 256),
                new File("/proc/net/sockstat6").exists() ? new ProcFile("/proc/net/sockstat6", 256) : null);
    }

    /** {@code sockstat6} null where the kernel has no IPv6 (checked once: a missing file costs an exception a read). */
    TcpCollector(ProcFile snmp, ProcFile sockstat, ProcFile sockstat6) {
        this.snmp = snmp;
        this.sockstat = sockstat;
        this.sockstat6 = sockstat6;
    }

    @Override
    public void collect(Sample sample) {
        collectSnmp(sample);
        collectSockstat(sample);
    }

    private void collectSnmp(Sample sample) {
        long retransmitted = -1;
        long established = -1;
        if (snmp.read(8_192)) {
            // "Tcp: RtoAlgorithm RtoMin … RetransSegs …" then "Tcp: 1 200 … 75 …": names, then values
            int names = snmp.lineStartingWith("Tcp: ", 0);
            int values = names < 0 ? -1 : snmp.lineStartingWith("Tcp: ", names);
            if (values >= 0) {
                retransmitted = valueOf("RetransSegs", names, values);
                established = valueOf("CurrEstab", names, values);
            }
        }
        long delta = retransmits.next(retransmitted);
        if (delta >= 0) {
            sample.set(Column.HOST_TCP_RETRANSMITS, delta);
        }
        if (established >= 0) {
            sample.set(Column.HOST_TCP_ESTABLISHED, established);
        }
    }

    /** The value under {@code name} in the header line at {@code names}, from the value line at {@code values}; -1 if absent. */
    private long valueOf(String name, int names, int values) {
        int namesEnd = snmp.lineEnd(names);
        int nameAt = snmp.skipBlanks(names);
        int valueAt = values;
        while (nameAt < namesEnd) {
            int nameEnd = snmp.skipField(nameAt);
            if (snmp.regionEquals(nameAt, nameEnd, name)) {
                return snmp.number(valueAt);
            }
            nameAt = snmp.skipBlanks(nameEnd);
            valueAt = snmp.skipField(valueAt);
        }
        return -1;
    }

    private void collectSockstat(Sample sample) {
        if (!sockstat.read(1_024)) {
            return;
        }
        int tcp = sockstat.lineStartingWith("TCP: ", 0);
        if (tcp < 0) {
            return;
        }
        int end = sockstat.lineEnd(tcp);
        long inUse = after(sockstat, " inuse ", tcp - 1, end);
        long orphans = after(sockstat, " orphan ", tcp - 1, end);
        long timeWait = after(sockstat, " tw ", tcp - 1, end);
        if (inUse >= 0 && sockstat6 != null && sockstat6.read(1_024)) {
            int tcp6 = sockstat6.lineStartingWith("TCP6: ", 0);
            long inUse6 = tcp6 < 0 ? -1 : after(sockstat6, " inuse ", tcp6 - 1, sockstat6.lineEnd(tcp6));
            if (inUse6 >= 0) {
                inUse += inUse6;
            }
        }
        if (inUse >= 0) {
            sample.set(Column.HOST_TCP_IN_USE, inUse);
        }
        if (orphans >= 0) {
            sample.set(Column.HOST_TCP_ORPHANS, orphans);
        }
        if (timeWait >= 0) {
            sample.set(Column.HOST_TCP_TIME_WAIT, timeWait);
        }
    }

    /** The number after {@code key} (" inuse ", with the blanks around it) between {@code from} and {@code to}; -1 if absent. */
    private static long after(ProcFile file, String key, int from, int to) {
        int at = file.find(key, from, to);
        return at < 0 ? -1 : file.number(at);
    }
}
