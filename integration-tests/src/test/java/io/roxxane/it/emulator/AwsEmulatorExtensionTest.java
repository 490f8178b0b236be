package io.roxxane.it.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

@ExtendWith(AwsEmulatorExtension.class)
class AwsEmulatorExtensionTest {

    @Test
    void resolveParameter_whenEmulatorRuns_servesS3OnLoopback(AwsEmulator aws) {
        try (S3Client s3 = S3Client.builder().endpointOverride(aws.endpoint()).region(aws.sdkRegion())
                .credentialsProvider(aws.credentialsProvider()).forcePathStyle(true).build()) {
            s3.createBucket(b -> b.bucket("roxxane-emulator-smoke"));

            List<String> names = s3.listBuckets().buckets().stream().map(Bucket::name).toList();

            assertTrue(names.contains("roxxane-emulator-smoke"), names::toString);
        }
    }

    @Test
    void environment_whenChildProcessNeedsIt_carriesEndpointRegionAndCredentials(AwsEmulator aws) {
        assertEquals(aws.endpoint().toString(), aws.environment().get("AWS_ENDPOINT_URL"));
        assertEquals(aws.region(), aws.environment().get("AWS_REGION"));
        assertEquals(aws.accessKeyId(), aws.environment().get("AWS_ACCESS_KEY_ID"));
        assertTrue(Loopback.isLoopback(aws.endpoint().getHost()), "loopback only: " + aws.endpoint());
    }
}
