package io.roxxane.provisioner.aws;

import io.roxxane.provisioner.config.ConfigException;
import io.roxxane.provisioner.config.RegionCodes;
import io.roxxane.provisioner.config.Setting;
import io.roxxane.provisioner.config.Settings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The region, as the SDK would pick it: REGION_NAME if set, else the SDK's region chain
 * ({@code aws.region} system property, {@code AWS_REGION}, then the profile's {@code region},
 * then instance metadata), so an exported {@code AWS_REGION} beats the profile's region as it
 * does in the AWS CLI and every SDK. Before that, a profile named by PROFILE or
 * {@code AWS_PROFILE} must exist. The region found must be a region code. All failures are
 * {@link ConfigException}s naming the setting, before any AWS call.
 */
public final class RegionResolver {
    private RegionResolver() {
    }

    public static Region resolve(Settings settings) {
        Optional<String> profile = settings.profile();
        String profileSetting = Setting.PROFILE.key();
        if (profile.isEmpty()) {
            profile = ProfileFileSystemSetting.AWS_PROFILE.getNonDefaultStringValue().filter(p -> !p.isBlank());
            profileSetting = ProfileFileSystemSetting.AWS_PROFILE.environmentVariable();
        }
        if (profile.isPresent()) {
            requireProfile(profileSetting, profile.get());
        }
        if (settings.region().isPresent()) {
            return Region.of(settings.region().get()); // checked with the other settings
        }
        Region region;
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            profile.ifPresent(chain::profileName);
            region = chain.build().getRegion();
        } catch (SdkClientException e) {
            throw new ConfigException("no AWS region: set REGION_NAME (--region-name) or AWS_REGION, or a region in the AWS profile"
                    + profile.map(p -> " '" + p + "'").orElse(""));
        }
        if (!RegionCodes.isRegionCode(region.id())) {
            throw new ConfigException(regionSource(profile) + "='" + region.id() + "' is not allowed: expected " + RegionCodes.ALLOWED
                    + " (or set REGION_NAME)");
        }
        return region;
    }

    /** Where the SDK's chain found the region, named as the user would set it. */
    private static String regionSource(Optional<String> profile) {
        if (System.getProperty(SdkSystemSetting.AWS_REGION.property()) != null) {
            return "system property " + SdkSystemSetting.AWS_REGION.property();
        }
        if (System.getenv(SdkSystemSetting.AWS_REGION.environmentVariable()) != null) {
            return SdkSystemSetting.AWS_REGION.environmentVariable();
        }
        return "region of AWS profile '" + profile.orElse("default") + "' in " + ProfileFileLocation.configurationFilePath();
    }

    private static void requireProfile(String setting, String name) {
        ProfileFile profiles;
        try {
            profiles = ProfileFile.defaultProfileFile();
        } catch (RuntimeException e) {
            throw new ConfigException(setting + "='" + name + "' cannot be checked: the AWS config or credentials file cannot be read ("
                    + e.getMessage() + ")");
        }
        if (profiles.profile(name).isEmpty()) {
            List<String> known = new ArrayList<>(profiles.profiles().keySet());
            Collections.sort(known);
            throw new ConfigException(setting + "='" + name + "' is not allowed: no such profile in "
                    + ProfileFileLocation.configurationFilePath() + " or " + ProfileFileLocation.credentialsFilePath()
                    + "; expected one of " + (known.isEmpty() ? "(none defined)" : String.join(", ", known))
                    + ", or leave it unset for the SDK's default credentials");
        }
    }
}
