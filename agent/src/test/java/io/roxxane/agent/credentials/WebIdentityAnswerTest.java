package io.roxxane.agent.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link WebIdentityAnswer} on STS's answers as documented and as moto gives them, and on hostile ones. */
class WebIdentityAnswerTest {
    @Test
    void credentials_fromTheAnswerInStsDocumentation() throws Exception {
        WebIdentityAnswer.Credentials credentials = WebIdentityAnswer.credentials(resource("aws-docs-success.xml"));

        assertEquals("ASgeIAIOSFODNN7EXAMPLE", credentials.accessKeyId);
        assertEquals("wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY", credentials.secretAccessKey);
        assertTrue(credentials.sessionToken.startsWith("AQoDYXdzEE0a8ANXXXXXXXXNO1ewxE5TijQyp+IEXAMPLE"),
                credentials.sessionToken);
        assertEquals(Instant.parse("2014-10-24T23:00:23Z"), credentials.expiration);
        assertEquals("123456789012", credentials.accountId);
    }

    @Test
    void credentials_fromMotosAnswer() throws Exception {
        WebIdentityAnswer.Credentials credentials = WebIdentityAnswer.credentials(resource("moto-success.xml"));

        assertTrue(credentials.accessKeyId.startsWith("ASIA"), credentials.accessKeyId);
        assertEquals(Instant.parse("2026-12-03T21:17:32.035286Z"), credentials.expiration);
        assertEquals("123456789012", credentials.accountId);
    }

    @Test
    void error_fromTheErrorInStsDocumentation() {
        WebIdentityAnswer.ErrorAnswer error = WebIdentityAnswer.error(resource("aws-docs-error.xml"));

        assertEquals("InvalidIdentityToken", error.code);
        assertEquals("Couldn't retrieve verification key from your identity provider,  please reference"
                + " AssumeRoleWithWebIdentity documentation for requirements", error.message);
    }

    @Test
    void error_whenNotXml_hasNeitherCodeNorMessage() {
        WebIdentityAnswer.ErrorAnswer error = WebIdentityAnswer.error("Service Unavailable".getBytes(StandardCharsets.UTF_8));

        assertNull(error.code);
        assertNull(error.message);
    }

    @Test
    void credentials_whenTheSessionTokenIsMissing_namesIt() {
        String answer = new String(resource("aws-docs-success.xml"), StandardCharsets.UTF_8)
                .replaceAll("(?s)<SessionToken>.*</SessionToken>", "");

        WebIdentityAnswer.Malformed e = assertThrows(WebIdentityAnswer.Malformed.class,
                () -> WebIdentityAnswer.credentials(answer.getBytes(StandardCharsets.UTF_8)));
        assertEquals("no SessionToken in the answer", e.getMessage());
    }

    @Test
    void credentials_whenTheExpirationIsNotATime_saysSo() {
        String answer = new String(resource("aws-docs-success.xml"), StandardCharsets.UTF_8)
                .replace("2014-10-24T23:00:23Z", "tomorrow");

        WebIdentityAnswer.Malformed e = assertThrows(WebIdentityAnswer.Malformed.class,
                () -> WebIdentityAnswer.credentials(answer.getBytes(StandardCharsets.UTF_8)));
        assertEquals("Expiration 'tomorrow' is not an ISO 8601 time", e.getMessage());
    }

    @Test
    void credentials_whenTheAnswerDeclaresAnExternalEntity_neverReadsIt(@TempDir Path directory) throws IOException {
        Path secret = Files.write(directory.resolve("secret"), "LOCALFILECONTENT".getBytes(StandardCharsets.UTF_8));
        String answer = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + new String(resource("aws-docs-success.xml"), StandardCharsets.UTF_8)
                        .replace("ASgeIAIOSFODNN7EXAMPLE", "&x;");

        WebIdentityAnswer.Malformed e = assertThrows(WebIdentityAnswer.Malformed.class,
                () -> WebIdentityAnswer.credentials(answer.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("not XML: "), e.getMessage());
        assertFalse(e.getMessage().contains("LOCALFILECONTENT"), e.getMessage());
    }

    @Test
    void credentials_whenTheAnswerIsTheWrongDocument_findsNoKey() {
        WebIdentityAnswer.Malformed e = assertThrows(WebIdentityAnswer.Malformed.class,
                () -> WebIdentityAnswer.credentials(("<AssumeRoleResponse><AssumeRoleResult><Credentials>"
                        + "<AccessKeyId>ASIA</AccessKeyId></Credentials></AssumeRoleResult></AssumeRoleResponse>")
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals("no AccessKeyId in the answer", e.getMessage());
    }

    @Test
    void accountId_isTheArnsAccountOrNull() {
        assertEquals("123456789012", WebIdentityAnswer.accountId("arn:aws:sts::123456789012:assumed-role/r/s"));
        assertEquals("210987654321", WebIdentityAnswer.accountId("arn:aws-cn:sts::210987654321:assumed-role/r/s"));
        assertNull(WebIdentityAnswer.accountId("arn:aws:sts::12345:assumed-role/r/s"));
        assertNull(WebIdentityAnswer.accountId("not an arn"));
        assertNull(WebIdentityAnswer.accountId(null));
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebIdentityAnswerTest.class.getResourceAsStream("/sts-answers/" + name)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new AssertionError("missing test resource sts-answers/" + name, e);
        }
    }
}
