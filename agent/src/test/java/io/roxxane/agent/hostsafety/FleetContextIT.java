package io.roxxane.agent.hostsafety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.roxxane.agent.fakes.FakeMetadataEndpoint;
import io.roxxane.agent.fakes.FakeMetadataEndpoint.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fleet context detection in the built jar, in child JVMs whose metadata endpoints are a loopback
 * fake (named by AWS_EC2_METADATA_SERVICE_ENDPOINT and ECS_CONTAINER_METADATA_URI_V4): what the
 * samples carry, that nothing waits for a hanging endpoint, that nothing is contacted when
 * disabled, and what detection leaves in the host (no AWS SDK class, no JDK HTTP client thread).
 * No child is ever pointed at a link-local address: every one that may ask IMDS is given the
 * fake's endpoint, and the others keep the build's AWS_EC2_METADATA_DISABLED=true.
 */
class FleetContextIT {
    private static final String HOST = "plain";
    private static final String MAIN = "PlainHost";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private FakeMetadataEndpoint fake;

    @BeforeEach
    void startFake() throws IOException {
        fake = new FakeMetadataEndpoint();
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    static List<Jdk> jdks() {
        return Jdk.all();
    }

    /** The child may ask IMDS, at the fake only. */
    private Map<String, String> imdsAtTheFake() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_EC2_METADATA_DISABLED", "false");
        env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", fake.imdsEndpoint());
        return env;
    }

