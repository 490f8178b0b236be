package io.roxxane.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEmulatorTest {
    private static final AwsEmulator MOTO = new AwsEmulator("moto", URI.create("http://127.0.0.1:5000"), "eu-west-1",
            "testing", "secret", "123456789012");

    @Test
    void environment_givesAChildJvmTheEndpointRegionKeysAndNoInstanceMetadata() {
        assertEquals(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000", "AWS_REGION", "eu-west-1",
                "AWS_DEFAULT_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "secret",
                "AWS_EC2_METADATA_DISABLED", "true"), MOTO.environment());
    }

    @Test
    void applyTo_replacesEveryInheritedAwsVariable() {
        Map<String, String> inherited = new HashMap<>(Map.of("PATH", "/usr/bin", "AWS_PROFILE", "prod",
                "AWS_SESSION_TOKEN", "real", "AWS_ACCESS_KEY_ID", "AKIAREAL", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "http://169.254.170.2/creds"));

        MOTO.applyTo(inherited);

        Map<String, String> expected = new HashMap<>(MOTO.environment());
        expected.put("PATH", "/usr/bin");
        assertEquals(expected, inherited);
        assertFalse(inherited.containsKey("AWS_PROFILE"));
    }

    @Test
    void withCredentials_keepsEndpointRegionAndAccount() {
        AwsEmulator user = MOTO.withCredentials("AKIAUSER", "user-secret");

        assertEquals(new AwsEmulator("moto", MOTO.endpoint(), "eu-west-1", "AKIAUSER", "user-secret", "123456789012"), user);
        assertEquals("AKIAUSER", user.credentialsProvider().resolveCredentials().accessKeyId());
    }
}
