import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.Map;
import java.util.TreeMap;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat 11 and a HikariCP pool (MBeans on) under a light steady load (20 requests and 20
 * connection borrows a second) for the seconds given; then prints the CPU of the threads of each
 * agent and of the whole process, and exits. bench/jmx/run.sh runs it under each agent.
 */
public class BenchHost {
    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("bench-tomcat").toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("/app", null);
        Tomcat.addServlet(context, "ok", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                request.getSession(true);
                response.getWriter().write("ok");
            }
        });
        context.addServletMappingDecoded("/ok", "ok");
        tomcat.start();
        int port = connector.getLocalPort();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
        config.setPoolName("bench");
        config.setMaximumPoolSize(5);
        config.setRegisterMbeans(true);
        HikariDataSource pool = new HikariDataSource(config);
        System.out.println("host: ready " + port);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread web = new Thread(() -> {
            while (System.nanoTime() < end) {
                try {
                    HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/app/ok").openConnection();
                    try (InputStream in = c.getInputStream()) {
                        in.readAllBytes();
                    }
                    Thread.sleep(50);
                } catch (Exception e) {
                    return;
                }
            }
        }, "load-web");
        Thread db = new Thread(() -> {
            while (System.nanoTime() < end) {
                try (Connection c = pool.getConnection()) {
                    c.isValid(1);
                    Thread.sleep(50);
                } catch (Exception e) {
                    return;
                }
            }
        }, "load-db");
        web.start();
        db.start();
        web.join();
        db.join();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            String group = name.startsWith("roxxane-") ? name.replaceAll("-\\d+$", "")
                    : name.startsWith("prometheus-http") || name.equals("HTTP-Dispatcher") ? "jmx_exporter-http" : null;
            long ns = threads.getThreadCpuTime(info.getThreadId());
            if (group != null && ns > 0) {
                cpu.merge(group, ns, Long::sum);
            }
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        cpu.forEach((group, ns) -> System.out.println("cpu " + group + " " + ns));
        System.out.println("cpu process " + os.getProcessCpuTime());
        System.out.println("host: exiting");
        System.exit(0);
    }
}
