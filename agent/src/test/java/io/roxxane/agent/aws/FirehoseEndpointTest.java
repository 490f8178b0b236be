package io.roxxane.agent.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where PutRecordBatch goes, per region and per the SDKs' shared endpoint settings. */
class FirehoseEndpointTest {
    @AfterEach
    void clear() {
        System.clearProperty("aws.endpointUrlFirehose");
        System.clearProperty("aws.endpointUrl");
        System.clearProperty("aws.ignoreConfiguredEndpointUrls");
        System.clearProperty("aws.useFipsEndpoint");
        System.clearProperty("aws.useDualstackEndpoint");
    }

    @Test
    void resolve_followsTheSdksRulesForEachPartition() {
        assertEquals(URI.create("https://firehose.eu-west-1.amazonaws.com"), FirehoseEndpoint.resolve(null, "eu-west-1"));
        assertEquals(URI.create("https://firehose.cn-north-1.amazonaws.com.cn"),
                FirehoseEndpoint.resolve(null, "cn-north-1"));
        assertEquals(URI.create("https://firehose.us-gov-west-1.amazonaws.com"),
                FirehoseEndpoint.resolve(null, "us-gov-west-1"));
    }

    @Test
    void resolve_withFipsOrDualStack_picksThoseEndpoints() {
        System.setProperty("aws.useFipsEndpoint", "true");
        assertEquals(URI.create("https://firehose-fips.us-east-1.amazonaws.com"),
                FirehoseEndpoint.resolve(null, "us-east-1"));
        System.clearProperty("aws.useFipsEndpoint");
        System.setProperty("aws.useDualstackEndpoint", "true");
        assertEquals(URI.create("https://firehose.us-east-1.api.aws"), FirehoseEndpoint.resolve(null, "us-east-1"));
    }

    @Test
    void resolve_prefersEndpointSettingThenServiceUrlThenGlobalUrl() {
        URI configured = URI.create("http://127.0.0.1:4566");
        System.setProperty("aws.endpointUrl", "http://global:1");
        assertEquals(URI.create("http://global:1"), FirehoseEndpoint.resolve(null, "us-east-1"));
        System.setProperty("aws.endpointUrlFirehose", "http://firehose-only:2");
        assertEquals(URI.create("http://firehose-only:2"), FirehoseEndpoint.resolve(null, "us-east-1"));
        assertEquals(configured, FirehoseEndpoint.resolve(configured, "us-east-1"));
        System.setProperty("aws.ignoreConfiguredEndpointUrls", "true");
        assertEquals(URI.create("https://firehose.us-east-1.amazonaws.com"), FirehoseEndpoint.resolve(null, "us-east-1"));
    }
}
