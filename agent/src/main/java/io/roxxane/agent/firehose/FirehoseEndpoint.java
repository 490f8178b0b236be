package io.roxxane.agent.firehose;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.endpoints.FirehoseEndpointParams;
import software.amazon.awssdk.services.firehose.endpoints.FirehoseEndpointProvider;
import software.amazon.awssdk.utils.SystemSetting;

/**
 * Where PutRecordBatch goes: {@code endpoint=} if set; else the endpoint URL settings the AWS SDKs
 * share ({@code aws.endpointUrlFirehose} / {@code AWS_ENDPOINT_URL_FIREHOSE}, then
 * {@code aws.endpointUrl} / {@code AWS_ENDPOINT_URL}, unless
 * {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true}); else the Firehose endpoint rules of the SDK
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
        Optional<URI> fromSettings = fromSharedSettings();
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

    /** The service-specific URL, else the global one; none when told to ignore both. */
    private static Optional<URI> fromSharedSettings() {
        if (EndpointSetting.IGNORE_CONFIGURED.getBooleanValue().orElse(false)) {
            return Optional.empty();
        }
        Optional<String> url = EndpointSetting.FIREHOSE_URL.getStringValue();
        if (!url.isPresent()) {
            url = EndpointSetting.GLOBAL_URL.getStringValue();
        }
        return url.map(String::trim).filter(u -> !u.isEmpty()).map(URI::create);
    }

    /** The SDKs' endpoint settings: system property first, then environment variable. */
    private enum EndpointSetting implements SystemSetting {
        FIREHOSE_URL("aws.endpointUrlFirehose", "AWS_ENDPOINT_URL_FIREHOSE"),
        GLOBAL_URL("aws.endpointUrl", "AWS_ENDPOINT_URL"),
        IGNORE_CONFIGURED("aws.ignoreConfiguredEndpointUrls", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");

        private final String property;
        private final String environmentVariable;

        EndpointSetting(String property, String environmentVariable) {
            this.property = property;
            this.environmentVariable = environmentVariable;
        }

        @Override
        public String property() {
            return property;
        }

        @Override
        public String environmentVariable() {
            return environmentVariable;
        }

        @Override
        public String defaultValue() {
            return null;
        }
    }
}
