package io.roxxane.provisioner.config;

import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * What counts as a region code: a region the SDK knows (not one of its {@code *-global}
 * pseudo-regions), or one shaped like every AWS region ({@code eu-west-1}, {@code us-gov-east-1},
 * {@code us-isob-east-1}) for regions newer than the SDK. Anything else would only fail later,
 * after some resources were made, or silently build endpoints and ARNs that do not exist.
 */
public final class RegionCodes {
    private static final Pattern SHAPE = Pattern.compile("[a-z]{2,4}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}");

    /** For error messages. */
    public static final String ALLOWED = "an AWS region code such as eu-west-1, us-east-1 or us-gov-west-1";

    private RegionCodes() {
    }

    public static boolean isRegionCode(String value) {
        if (value == null) {
            return false;
        }
        if (SHAPE.matcher(value).matches()) {
            return true;
        }
        return !value.endsWith("-global") && Region.regions().stream().anyMatch(region -> region.id().equals(value));
    }
}
