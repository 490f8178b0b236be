import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.PlatformManagedObject;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * A host for the JVM collectors' child-JVM tests: it reports its own MXBeans' figures (the
 * independent source the agent's samples are checked against) on stdout as tab-separated
 * records {@code rec PHASE KIND NAME VALUES…}, around a known workload. Arguments, in any order:
 * <ul>
 * <li>plant: threads in known states (2 RUNNABLE in accept(), 5 BLOCKED, 7 WAITING, 9 TIMED_WAITING)
 * <li>threads=N: N more parked platform threads
 * <li>gcs=N: after release, N System.gc() calls between the "before" and "after" records (with
 *     virtual, the virtual threads start between them too)
 * <li>virtual: after release, set jdk.virtualThreadScheduler.parallelism=3, then start 40 parked
 *     virtual threads and one spinning until exit (JDK 21+); vt-early: read the scheduler bean
 *     first (the control: the property then comes too late)
 * <li>wait=MS: how long to stay after the "after" records (default 3000)
 * <li>dump-threads: while waiting, ThreadMXBean.dumpAllThreads every second (the control of the
 *     safepoint test)
 * </ul>
 * It waits for a line on stdin after "host: ready", and prints "host: exiting" at the end.
 */
public class JvmMetricsHost {
    private static final Object MONITOR = new Object();
    private static volatile boolean spinning = true;

    public static void main(String[] args) throws Exception {
        boolean plant = false;
        boolean virtual = false;
        boolean vtEarly = false;
        boolean dumpThreads = false;
        int threads = 0;
        int gcs = -1;
        long waitMillis = 3_000;
        for (String arg : args) {
            if (arg.equals("plant")) plant = true;
            else if (arg.equals("virtual")) virtual = true;
            else if (arg.equals("vt-early")) vtEarly = true;
            else if (arg.equals("dump-threads")) dumpThreads = true;
            else if (arg.startsWith("threads=")) threads = Integer.parseInt(arg.substring(8));
            else if (arg.startsWith("gcs=")) gcs = Integer.parseInt(arg.substring(4));
            else if (arg.startsWith("wait=")) waitMillis = Long.parseLong(arg.substring(5));
            else throw new IllegalArgumentException(arg);
        }
        if (plant) {
            plantThreads();
        }
        for (int i = 0; i < threads; i++) {
            daemon("parked-" + i, () -> {
                while (true) {
                    LockSupport.park();
                }
            });
        }
        rec("start", "uptime", "-", ManagementFactory.getRuntimeMXBean().getUptime());
        rec("start", "jit", "-", jitTime());
        System.out.println("host: ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in)).readLine();
        rec("released", "uptime", "-", ManagementFactory.getRuntimeMXBean().getUptime());

        if (gcs >= 0) {
            // before the virtual threads start: starting them allocates, which may collect
            records("before");
        }
        if (virtual) {
            if (vtEarly) {
                schedulerBean("getPoolSize");
            }
            System.setProperty("jdk.virtualThreadScheduler.parallelism", "3");
            startVirtualThreads();
            rec("after", "vt-parallelism", "-", ((Number) schedulerBean("getParallelism")).longValue());
        }
        if (gcs >= 0) {
            for (int i = 0; i < gcs; i++) {
                System.gc();
            }
            records("after");
            poolRecords("after");
            threadRecords("after");
            rec("after", "time", "-", System.currentTimeMillis());
        }
        long end = System.nanoTime() + waitMillis * 1_000_000L;
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        while (System.nanoTime() < end) {
            if (dumpThreads) {
                threadBean.dumpAllThreads(false, false);
            }
            Thread.sleep(Math.max(1, Math.min(1_000, (end - System.nanoTime()) / 1_000_000L)));
        }
        if (gcs >= 0) {
            rec("exit", "time", "-", System.currentTimeMillis());
            records("exit");
            poolRecords("exit");
        }
        rec("exit", "jit", "-", jitTime());
        rec("exit", "uptime", "-", ManagementFactory.getRuntimeMXBean().getUptime());
        spinning = false;
        System.out.println("host: exiting");
        System.out.flush();
        System.exit(0);
    }

    private static void plantThreads() throws Exception {
        for (int i = 0; i < 2; i++) {
            ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            daemon("runnable-" + i, () -> {
                try {
                    server.accept();
                } catch (Exception ignored) {
                    // the JVM exits
                }
            });
        }
        CountDownLatch holding = new CountDownLatch(1);
        daemon("holder", () -> {
            synchronized (MONITOR) {
                holding.countDown();
                while (true) {
                    LockSupport.park();
                }
            }
        });
        holding.await();
        for (int i = 0; i < 5; i++) {
            daemon("blocked-" + i, () -> {
                synchronized (MONITOR) {
                    System.out.println("never");
                }
            });
        }
        for (int i = 0; i < 7; i++) {
            daemon("waiting-" + i, () -> {
                while (true) {
                    LockSupport.park();
                }
            });
        }
        for (int i = 0; i < 9; i++) {
            daemon("sleeping-" + i, () -> {
                try {
                    Thread.sleep(3_600_000);
                } catch (InterruptedException ignored) {
                    // the JVM exits
                }
            });
        }
        // until every planted thread is in its state
        while (count(Thread.State.BLOCKED, "blocked-") < 5 || count(Thread.State.WAITING, "waiting-") < 7
                || count(Thread.State.TIMED_WAITING, "sleeping-") < 9 || count(Thread.State.RUNNABLE, "runnable-") < 2) {
            Thread.sleep(10);
        }
        System.out.println("host: planted runnable=2 blocked=5 waiting=7 timed_waiting=9");
    }

    private static int count(Thread.State state, String prefix) {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix) && t.getState() == state) {
                n++;
            }
        }
        return n;
    }

    private static void startVirtualThreads() throws Exception {
        java.lang.reflect.Method start = Thread.class.getMethod("startVirtualThread", Runnable.class);
        CountDownLatch started = new CountDownLatch(41);
        for (int i = 0; i < 40; i++) {
            start.invoke(null, (Runnable) () -> {
                started.countDown();
                while (true) {
                    LockSupport.park();
                }
            });
        }
        start.invoke(null, (Runnable) () -> {
            started.countDown();
            while (spinning) {
                Thread.onSpinWait();
            }
        });
        started.await();
    }

    private static Object schedulerBean(String method) throws Exception {
        Class<? extends PlatformManagedObject> type = Class.forName("jdk.management.VirtualThreadSchedulerMXBean")
                .asSubclass(PlatformManagedObject.class);
        Object bean = ManagementFactory.getPlatformMXBean(type);
        return type.getMethod(method).invoke(bean);
    }

    private static void records(String phase) {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            rec(phase, "gc", gc.getName(), gc.getCollectionCount(), gc.getCollectionTime());
        }
    }

    private static void poolRecords(String phase) {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = pool.getUsage();
            MemoryUsage afterGc = pool.getCollectionUsage();
            rec(phase, pool.getType() == MemoryType.HEAP ? "heap-pool" : "nonheap-pool", pool.getName(),
                    usage.getUsed(), usage.getCommitted(), usage.getMax(),
                    afterGc == null ? -1 : afterGc.getUsed(), afterGc == null ? -1 : afterGc.getCommitted());
        }
    }

    /** Thread states as ThreadMXBean sees them (a safepoint: this is the test's side), and the carriers. */
    private static void threadRecords(String phase) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] counts = new long[Thread.State.values().length];
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                counts[info.getThreadState().ordinal()]++;
            }
        }
        rec(phase, "states", "-", counts[Thread.State.RUNNABLE.ordinal()], counts[Thread.State.BLOCKED.ordinal()],
                counts[Thread.State.WAITING.ordinal()], counts[Thread.State.TIMED_WAITING.ordinal()]);
        int carriers = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getClass().getName().equals("jdk.internal.misc.CarrierThread")) {
                carriers++;
            }
        }
        rec(phase, "carriers", "-", carriers);
    }

    private static long jitTime() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit == null ? -1 : jit.getTotalCompilationTime();
    }

    private static void rec(String phase, String kind, String name, long... values) {
        List<String> fields = new ArrayList<>(List.of("rec", phase, kind, name));
        for (long value : values) {
            fields.add(Long.toString(value));
        }
        System.out.println(String.join("\t", fields));
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }
}
