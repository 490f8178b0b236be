package io.roxxane.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.HttpURLConnection;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/** A moto_server of the class's own: a real one, apart from the shared emulator, stopped after the class. */
class OwnMotoExtensionTest {
    @RegisterExtension
    static final AwsEmulatorExtension MOTO = AwsEmulatorExtension.ownMoto();

    private static URI endpoint;

    @BeforeAll
    static void resolvedBeforeAll(AwsEmulator aws) {
        endpoint = aws.endpoint();
    }

    @AfterAll
    static void stillRunningInAfterAll() throws Exception {
        HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
        assertEquals(200, connection.getResponseCode());
        connection.disconnect();
    }

    @Test
    void resolveParameter_isAMotoOnLoopbackNotTheSharedEmulator(AwsEmulator aws) {
        assertEquals("moto", aws.kind());
        assertEquals(endpoint, aws.endpoint());
        assertEquals("127.0.0.1", aws.endpoint().getHost());
        assertNotEquals(EmulatorLauncher.shared().emulator().endpoint(), aws.endpoint());
    }

    @Test
    void ownMoto_keepsItsStateApartFromTheSharedEmulator(AwsEmulator aws) {
        try (S3Client own = s3(aws); S3Client shared = s3(EmulatorLauncher.shared().emulator())) {
            own.createBucket(b -> b.bucket("roxxane-own-moto-only"));

            assertTrue(own.listBuckets().buckets().stream().map(Bucket::name).anyMatch("roxxane-own-moto-only"::equals));
            assertFalse(shared.listBuckets().buckets().stream().map(Bucket::name).anyMatch("roxxane-own-moto-only"::equals));
        }
    }

    private static S3Client s3(AwsEmulator aws) {
        return aws.configure(S3Client.builder()).forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build();
    }
}
