package io.roxxane.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/** The shared emulator: here moto (no Docker) or LocalStack, whatever this machine runs. */
@ExtendWith(AwsEmulatorExtension.class)
class AwsEmulatorExtensionTest {
    private static AwsEmulator beforeAll;

    @BeforeAll
    static void resolvedBeforeAll(AwsEmulator aws) {
        beforeAll = aws;
    }

    @Test
    void resolveParameter_whenEmulatorRuns_servesS3OnLoopback(AwsEmulator aws) {
        try (S3Client s3 = aws.configure(S3Client.builder()).forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            s3.createBucket(b -> b.bucket("roxxane-emulator-smoke"));

            List<String> names = s3.listBuckets().buckets().stream().map(Bucket::name).toList();

            assertTrue(names.contains("roxxane-emulator-smoke"), names::toString);
        }
        assertTrue(Loopback.isLoopback(aws.endpoint().getHost()), "loopback only: " + aws.endpoint());
    }

    @Test
    void resolveParameter_everywhereInTheJvm_isTheOneSharedEmulator(AwsEmulator aws) {
        assertSame(beforeAll, aws);
        assertSame(EmulatorLauncher.shared().emulator(), aws);
    }

    @Test
    void beforeAll_keepsTheSdkOffInstanceMetadata() {
        assertTrue("true".equals(System.getenv("AWS_EC2_METADATA_DISABLED"))
                || "true".equals(System.getProperty("aws.disableEc2Metadata")));
        assertEquals("true", new AwsEmulator("moto", java.net.URI.create("http://127.0.0.1:1"), "us-east-1", "a", "b", "1")
                .environment().get("AWS_EC2_METADATA_DISABLED"));
    }
}
