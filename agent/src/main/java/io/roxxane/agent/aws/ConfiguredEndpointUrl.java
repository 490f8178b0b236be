package io.roxxane.agent.aws;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.utils.SystemSetting;

/**
 * The endpoint URL settings the AWS SDKs share, for one service: the service's own
 * ({@code aws.endpointUrl<Service>} / {@code AWS_ENDPOINT_URL_<SERVICE>}), then the global one
 * ({@code aws.endpointUrl} / {@code AWS_ENDPOINT_URL}); none when
 * {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true}. System property first, then environment variable.
 */
final class ConfiguredEndpointUrl {
    private static final Setting GLOBAL_URL = new Setting("aws.endpointUrl", "AWS_ENDPOINT_URL");
    private static final Setting IGNORE_CONFIGURED =
            new Setting("aws.ignoreConfiguredEndpointUrls", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");

    private ConfiguredEndpointUrl() {
    }

    /**
     * @param serviceId the service part of the settings' names, as the SDKs spell it:
     *     {@code Firehose}, {@code Sts}
     */
    static Optional<URI> forService(String serviceId) {
        if (IGNORE_CONFIGURED.getBooleanValue().orElse(false)) {
            return Optional.empty();
        }
        Setting service = new Setting("aws.endpointUrl" + serviceId,
                "AWS_ENDPOINT_URL_" + serviceId.toUpperCase(Locale.ROOT));
        Optional<String> url = service.getStringValue();
        if (!url.isPresent()) {
            url = GLOBAL_URL.getStringValue();
        }
        return url.map(String::trim).filter(u -> !u.isEmpty()).map(URI::create);
    }

    private static final class Setting implements SystemSetting {
        private final String property;
        private final String environmentVariable;

        Setting(String property, String environmentVariable) {
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