    private static String fileSink(Path data, String extra) {
        return Hosts.javaagent("sink=file,dir=" + data + ",interval=1s,roll_time=1s,shutdown_timeout=1s" + extra);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void samples_carryTheDetectedContext_andDetectionLeavesNoSdkAndNoHttpThreadInTheHost(Jdk jdk) throws Exception {
        Path dir = Hosts.scratch("context-" + jdk);
        Path data = dir.resolve("data");
        Path classLog = dir.resolve("classes.log");
        Map<String, String> env = imdsAtTheFake();
        env.put("ECS_CONTAINER_METADATA_URI_V4", fake.ecsUri());
        env.put("OTEL_SERVICE_NAME", "checkout-otel");
        env.put("OTEL_RESOURCE_ATTRIBUTES", "k8s.namespace.name=payments,deployment.environment=prod%2Ceu");

        HostResult result = Hosts.run(Hosts.command(jdk, HOST, null, MAIN,
                List.of("-Xlog:class+load=info:file=" + classLog, fileSink(data, "")), "wait", "threads", "exit=0"),
                dir, env, l -> l.startsWith("[roxxane] started "),
                () -> samples(data).stream().anyMatch(s -> s.containsKey("host_id")), TIMEOUT);

        assertNotNull(result.releasedBy, "no sample with the instance's id:\n" + result);
        assertEquals(0, result.exitCode, result.toString());
        assertEquals(1, result.agentLines().size(), "only the start line:\n" + result);
        assertTrue(result.agentLines().get(0).contains("service=checkout-otel"), result.agentLines().get(0));

        Map<String, Object> sample = samples(data).stream().filter(s -> s.containsKey("host_id"))
                .reduce((a, b) -> b).orElseThrow();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("service", "checkout-otel");
        expected.put("cloud_provider", "aws");
        expected.put("cloud_platform", "aws_ecs");
        expected.put("cloud_region", "us-west-2");
        expected.put("cloud_availability_zone", "us-west-2d");
        expected.put("cloud_account_id", "111122223333");
        expected.put("host_id", "i-1234567890abcdef0");
        expected.put("host_type", "t2.micro");
        expected.put("host_image_id", "ami-5fb8c835");
        expected.put("aws_ecs_cluster_arn", "arn:aws:ecs:us-west-2:111122223333:cluster/default");
        expected.put("aws_ecs_task_arn", "arn:aws:ecs:us-west-2:111122223333:task/default/158d1c8083dd49d6b527399fd6414f5c");
        expected.put("aws_ecs_task_family", "curltest");
        expected.put("aws_ecs_task_revision", "26");
        expected.put("aws_ecs_launchtype", "ec2");
        expected.put("container_name", "curl");
        expected.put("k8s_namespace_name", "payments");
        expected.put("resource_attributes", Map.of("deployment.environment", "prod,eu"));
        Map<String, Object> actual = new LinkedHashMap<>();
        expected.keySet().forEach(k -> actual.put(k, sample.get(k)));
        assertEquals(expected, actual, jdk.toString());

        assertEquals("[GET " + FakeMetadataEndpoint.ECS_PATH + ", GET " + FakeMetadataEndpoint.ECS_PATH
                + "/task, PUT /latest/api/token, GET /latest/dynamic/instance-identity/document]",
                fake.requests().toString(), "each endpoint asked once, ECS first");

        List<String> loaded = Files.readAllLines(classLog);
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" io.roxxane.agent.identity.context.MetadataHttp ")),
                "the class log does not show the detection's classes: " + classLog);
        List<String> unwanted = loaded.stream()
                .filter(l -> l.contains(" software.amazon.awssdk.") || l.contains(" sun.net.www.protocol.http.")
                        || l.contains(" oshi.") || l.contains(" org.slf4j.") || l.contains(" sun.util.cldr."))
                .collect(Collectors.toList());
        assertEquals(List.of(), unwanted, "classes detection must not load in the host with the file sink");
        List<String> threads = result.stdout.stream().filter(l -> l.startsWith("thread: "))
                .collect(Collectors.toList());
        assertFalse(threads.isEmpty(), result.toString());
        assertTrue(threads.stream().noneMatch(l -> l.contains("Keep-Alive")), "a JDK HTTP thread: " + threads);
        assertTrue(threads.stream().filter(l -> l.startsWith("thread: roxxane-")).allMatch(l -> l.endsWith("daemon=true")),
                threads.toString());
    }

    @Test
    void imdsThatNeverAnswers_holdsNoSample_andSaysSoInOneLine() throws Exception {
        fake.reply("PUT", FakeMetadataEndpoint.TOKEN_PATH, Reply.hang());
        Jdk jdk = Jdk.all().get(0);
        Path dir = Hosts.scratch("context-hang");
        Path data = dir.resolve("data");
        HostResult result = Hosts.run(Hosts.command(jdk, HOST, null, MAIN, List.of(fileSink(data, "")), "wait", "exit=0"),
                dir, imdsAtTheFake(), l -> l.startsWith("[roxxane] fleet context incomplete"),
                () -> samples(data).size() >= 3, TIMEOUT);

        assertNotNull(result.releasedBy, "no line about the fleet context, or too few samples:\n" + result);
        assertEquals(0, result.exitCode, result.toString());
        List<String> lines = result.agentLines();
        assertEquals(2, lines.size(), "the start line and one line about the fleet context:\n" + result);
        assertTrue(lines.get(1).contains(fake.imdsEndpoint() + "/latest/api/token: no answer in time"), lines.get(1));
        List<Map<String, Object>> samples = samples(data);
        assertTrue(samples.stream().noneMatch(s -> s.containsKey("host_id") || s.containsKey("cloud_provider")),
                samples.toString());
        // The token request came at the start of detection; the first sample, taken while IMDS hung,
        // did not wait for the 2 s that detection may take.
        long askedAt = fake.requests().get(0).receivedAtMillis;
        long firstSampleAt = (Long) samples.get(0).get("ts");
        assertTrue(firstSampleAt < askedAt + 2_000, "first sample at " + firstSampleAt + ", IMDS asked at " + askedAt);
        assertTrue(result.exitDelayMillis >= 0 && result.exitDelayMillis < 1_000 + 5_000, result.toString());
    }

    @Test
    void metadataDisabled_orContextOff_contactNothing() throws Exception {
        Jdk jdk = Jdk.all().get(0);
        Map<String, String> disabled = new HashMap<>();
        disabled.put("AWS_EC2_METADATA_DISABLED", "true");
        disabled.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", fake.imdsEndpoint());
        Path data = Hosts.scratch("context-disabled").resolve("data");
        HostResult withDisabled = Hosts.run(Hosts.command(jdk, HOST, null, MAIN, List.of(fileSink(data, "")), "wait",
                "exit=0"), data.getParent(), disabled, l -> l.startsWith("[roxxane] started "),
                () -> samples(data).size() >= 1, TIMEOUT);
        assertNotNull(withDisabled.releasedBy, withDisabled.toString());
        assertEquals(List.of(), fake.requests(), "AWS_EC2_METADATA_DISABLED=true: IMDS not asked");
        assertEquals(1, withDisabled.agentLines().size(), withDisabled.toString());

        Map<String, String> everything = imdsAtTheFake();
        everything.put("ECS_CONTAINER_METADATA_URI_V4", fake.ecsUri());
        everything.put("OTEL_SERVICE_NAME", "checkout-otel");
        everything.put("OTEL_RESOURCE_ATTRIBUTES", "k8s.namespace.name=payments");
        Path offData = Hosts.scratch("context-off").resolve("data");
        HostResult off = Hosts.run(Hosts.command(jdk, HOST, null, MAIN, List.of(fileSink(offData, ",context=off")),
                "wait", "exit=0"), offData.getParent(), everything, l -> l.startsWith("[roxxane] started "),
                () -> samples(offData).size() >= 1, TIMEOUT);
        assertNotNull(off.releasedBy, off.toString());
        assertEquals(List.of(), fake.requests(), "context=off: nothing asked");
        assertTrue(off.agentLines().get(0).contains("service=PlainHost"), "OTEL_SERVICE_NAME not read: " + off);
        Map<String, Object> sample = samples(offData).get(0);
        assertFalse(sample.containsKey("k8s_namespace_name") || sample.containsKey("resource_attributes"),
                sample.toString());
    }

    /** The samples in the closed files under {@code data}, in seq order: top-level strings and numbers, maps as maps. */
    private static List<Map<String, Object>> samples(Path data) {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (String line : SinkFiles.samples(data)) {
            samples.add(parse(line));
        }
        samples.sort(Comparator.comparingLong(s -> (Long) s.get("seq")));
        return samples;
    }

    private static Map<String, Object> parse(String line) {
        Map<String, Object> values = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(line)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (token == JsonToken.VALUE_STRING) {
                    values.put(name, parser.getText());
                } else if (token == JsonToken.VALUE_NUMBER_INT) {
                    values.put(name, parser.getLongValue());
                } else if (token == JsonToken.START_OBJECT && name.equals("resource_attributes")) {
                    Map<String, String> map = new LinkedHashMap<>();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        parser.nextToken();
                        map.put(key, parser.getText());
                    }
                    values.put(name, map);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }
}
