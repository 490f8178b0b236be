package io.roxxane.agent.identity.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.fakes.FakeMetadataEndpoint;
import io.roxxane.agent.fakes.FakeMetadataEndpoint.Reply;
import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detection as the agent runs it: at once for what is local, in the background (bounded) for the
 * endpoints, nothing contacted where nothing says so, problems in one line.
 */
class ContextDetectionTest {
    private static final long BUDGET = 1_000;

    @TempDir
    Path root;
    private FakeMetadataEndpoint fake;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeMetadataEndpoint();
        AgentLog.redirectForTests(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        AgentLog.redirectForTests(null);
        fake.close();
    }

    private List<String> logLines() {
        String text = log.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private static ContextDetection finished(ContextDetection detection) throws InterruptedException {
        assertTrue(detection.awaitFinished(10, TimeUnit.SECONDS), "detection did not end");
        return detection;
    }

    private static Sample sampleOf(FleetContext context) {
        Sample sample = new Sample();
        context.writeTo(sample);
        return sample;
    }

    // --- nothing is contacted unless something says so ------------------------------------

    @Test
    void metadataDisabled_contactsNothingEvenOnEc2WithTheEndpointNamed() throws Exception {
        ContextDetection detection = finished(ContextDetection.start(Machines.nitro(root).imdsDefault(fake.imdsEndpoint())
                .env("AWS_EC2_METADATA_DISABLED", "true")
                .env("AWS_EC2_METADATA_SERVICE_ENDPOINT", fake.imdsEndpoint()).environment()));
        assertEquals(List.of(), fake.requests());
        assertTrue(detection.current().isEmpty());
        assertEquals(List.of(), logLines());
    }

    @Test
    void notEc2AndNoEndpointVariable_contactsNothing() throws Exception {
        // The "default" endpoint is the fake here: were the DMI check wrong, it would be asked.
        ContextDetection detection = finished(ContextDetection.start(Machines.other(root)
                .imdsDefault(fake.imdsEndpoint()).environment()));
        assertEquals(List.of(), fake.requests());
        assertTrue(detection.current().isEmpty());
        assertEquals(List.of(), logLines());
    }

    @Test
    void ec2ByDmi_asksTheDefaultEndpoint() throws Exception {
        ContextDetection detection = finished(ContextDetection.start(Machines.xen(root)
                .imdsDefault(fake.imdsEndpoint()).environment()));
        assertEquals("i-1234567890abcdef0", detection.current().get(Column.HOST_ID));
        assertEquals("aws_ec2", detection.current().get(Column.CLOUD_PLATFORM));
        assertEquals(List.of(), logLines());
    }

    // --- bounded, and no sample waits ---------------------------------------------------------

    @Test
    void start_returnsAtOnce_samplesCarryWhatIsKnownThenTheRest() throws Exception {
        fake.reply("GET", FakeMetadataEndpoint.DOCUMENT_PATH, Reply.after(600, document()));
        long start = System.nanoTime();
        ContextDetection detection = ContextDetection.start(Machines.nitro(root).imdsDefault(fake.imdsEndpoint())
                .env("OTEL_RESOURCE_ATTRIBUTES", "k8s.pod.name=checkout-1,team=payments").environment());
        long returnedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Sample early = sampleOf(detection.current());

        assertTrue(returnedAfter < 300, "start took " + returnedAfter + " ms");
        assertEquals("checkout-1", early.get(Column.K8S_POD_NAME), "the local context is there at once");
        assertEquals(Map.of("team", "payments"), early.get(Column.RESOURCE_ATTRIBUTES));
        assertNull(early.get(Column.HOST_ID), "the instance metadata is still on its way");

        finished(detection);
        Sample late = sampleOf(detection.current());
        assertEquals("i-1234567890abcdef0", late.get(Column.HOST_ID));
        assertEquals("checkout-1", late.get(Column.K8S_POD_NAME));
        assertEquals(List.of(), logLines());
    }

    @Test
    void imdsNeverAnswers_detectionEndsAtTheBudgetWithOneLine() throws Exception {
        fake.reply("PUT", FakeMetadataEndpoint.TOKEN_PATH, Reply.hang());
        long start = System.nanoTime();
        ContextDetection detection = ContextDetection.start(Machines.nitro(root).imdsDefault(fake.imdsEndpoint())
                .env("OTEL_SERVICE_NAME", "checkout").budget(BUDGET).environment());
        finished(detection);
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(took >= BUDGET - 100 && took < BUDGET + 700, "detection took " + took + " ms");
        assertTrue(detection.current().isEmpty());
        assertEquals("checkout", detection.serviceName());
        List<String> lines = logLines();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("[roxxane] fleet context incomplete: EC2 instance metadata at "
                + fake.imdsEndpoint() + "/latest/api/token: no answer in time (SocketTimeoutException"), lines.get(0));
        assertTrue(lines.get(0).endsWith("; samples go on with what is known"), lines.get(0));
        assertNoContextThreads();
    }

