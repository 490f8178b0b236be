package io.roxxane.agent.cli.check;

import io.roxxane.agent.fakes.FakeFirehose;
import io.roxxane.agent.sink.firehose.FirehoseTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code check} through the real SDK against {@link FakeFirehose}. */
class FirehoseCheckTest {
    private FakeFirehose fake;
    private final StringWriter output = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        fake = new FakeFirehose(FirehoseTestSupport.STREAM);
    }

    @AfterEach
    void stop() {
        fake.close();
        assertFalse(output.toString().contains(FirehoseTestSupport.SECRET_KEY), output.toString());
        assertFalse(output.toString().contains(FirehoseTestSupport.ACCESS_KEY_ID), output.toString());
    }

    /** Runs check with the fake credentials as system properties (the SDK's chain reads them). */
    private int check(String... settings) {
        Properties properties = new Properties();
        properties.setProperty("aws.accessKeyId", FirehoseTestSupport.ACCESS_KEY_ID);
        properties.setProperty("aws.secretAccessKey", FirehoseTestSupport.SECRET_KEY);
        FirehoseTestSupport.useFakeCredentials();
        try {
            return new FirehoseCheck(new PrintWriter(output), properties, Map.of()).run(List.of(settings));
        } finally {
            FirehoseTestSupport.clearFakeCredentials();
        }
    }

    private String endpoint() {
        return "endpoint=" + fake.endpoint();
    }

    @Test
    void run_whenEverythingHolds_exitsZeroAfterATestPut() {
        int code = check("stream=" + FirehoseTestSupport.STREAM, "region=us-east-1", endpoint());
        String text = output.toString();
        assertEquals(FirehoseCheck.OK, code, text);
        assertTrue(text.contains("OK    configuration parses"), text);
        assertTrue(text.contains("OK    credentials found by the SDK's default chain"), text);
        assertTrue(text.contains("exists and is ACTIVE"), text);
        assertTrue(text.contains("OK    test put accepted"), text);
        assertTrue(text.contains("All checks passed"), text);
        assertFalse(text.contains("FAIL"), text);
        assertEquals(1, fake.records().size());
        String put = new String(fake.records().get(0), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(put.contains("\"service\":\"roxxane-check\"") && put.endsWith("\n"), put);
    }

    @Test
    void run_whenTheStreamIsStillCreating_exitsOne() {
        fake.streamStatus("CREATING");
        int code = check("stream=" + FirehoseTestSupport.STREAM, "region=us-east-1", endpoint());
        assertEquals(FirehoseCheck.FAILED, code);
        assertTrue(output.toString().contains("FAIL  stream 'test-stream' exists but is CREATING"), output.toString());
    }

    @Test
    void run_whenTheStreamDoesNotExist_saysHowToCreateIt() {
        int code = check("stream=other", "region=us-east-1", endpoint());
        assertEquals(FirehoseCheck.FAILED, code);
        assertTrue(output.toString().contains("FAIL  stream 'other' not found in region us-east-1: create it"),
                output.toString());
        assertTrue(output.toString().contains("FAIL  test put failed"), output.toString());
    }

    @Test
    void run_whenThePutIsThrottled_exitsOne() {
        fake.behave((call, records) -> FakeFirehose.Reply.throttled());
        int code = check("stream=" + FirehoseTestSupport.STREAM, "region=us-east-1", endpoint());
        assertEquals(FirehoseCheck.FAILED, code);
        assertTrue(output.toString().contains("FAIL  test put failed: Firehose stream 'test-stream' is throttling"),
                output.toString());
        assertFalse(output.toString().contains("retrying"), "check does not retry: " + output);
    }

    @Test
    void run_whenFirehoseCannotBeReached_exitsOne() {
        fake.down();
        int code = check("stream=" + FirehoseTestSupport.STREAM, "region=us-east-1", endpoint());
        assertEquals(FirehoseCheck.FAILED, code);
        assertTrue(output.toString().contains("cannot reach Firehose"), output.toString());
    }

    @Test
    void run_whenASettingIsInvalid_namesItAndExitsOne() {
        int code = check("stream=bad/name", "region=us-east-1");
        assertEquals(FirehoseCheck.FAILED, code);
        assertTrue(output.toString().contains("FAIL  configuration: invalid stream='bad/name'"), output.toString());
    }

    @Test
    void run_withoutAStream_isAUsageError() {
        assertEquals(FirehoseCheck.USAGE, check("region=us-east-1"));
        assertTrue(output.toString().contains("stream= is required"), output.toString());
    }
}
