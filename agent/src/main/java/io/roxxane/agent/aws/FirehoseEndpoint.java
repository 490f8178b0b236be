package io.roxxane.agent.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.endpoints.FirehoseEndpointParams;
import software.amazon.awssdk.services.firehose.endpoints.FirehoseEndpointProvider;

/**
 * Where PutRecordBatch goes: {@code endpoint=} if set; else the endpoint URL settings the AWS SDKs
 * share ({@link ConfiguredEndpointUrl}: {@code AWS_ENDPOINT_URL_FIREHOSE}, then
 * {@code AWS_ENDPOINT_URL}); else the Firehose endpoint rules of the SDK
 * for the region, with {@code AWS_USE_FIPS_ENDPOINT} and {@code AWS_USE_DUALSTACK_ENDPOINT}.
 */
final class FirehoseEndpoint {
    private FirehoseEndpoint() {
    }

    /**
     * @param configured {@code endpoint=}, or null
     * @throws RuntimeException when the SDK's rules have no endpoint for the region
     */
    static URI resolve(URI configured, String region) {
        if (configured != null) {
            return configured;
        }
        Optional<URI> fromSettings = ConfiguredEndpointUrl.forService("Firehose");
        if (fromSettings.isPresent()) {
            return fromSettings.get();
        }
        FirehoseEndpointParams params = FirehoseEndpointParams.builder()
                .region(Region.of(region))
                .useFips(SdkSystemSetting.AWS_USE_FIPS_ENDPOINT.getBooleanValue().orElse(false))
                .useDualStack(SdkSystemSetting.AWS_USE_DUALSTACK_ENDPOINT.getBooleanValue().orElse(false))
                .build();
        return FirehoseEndpointProvider.defaultProvider().resolveEndpoint(params).join().url();
    }
}
