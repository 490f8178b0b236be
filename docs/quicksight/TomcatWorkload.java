import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * A stand-in web service for render-tomcat.sh: embedded Tomcat (which registers its MBeans, read by
 * the agent's built-in tomcat set) with a pool of MAX_THREADS threads serving /work, which waits
 * 50 ms as a call to a database would; in the same JVM, up to PEAK_CLIENTS clients call it in a
 * loop, their number rising from 1 to PEAK_CLIENTS at the middle of the run and falling back. Run
 * with the agent attached and Tomcat on the class path:
 * {@code java -javaagent:roxxane.jar=... -cp tomcat-embed-core.jar:tomcat-annotations-api.jar TomcatWorkload.java SECONDS MAX_THREADS PEAK_CLIENTS}.
 */
public class TomcatWorkload {
    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        int maxThreads = Integer.parseInt(args[1]);
        int peakClients = Integer.parseInt(args[2]);
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("tomcat-workload").toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxThreads", String.valueOf(maxThreads));
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "work", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                response.getWriter().write("done");
            }
        });
        context.addServletMappingDecoded("/work", "work");
        tomcat.start();
        URL url = new URL("http://127.0.0.1:" + connector.getLocalPort() + "/work");
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        Thread[] clients = new Thread[peakClients];
        for (int i = 0; i < peakClients; i++) {
            int client = i;
            clients[i] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    double phase = (System.nanoTime() - start) / (double) (end - start);
                    int active = 1 + (int) Math.round((peakClients - 1) * (1 - Math.abs(2 * phase - 1)));
                    try {
                        if (client < active) {
                            call(url);
                        } else {
                            Thread.sleep(100);
                        }
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            }, "client-" + i);
            clients[i].start();
        }
        for (Thread client : clients) {
            client.join();
        }
        tomcat.stop();
        tomcat.destroy();
    }

    private static void call(URL url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        try (InputStream in = connection.getInputStream()) {
            in.readAllBytes();
        }
    }
}
