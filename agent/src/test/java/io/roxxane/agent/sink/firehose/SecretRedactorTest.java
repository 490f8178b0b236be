package io.roxxane.agent.sink.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    @Test
    void redact_whenTextHoldsKeysOrTokens_masksThem() {
        String text = "denied for AKIAIOSFODNN7EXAMPLE with aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
                + " X-Amz-Security-Token: FwoGZXIvYXdzEJr token";
        String redacted = SecretRedactor.redact(text);
        assertFalse(redacted.contains("AKIAIOSFODNN7EXAMPLE"), redacted);
        assertFalse(redacted.contains("wJalrXUtnFEMI"), redacted);
        assertFalse(redacted.contains("FwoGZXIvYXdzEJr"), redacted);
    }

    @Test
    void redact_whenTextHoldsNoSecrets_leavesItAlone() {
        String text = "Firehose stream 'metrics' does not exist (region eu-west-1): create it";
        assertEquals(text, SecretRedactor.redact(text));
    }
}
