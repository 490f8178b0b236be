import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.LogManager;

/**
 * A host application that checks what the agent must leave alone. Arguments, in any order:
 * wait (read one line from stdin before going on), early-jul and early-mbeans (initialise
 * java.util.logging or the platform MBean server at once: the control cases), late-checks (install its own LogManager and MBeanServerBuilder now, as
 * application servers do, and report whether they took effect), threads (list live threads),
 * exit=N (System.exit(N); otherwise main returns).
 */
public class PlainHost {
    public static void main(String[] args) throws Exception {
        boolean wait = false, earlyJul = false, earlyMBeans = false, lateChecks = false, threads = false;
        Integer exit = null;
        for (String arg : args) {
            if (arg.equals("wait")) wait = true;
            else if (arg.equals("early-jul")) earlyJul = true;
            else if (arg.equals("early-mbeans")) earlyMBeans = true;
            else if (arg.equals("late-checks")) lateChecks = true;
            else if (arg.equals("threads")) threads = true;
            else if (arg.startsWith("exit=")) exit = Integer.valueOf(arg.substring(5));
            else throw new IllegalArgumentException(arg);
        }
        System.out.println("host: started");
        if (earlyJul) {
            LogManager.getLogManager();
        }
        if (earlyMBeans) {
            ManagementFactory.getPlatformMBeanServer();
        }
        System.out.println("host: ready");
        System.out.flush();
        if (wait) {
            new BufferedReader(new InputStreamReader(System.in)).readLine();
        }
        if (lateChecks) {
            System.setProperty("java.util.logging.manager", "HostLogManager");
            System.out.println("host: log manager = " + LogManager.getLogManager().getClass().getName());
            System.setProperty("javax.management.builder.initial", "HostMBeanServerBuilder");
            ManagementFactory.getPlatformMBeanServer();
            System.out.println("host: platform mbean server built by the host's builder = " + HostMBeanServerBuilder.used);
        }
        if (threads) {
            Map<String, Boolean> live = new TreeMap<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                live.put(t.getName(), t.isDaemon());
            }
            live.forEach((name, daemon) -> System.out.println("thread: " + name + " daemon=" + daemon));
        }
        System.out.println("host: exiting" + (exit == null ? "" : " " + exit));
        System.out.flush();
        if (exit != null) {
            System.exit(exit);
        }
    }
}
