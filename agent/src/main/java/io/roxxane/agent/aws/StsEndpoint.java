package io.roxxane.agent.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.endpoints.StsEndpointParams;
import software.amazon.awssdk.services.sts.endpoints.StsEndpointProvider;

/**
 * Where the web identity call goes: the endpoint URL settings the AWS SDKs share
 * ({@link ConfiguredEndpointUrl}: {@code AWS_ENDPOINT_URL_STS}, then {@code AWS_ENDPOINT_URL});
 * else the STS endpoint rules of the SDK for the agent's region (the regional endpoint, as the
 * SDK's STS client uses by default), with {@code AWS_USE_FIPS_ENDPOINT} and
 * {@code AWS_USE_DUALSTACK_ENDPOINT}.
 */
public final class StsEndpoint {
    private StsEndpoint() {
    }

    /** @throws RuntimeException when the SDK's rules have no endpoint for the region */
    public static URI resolve(String region) {
        Optional<URI> fromSettings = ConfiguredEndpointUrl.forService("Sts");
        if (fromSettings.isPresent()) {
            return fromSettings.get();
        }
        StsEndpointParams params = StsEndpointParams.builder()
                .region(Region.of(region))
                .useFips(SdkSystemSetting.AWS_USE_FIPS_ENDPOINT.getBooleanValue().orElse(false))
                .useDualStack(SdkSystemSetting.AWS_USE_DUALSTACK_ENDPOINT.getBooleanValue().orElse(false))
                .useGlobalEndpoint(false)
                .build();
        return StsEndpointProvider.defaultProvider().resolveEndpoint(params).join().url();
    }
}
