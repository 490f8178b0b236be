package io.roxxane.agent.identity.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.fakes.FakeMetadataEndpoint;
import io.roxxane.agent.fakes.FakeMetadataEndpoint.Reply;
import io.roxxane.schema.Column;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IMDSv2 against a loopback fake; which machines consult it at all. */
class Ec2DetectorTest {
    @TempDir
    Path root;
    private FakeMetadataEndpoint imds;

    @BeforeEach
    void startFake() throws Exception {
        imds = new FakeMetadataEndpoint();
    }

    @AfterEach
    void stopFake() {
        imds.close();
    }

    private Ec2Detector detector() {
        Ec2Detector detector = Ec2Detector.forEnvironment(Machines.other(root)
                .env("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.imdsEndpoint() + "/").environment(), new Problems());
        assertNotNull(detector);
        return detector;
    }

    private static long inMillis(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private List<String> paths() {
        return imds.requests().stream().map(Object::toString).collect(Collectors.toList());
    }

    @Test
    void machineSaysEc2_nitroOrXen_butNotOtherMachines() {
        assertTrue(Ec2Detector.machineSaysEc2(Machines.nitro(root.resolve("nitro")).environment()));
        assertTrue(Ec2Detector.machineSaysEc2(Machines.xen(root.resolve("xen")).environment()));
        assertTrue(Ec2Detector.machineSaysEc2(Machines.other(root.resolve("uuid"))
                .file("/sys/devices/virtual/dmi/id/product_uuid", "EC2A1B2C-3D4E-5F60-7182-93A4B5C6D7E8\n").environment()));
        assertTrue(Ec2Detector.machineSaysEc2(Machines.other(root.resolve("board"))
                .file("/sys/class/dmi/id/board_vendor", "Amazon EC2\n").environment()));
        assertFalse(Ec2Detector.machineSaysEc2(Machines.other(root.resolve("other")).environment()));
        assertFalse(Ec2Detector.machineSaysEc2(new ContextEnvironment(Map.of(), root.resolve("no-sys"), "", "", 1)),
                "no /sys at all (a container without it, macOS)");
    }

    @Test
    void forEnvironment_choosesTheEndpointOrNone() {
        Problems problems = new Problems();
        assertNull(Ec2Detector.forEnvironment(Machines.other(root.resolve("a")).environment(), problems),
                "not EC2, no endpoint variable: nothing to ask");
        assertNull(Ec2Detector.forEnvironment(Machines.nitro(root.resolve("b")).env("AWS_EC2_METADATA_DISABLED", "TRUE")
                .env("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.imdsEndpoint()).environment(), problems),
                "disabled wins over everything");
        assertEquals("http://default.invalid", Ec2Detector.forEnvironment(Machines.nitro(root.resolve("c"))
                .imdsDefault("http://default.invalid").environment(), problems).endpoint());
        assertEquals(imds.imdsEndpoint(), Ec2Detector.forEnvironment(Machines.other(root.resolve("d"))
                .env("AWS_EC2_METADATA_DISABLED", "false")
                .env("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.imdsEndpoint() + "//").environment(), problems).endpoint());
        ContextEnvironment ipv6 = new ContextEnvironment(Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv6"),
                Machines.nitro(root.resolve("e")).root(), "http://v4.invalid", "http://[::1]:9", 1_000);
        assertEquals("http://[::1]:9", Ec2Detector.forEnvironment(ipv6, problems).endpoint());
        assertTrue(problems.close().isEmpty());

        Problems bad = new Problems();
        assertNull(Ec2Detector.forEnvironment(Machines.other(root.resolve("f"))
                .env("AWS_EC2_METADATA_SERVICE_ENDPOINT", "169.254.169.254").environment(), bad));
        assertNull(Ec2Detector.forEnvironment(Machines.other(root.resolve("g"))
                .env("AWS_EC2_METADATA_SERVICE_ENDPOINT", "https://169.254.169.254").environment(), bad));
        assertEquals(List.of("AWS_EC2_METADATA_SERVICE_ENDPOINT is not an http:// URL; EC2 instance metadata not asked",
                "AWS_EC2_METADATA_SERVICE_ENDPOINT is not an http:// URL; EC2 instance metadata not asked"), bad.close());
        assertTrue(imds.requests().isEmpty());
    }

    @Test
    void detect_imdsV2_tokenThenIdentityDocument() {
        Problems problems = new Problems();
        Map<Column, String> found = detector().detect(new MetadataHttp(), inMillis(2_000), problems);

        Map<Column, String> expected = new EnumMap<>(Column.class);
        expected.put(Column.CLOUD_PROVIDER, "aws");
        expected.put(Column.CLOUD_PLATFORM, "aws_ec2");
        expected.put(Column.CLOUD_REGION, "us-west-2");
        expected.put(Column.CLOUD_AVAILABILITY_ZONE, "us-west-2b");
        expected.put(Column.CLOUD_ACCOUNT_ID, "123456789012");
        expected.put(Column.HOST_ID, "i-1234567890abcdef0");
        expected.put(Column.HOST_TYPE, "t2.micro");
        expected.put(Column.HOST_IMAGE_ID, "ami-5fb8c835");
        assertEquals(expected, found);
        assertTrue(problems.close().isEmpty());
        assertEquals(List.of("PUT /latest/api/token", "GET /latest/dynamic/instance-identity/document"), paths());
        assertEquals("60", imds.requests().get(0).headers.get("x-aws-ec2-metadata-token-ttl-seconds"));
        assertEquals(FakeMetadataEndpoint.TOKEN, imds.requests().get(1).headers.get("x-aws-ec2-metadata-token"));
        assertEquals("close", imds.requests().get(1).headers.get("connection"));
    }

    @Test
    void detect_tokenRefused_asksNothingElse() {
        imds.reply("PUT", FakeMetadataEndpoint.TOKEN_PATH, Reply.status(403));
        Problems problems = new Problems();
        assertTrue(detector().detect(new MetadataHttp(), inMillis(2_000), problems).isEmpty());
        assertEquals(List.of("EC2 instance metadata at " + imds.imdsEndpoint()
                + "/latest/api/token: HTTP 403 (IMDSv2 session token refused)"), problems.close());
        assertEquals(List.of("PUT /latest/api/token"), paths(), "no IMDSv1 fallback");
    }

    @Test
    void detect_documentMissing_fallsBackToMetaDataPaths() {
        imds.reply("GET", FakeMetadataEndpoint.DOCUMENT_PATH, Reply.status(404))
                .reply("GET", "/latest/meta-data/instance-id", Reply.ok("i-0abcdef1234567890"))
                .reply("GET", "/latest/meta-data/instance-type", Reply.ok("m5.large"))
                .reply("GET", "/latest/meta-data/placement/availability-zone", Reply.ok("eu-west-1a"))
                .reply("GET", "/latest/meta-data/placement/region", Reply.ok("eu-west-1"));
        Problems problems = new Problems();
        Map<Column, String> found = detector().detect(new MetadataHttp(), inMillis(2_000), problems);
        assertEquals("i-0abcdef1234567890", found.get(Column.HOST_ID));
        assertEquals("m5.large", found.get(Column.HOST_TYPE));
        assertEquals("eu-west-1a", found.get(Column.CLOUD_AVAILABILITY_ZONE));
        assertEquals("eu-west-1", found.get(Column.CLOUD_REGION));
        assertEquals("aws_ec2", found.get(Column.CLOUD_PLATFORM));
        assertNull(found.get(Column.HOST_IMAGE_ID), "ami-id answered 404");
        assertNull(found.get(Column.CLOUD_ACCOUNT_ID), "no meta-data path has the account id");
        assertEquals(List.of("EC2 instance metadata at " + imds.imdsEndpoint()
                + "/latest/dynamic/instance-identity/document: HTTP 404"), problems.close());
    }

    @Test
    void detect_malformedDocumentAndNoMetaData_givesNothingAndOneProblem() {
        imds.reply("GET", FakeMetadataEndpoint.DOCUMENT_PATH, Reply.ok("{\"instanceId\" : \"i-1234567890abcdef0\", "));
        Problems problems = new Problems();
        assertTrue(detector().detect(new MetadataHttp(), inMillis(2_000), problems).isEmpty());
        List<String> reported = problems.close();
        assertEquals(1, reported.size(), reported.toString());
        assertTrue(reported.get(0).startsWith("EC2 instance metadata at " + imds.imdsEndpoint()
                + "/latest/dynamic/instance-identity/document: IOException: malformed JSON"), reported.get(0));
    }

    @Test
    void detect_notJsonAtAll_isMalformedToo() {
        imds.reply("GET", FakeMetadataEndpoint.DOCUMENT_PATH, Reply.ok("<html>captive portal</html>"));
        Problems problems = new Problems();
        assertTrue(detector().detect(new MetadataHttp(), inMillis(2_000), problems).isEmpty());
        assertTrue(problems.close().get(0).contains("malformed JSON"));
    }

    @Test
    void detect_tokenNeverAnswered_endsAtTheDeadline() {
        imds.reply("PUT", FakeMetadataEndpoint.TOKEN_PATH, Reply.hang());
        Problems problems = new Problems();
        long start = System.nanoTime();
        assertTrue(detector().detect(new MetadataHttp(), inMillis(400), problems).isEmpty());
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(took >= 350 && took < 1_500, "took " + took + " ms for a 400 ms deadline");
        List<String> reported = problems.close();
        assertEquals(1, reported.size());
        assertTrue(reported.get(0).startsWith("EC2 instance metadata at " + imds.imdsEndpoint()
                + "/latest/api/token: no answer in time (SocketTimeoutException"), reported.get(0));
        assertTrue(reported.get(0).endsWith("(set AWS_EC2_METADATA_DISABLED=true where there is no instance metadata)"));
    }

    @Test
    void detect_nobodyListening_failsAtOnce() {
        Ec2Detector detector = Ec2Detector.forEnvironment(Machines.nitro(root).imdsDefault(Machines.NOBODY).environment(),
                new Problems());
        Problems problems = new Problems();
        long start = System.nanoTime();
        assertTrue(detector.detect(new MetadataHttp(), inMillis(2_000), problems).isEmpty());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1_500);
        assertTrue(problems.close().get(0).contains("ConnectException"));
    }
}