    @Test
    void anEndpointThatTricklesItsAnswer_isCutOffAtTheBudget() throws Exception {
        try (TricklingEndpoint trickle = new TricklingEndpoint()) {
            long start = System.nanoTime();
            ContextDetection detection = ContextDetection.start(Machines.other(root)
                    .env("ECS_CONTAINER_METADATA_URI_V4", trickle.uri()).budget(BUDGET).environment());
            finished(detection);
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(took < BUDGET + 700, "detection took " + took + " ms");
            List<String> lines = logLines();
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("[roxxane] fleet context incomplete: ECS task metadata at "
                    + trickle.uri() + ": no answer in time (SocketTimeoutException"), lines.get(0));
            assertNoContextThreads();
        }
    }

    @Test
    void everythingFails_stillOneLine() throws Exception {
        fake.reply("GET", FakeMetadataEndpoint.ECS_PATH, Reply.status(500))
                .reply("GET", FakeMetadataEndpoint.ECS_PATH + "/task", Reply.ok("not json"))
                .reply("PUT", FakeMetadataEndpoint.TOKEN_PATH, Reply.status(404));
        ContextDetection detection = finished(ContextDetection.start(Machines.nitro(root)
                .env("AWS_EC2_METADATA_SERVICE_ENDPOINT", fake.imdsEndpoint())
                .env("ECS_CONTAINER_METADATA_URI_V4", fake.ecsUri())
                .env("OTEL_RESOURCE_ATTRIBUTES", "broken").environment()));
        assertTrue(detection.current().isEmpty());
        List<String> lines = logLines();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("OTEL_RESOURCE_ATTRIBUTES ignored")
                && lines.get(0).contains("/task: IOException: malformed JSON")
                && lines.get(0).contains("HTTP 500") && lines.get(0).contains("HTTP 404"), lines.get(0));
    }

    // --- precedence -------------------------------------------------------------------------

    @Test
    void ecsOnEc2_ecsWinsWhereBothSpeak_ec2AddsTheHost() throws Exception {
        ContextDetection detection = finished(ContextDetection.start(Machines.nitro(root).imdsDefault(fake.imdsEndpoint())
                .env("ECS_CONTAINER_METADATA_URI_V4", fake.ecsUri()).environment()));
        FleetContext context = detection.current();
        assertEquals("aws_ecs", context.get(Column.CLOUD_PLATFORM));
        assertEquals("us-west-2d", context.get(Column.CLOUD_AVAILABILITY_ZONE), "the task's, not the instance's");
        assertEquals("111122223333", context.get(Column.CLOUD_ACCOUNT_ID));
        assertEquals("i-1234567890abcdef0", context.get(Column.HOST_ID));
        assertEquals("t2.micro", context.get(Column.HOST_TYPE));
        assertEquals("ec2", context.get(Column.AWS_ECS_LAUNCHTYPE));
    }

    @Test
    void fargate_instanceMetadataIsNotAsked() throws Exception {
        fake.reply("GET", FakeMetadataEndpoint.ECS_PATH, Reply.resource("ecs-v4-fargate-container.json"))
                .reply("GET", FakeMetadataEndpoint.ECS_PATH + "/task", Reply.resource("ecs-v4-fargate-task.json"));
        ContextDetection detection = finished(ContextDetection.start(Machines.nitro(root).imdsDefault(fake.imdsEndpoint())
                .env("ECS_CONTAINER_METADATA_URI_V4", fake.ecsUri()).environment()));
        assertEquals("fargate", detection.current().get(Column.AWS_ECS_LAUNCHTYPE));
        assertTrue(fake.requests().stream().noneMatch(r -> r.path.startsWith("/latest/")), fake.requests().toString());
        assertEquals(List.of(), logLines());
    }

    @Test
    void kubernetesOnEc2_isEks_namespaceFromTheServiceAccount_otelAttributesWin() throws Exception {
        ContextDetection detection = finished(ContextDetection.start(Machines.nitro(root).pod("payments\n")
                .imdsDefault(fake.imdsEndpoint())
                .env("OTEL_RESOURCE_ATTRIBUTES", "k8s.pod.name=checkout-7d9f8-x2x9z,cloud.availability_zone=override-1a")
                .environment()));
        FleetContext context = detection.current();
        assertEquals("aws_eks", context.get(Column.CLOUD_PLATFORM));
        assertEquals("payments", context.get(Column.K8S_NAMESPACE_NAME));
        assertEquals("checkout-7d9f8-x2x9z", context.get(Column.K8S_POD_NAME));
        assertEquals("override-1a", context.get(Column.CLOUD_AVAILABILITY_ZONE),
                "OTEL_RESOURCE_ATTRIBUTES is merged over detected values, as the OpenTelemetry SDK does");
        assertEquals("i-1234567890abcdef0", context.get(Column.HOST_ID));

        ContextDetection named = finished(ContextDetection.start(Machines.other(root.resolve("other")).pod("payments")
                .env("OTEL_RESOURCE_ATTRIBUTES", "k8s.namespace.name=from-otel").environment()));
        assertEquals("from-otel", named.current().get(Column.K8S_NAMESPACE_NAME));
        assertNull(named.current().get(Column.CLOUD_PLATFORM), "Kubernetes alone says nothing of the cloud");
    }

    @Test
    void off_knowsNothing() {
        ContextDetection off = ContextDetection.off();
        assertTrue(off.current().isEmpty());
        assertNull(off.serviceName());
    }

    private static String document() {
        try (InputStream in = ContextDetectionTest.class.getResourceAsStream("/context/imds-instance-identity-document.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertNoContextThreads() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        List<String> alive;
        do {
            alive = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(n -> n.startsWith(ContextDetection.THREAD_NAME)).collect(Collectors.toList());
            if (alive.isEmpty()) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("detection threads still alive: " + alive);
    }

    /**
     * An endpoint that accepts, reads the request and sends its status line and headers one byte
     * every 100 ms, for ever: every read gets a byte before a read timeout of the whole budget
     * would pass, so only a deadline over the whole exchange ends it.
     */
    private static final class TricklingEndpoint implements AutoCloseable {
        private final ServerSocket server;
        private final Thread thread;

        TricklingEndpoint() throws IOException {
            server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        socket.getInputStream().read(new byte[4_096]);
                        OutputStream out = socket.getOutputStream();
                        byte[] head = "HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
                        for (int i = 0; !server.isClosed(); i++) {
                            out.write(i < head.length ? head[i] : 'a');
                            out.flush();
                            Thread.sleep(100);
                        }
                    } catch (IOException | InterruptedException e) {
                        // the client went away, or the test is over
                    }
                }
            }, "trickling-endpoint");
            thread.setDaemon(true);
            thread.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/v4/trickle";
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
