import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.utils.Time;

/**
 * A service with the libraries of the built-in sets, driven step by step from stdin ("go",
 * "release", "exit") and saying on stdout what it did: embedded Tomcat 11 on loopback serving its
 * own requests, a HikariCP pool over in-memory H2 with its MBeans on (created only at "go", after
 * the agent started), and Kafka clients with no broker (a loopback port nothing listens on).
 */
public class AppsHost {
    static final int MAX_THREADS = 17;
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final AtomicInteger HELD = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("apps-host-tomcat").toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxThreads", String.valueOf(MAX_THREADS));
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("/app", null);
        servlet(context, "/ok", (request, response) -> response.getWriter().write("ok"));
        servlet(context, "/fail", (request, response) -> response.sendError(500));
        servlet(context, "/session", (request, response) -> {
            request.getSession(true);
            response.getWriter().write("session");
        });
        servlet(context, "/hold", (request, response) -> {
            HELD.incrementAndGet();
            try {
                RELEASE.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            response.getWriter().write("held");
        });
        tomcat.start();
        int port = connector.getLocalPort();
        System.out.println("host: tomcat on " + port);
        System.out.println("host: ready");
        await(stdin, "go");

        int requests = 0;
        for (int i = 0; i < 10; i++) {
            requests += get(port, "/app/ok") == 200 ? 1 : 0;
        }
        int posted = 0;
        for (int i = 0; i < 3; i++) {
            if (post(port, "/app/ok", 100) == 200) {
                requests++;
                posted += 100;
            }
        }
        int errors = 0;
        for (int i = 0; i < 3; i++) {
            errors += get(port, "/app/fail") == 500 ? 1 : 0;
        }
        for (int i = 0; i < 2; i++) {
            requests += get(port, "/app/session") == 200 ? 1 : 0;
        }
        List<Thread> held = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread thread = new Thread(() -> get(port, "/app/hold"), "held-request-" + i);
            thread.start();
            held.add(thread);
        }
        while (HELD.get() < 2) {
            Thread.sleep(10);
        }

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1");
        config.setPoolName("orders");
        config.setMaximumPoolSize(5);
        config.setMinimumIdle(5);
        config.setConnectionTimeout(120_000);
        config.setRegisterMbeans(true);
        HikariDataSource pool = new HikariDataSource(config);
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            connections.add(pool.getConnection());
        }
        Thread waiter = new Thread(() -> {
            try (Connection c = pool.getConnection()) {
                c.isValid(1);
            } catch (Exception e) {
                System.out.println("host: waiter failed " + e);
            }
        }, "pool-waiter");
        waiter.start();
        while (pool.getHikariPoolMXBean().getThreadsAwaitingConnection() < 1) {
            Thread.sleep(10);
        }

        int nothingListens;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            nothingListens = socket.getLocalPort();
        }
        Properties producerProperties = new Properties();
        producerProperties.put("bootstrap.servers", "127.0.0.1:" + nothingListens);
        producerProperties.put("client.id", "roxxane-producer");
        producerProperties.put("max.block.ms", "200");
        producerProperties.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        producerProperties.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties);
        int sendFailures = 0;
        for (int i = 0; i < 3; i++) {
            try {
                producer.send(new ProducerRecord<>("orders", "key", "value-" + i)).get();
            } catch (ExecutionException | KafkaException e) {
                sendFailures++;
            }
        }
        Properties consumerProperties = new Properties();
        consumerProperties.put("bootstrap.servers", "127.0.0.1:" + nothingListens);
        consumerProperties.put("client.id", "roxxane-consumer");
        consumerProperties.put("group.id", "orders");
        consumerProperties.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        consumerProperties.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties);
        // A consumer's lag needs a broker. Kafka's own metrics and JMX reporter, as a consumer uses
        // them, stand in for one: records-lag-max 42 for client-id lag-fixture.
        Metrics metrics = new Metrics(new MetricConfig(), List.of(new JmxReporter()), Time.SYSTEM,
                new KafkaMetricsContext("kafka.consumer"));
        Sensor lag = metrics.sensor("records-lag");
        lag.add(metrics.metricName("records-lag-max", "consumer-fetch-manager-metrics", Map.of("client-id", "lag-fixture")),
                new Max());
        lag.record(42);
        System.out.println("host: acted requests=" + requests + " posted-bytes=" + posted + " errors=" + errors + " held=" + HELD.get()
                + " sessions=2 pool-active=5 pool-pending=1 kafka-send-failures=" + sendFailures);

        await(stdin, "release");
        RELEASE.countDown();
        for (Thread thread : held) {
            thread.join();
        }
        for (Connection connection : connections) {
            connection.close();
        }
        waiter.join();
        System.out.println("host: released");

        await(stdin, "exit");
        System.out.println("host: exiting");
        consumer.close();
        producer.close();
        metrics.close();
        pool.close();
        tomcat.stop();
        System.exit(0);
    }

    interface Handler {
        void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    static void servlet(Context context, String path, Handler handler) {
        String name = path.substring(1);
        Tomcat.addServlet(context, name, new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                handler.handle(request, response);
            }

            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                request.getInputStream().readAllBytes();
                handler.handle(request, response);
            }
        });
        context.addServletMappingDecoded(path, name);
    }

    static int get(int port, String path) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
            int status = connection.getResponseCode();
            try (InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            return status;
        } catch (IOException e) {
            System.out.println("host: request failed " + e);
            return -1;
        }
    }

    static int post(int port, String path, int bytes) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(bytes);
            try (java.io.OutputStream body = connection.getOutputStream()) {
                body.write(new byte[bytes]);
            }
            int status = connection.getResponseCode();
            try (InputStream response = connection.getInputStream()) {
                response.readAllBytes();
            }
            return status;
        } catch (IOException e) {
            System.out.println("host: request failed " + e);
            return -1;
        }
    }

    static void await(BufferedReader stdin, String word) throws IOException {
        String line;
        while ((line = stdin.readLine()) != null) {
            if (line.trim().equals(word)) {
                return;
            }
        }
        System.exit(3);
    }
}
