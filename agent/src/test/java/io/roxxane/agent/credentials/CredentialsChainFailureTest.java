package io.roxxane.agent.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** On messages the SDK 2.42.28's default chain really threw (recorded under sdk-messages/). */
class CredentialsChainFailureTest {
    private static final Properties NO_PROPERTIES = new Properties();

    @Test
    void configuredSourceReason_webIdentityTokenFileSet_isTheWebIdentityProvidersReason() throws IOException {
        String message = recorded("credentials-chain-web-identity.txt");
        String reason = CredentialsChainFailure.configuredSourceReason(message,
                Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/secrets/token"), NO_PROPERTIES);
        assertTrue(reason.startsWith("; web identity (AWS_WEB_IDENTITY_TOKEN_FILE) failed: Received an"
                + " UnknownHostException"), reason);
        assertTrue(!reason.contains("ProfileCredentialsProvider") && !reason.contains("Access key must be specified"),
                "only the web identity provider's reason: " + reason);
        assertTrue(reason.length() < 360, "bounded: " + reason.length());
    }

    @Test
    void configuredSourceReason_containerUriSet_isTheContainerProvidersReason() throws IOException {
        String message = recorded("credentials-chain-container.txt");
        assertEquals("; container credentials (AWS_CONTAINER_CREDENTIALS_*) failed: Failed to load credentials from"
                + " metadata service.", CredentialsChainFailure.configuredSourceReason(message,
                        Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.23/v1/credentials"),
                        NO_PROPERTIES));
    }

    @Test
    void configuredSourceReason_lastProviderInTheList_endsAtTheClosingBracket() throws IOException {
        String message = recorded("credentials-chain-container.txt");
        String imds = CredentialsChainFailure.reason(message, "InstanceProfileCredentialsProvider");
        assertTrue(!imds.isEmpty() && !imds.endsWith("]"), imds);
    }

    @Test
    void configuredSourceReason_nothingConfiguredOrNoReasonList_isEmpty() throws IOException {
        String message = recorded("credentials-chain-web-identity.txt");
        assertEquals("", CredentialsChainFailure.configuredSourceReason(message, Map.of(), NO_PROPERTIES));
        assertEquals("", CredentialsChainFailure.configuredSourceReason("Unable to load credentials",
                Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", "/t"), NO_PROPERTIES));
        assertEquals("", CredentialsChainFailure.configuredSourceReason(null, Map.of("AWS_PROFILE", "p"), NO_PROPERTIES));
    }

    private static String recorded(String name) throws IOException {
        try (InputStream in = CredentialsChainFailureTest.class.getResourceAsStream("/sdk-messages/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
