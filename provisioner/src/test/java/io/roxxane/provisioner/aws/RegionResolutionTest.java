package io.roxxane.provisioner.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.provisioner.config.ConfigException;
import io.roxxane.provisioner.config.JarLocator;
import io.roxxane.provisioner.config.RegionCodes;
import io.roxxane.provisioner.config.Setting;
import io.roxxane.provisioner.config.Settings;
import io.roxxane.provisioner.config.SettingsResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * The region follows the SDK's chain (system property / AWS_REGION before the profile's region),
 * the profile must exist, the region must be a region code; all before any AWS call. The SDK's
 * settings are set as its system properties ({@code aws.region}, {@code aws.configFile}, ...),
 * which it reads before the environment.
 */
class RegionResolutionTest {
    private static final String[] PROPERTIES = {"aws.region", "aws.configFile", "aws.sharedCredentialsFile", "aws.profile"};

    @TempDir
    Path directory;

    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void profiles() throws IOException {
        for (String property : PROPERTIES) {
            saved.put(property, System.getProperty(property));
            System.clearProperty(property);
        }
        Path config = Files.writeString(directory.resolve("config"),
                "[profile dev]\nregion = eu-west-1\n\n[profile noregion]\noutput = json\n\n[profile odd]\nregion = EU-West-1\n");
        Path credentials = Files.writeString(directory.resolve("credentials"),
                "[dev]\naws_access_key_id = a\naws_secret_access_key = b\n");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    }

    @AfterEach
    void restore() {
        saved.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }

    private Settings settings(Map<Setting, String> flags) throws IOException {
        Path jar = Files.write(directory.resolve("x.jar"), new byte[] {'P', 'K', 3, 4});
        return new SettingsResolver(flags, Map.of("TRANSFORM_JAR", jar.toString(), "REGISTRAR_JAR", jar.toString()), Map.of(),
                new JarLocator(directory, directory)).resolve(true);
    }

    private Settings profile(String name) throws IOException {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.PROFILE, name);
        return settings(flags);
    }

    @Test
    void resolveRegion_whenProfileHasNoRegionButAwsRegionIsSet_usesAwsRegion() throws IOException {
        System.setProperty("aws.region", "us-east-1");

        assertEquals(Region.US_EAST_1, RegionResolver.resolve(profile("noregion")));
    }

    @Test
    void resolveRegion_whenBothProfileAndAwsRegionHaveOne_awsRegionWinsAsInTheSdk() throws IOException {
        System.setProperty("aws.region", "us-east-2");

        assertEquals(Region.US_EAST_2, RegionResolver.resolve(profile("dev")));
    }

    @Test
    void resolveRegion_whenOnlyTheProfileHasOne_usesTheProfiles() throws IOException {
        assertEquals(Region.EU_WEST_1, RegionResolver.resolve(profile("dev")));
    }

    @Test
    void resolveRegion_whenRegionNameSet_itBeatsEverything() throws IOException {
        System.setProperty("aws.region", "us-east-2");
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.PROFILE, "dev");
        flags.put(Setting.REGION_NAME, "ap-southeast-2");

        assertEquals(Region.AP_SOUTHEAST_2, RegionResolver.resolve(settings(flags)));
    }

    @Test
    void resolveRegion_whenProfileDoesNotExist_failsNamingItAndTheProfiles() throws IOException {
        System.setProperty("aws.region", "us-east-1");

        ConfigException error = assertThrows(ConfigException.class, () -> RegionResolver.resolve(profile("nope")));

        assertTrue(error.getMessage().startsWith("PROFILE='nope' is not allowed: no such profile in "), error.getMessage());
        assertTrue(error.getMessage().contains("expected one of dev, noregion, odd"), error.getMessage());
    }

    @Test
    void resolveRegion_whenAwsProfileNamesAMissingProfile_failsNamingAwsProfile() throws IOException {
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.profile", "gone");

        ConfigException error = assertThrows(ConfigException.class, () -> RegionResolver.resolve(settings(Map.of())));

        assertTrue(error.getMessage().startsWith("AWS_PROFILE='gone' is not allowed: no such profile"), error.getMessage());
    }

    @Test
    void resolveRegion_whenChainYieldsNoRegionCode_failsNamingWhereItCameFrom() throws IOException {
        System.setProperty("aws.region", "us-east-1a");

        ConfigException fromProperty = assertThrows(ConfigException.class, () -> RegionResolver.resolve(profile("dev")));
        System.clearProperty("aws.region");
        ConfigException fromProfile = assertThrows(ConfigException.class, () -> RegionResolver.resolve(profile("odd")));

        assertTrue(fromProperty.getMessage().startsWith("system property aws.region='us-east-1a' is not allowed: expected an AWS"
                + " region code"), fromProperty.getMessage());
        assertTrue(fromProfile.getMessage().startsWith("region of AWS profile 'odd' in "), fromProfile.getMessage());
        assertTrue(fromProfile.getMessage().contains("='eu-west-1'") || fromProfile.getMessage().contains("='EU-West-1'"),
                fromProfile.getMessage());
    }

    @Test
    void isRegionCode_acceptsEveryRegionOfTheSdkButItsGlobalPseudoRegions() {
        for (Region region : Region.regions()) {
            assertEquals(!region.id().endsWith("-global"), RegionCodes.isRegionCode(region.id()), region.id());
        }
        for (String bad : new String[] {"", "us-east", "US-EAST-1", "us-east-1a", "us_east_1", "useast1", "fips-us-east-1", "us-east-1 "}) {
            assertFalse(RegionCodes.isRegionCode(bad), bad);
        }
    }
}
