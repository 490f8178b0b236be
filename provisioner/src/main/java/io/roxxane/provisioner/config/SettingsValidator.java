package io.roxxane.provisioner.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks values against what their {@link Setting} allows, and the rules that involve more than
 * one value's shape; each problem names the setting, the value and what is allowed.
 */
final class SettingsValidator {
    /** Lambda's limit for a directly uploaded deployment package. */
    static final int MAX_DIRECT_UPLOAD_MIB = 50;

    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final List<String> problems;

    SettingsValidator(List<String> problems) {
        this.problems = problems;
    }

    /** Whether {@code setting} allows {@code value}; a problem is recorded when not. */
    boolean require(Setting setting, String value) {
        Allowed allowed = allowed(setting);
        if (!allowed.allows(value)) {
            reject(setting, value, allowed.describe());
            return false;
        }
        return true;
    }

    /** The integer {@code value} holds, a problem recorded when {@code setting} does not allow it (then 0 if no integer). */
    int integer(Setting setting, String value) {
        require(setting, value);
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0; // reported above
        }
    }

    void region(String value) {
        if (!RegionCodes.isRegionCode(value)) {
            reject(Setting.REGION_NAME, value, RegionCodes.ALLOWED);
        }
    }

    /** The rules of https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html for general purpose buckets. */
    void bucketName(String value) {
        String allowed = allowed(Setting.BUCKET_NAME).describe();
        if (!require(Setting.BUCKET_NAME, value)) {
            return;
        }
        if (value.contains("..")) {
            reject(Setting.BUCKET_NAME, value, allowed + ", without two adjacent periods");
        } else if (IP_ADDRESS.matcher(value).matches()) {
            reject(Setting.BUCKET_NAME, value, allowed + ", not formatted as an IP address");
        } else if (value.startsWith("xn--") || value.startsWith("sthree-") || value.startsWith("amzn-s3-demo-")) {
            reject(Setting.BUCKET_NAME, value, allowed + ", not starting with xn--, sthree- or amzn-s3-demo-");
        } else if (value.endsWith("-s3alias") || value.endsWith("--ol-s3") || value.endsWith(".mrap")
                || value.endsWith("--x-s3") || value.endsWith("--table-s3")) {
            reject(Setting.BUCKET_NAME, value, allowed + ", not ending with -s3alias, --ol-s3, .mrap, --x-s3 or --table-s3");
        }
    }

    /** Each prefix allowed, and neither inside the other: failed records would be read as table data. */
    void prefixes(String prefix, String errorPrefix) {
        boolean prefixOk = require(Setting.PREFIX, prefix);
        boolean errorOk = require(Setting.ERROR_PREFIX, errorPrefix);
        if (prefixOk && errorOk && (prefix.equals(errorPrefix) || errorPrefix.startsWith(prefix + "/")
                || prefix.startsWith(errorPrefix + "/"))) {
            problems.add(Setting.ERROR_PREFIX.key() + "='" + errorPrefix + "' is not allowed with " + Setting.PREFIX.key()
                    + "='" + prefix + "': neither may contain the other, or failed records would be read as table data");
        }
    }

    void distinct(Setting first, String firstValue, Setting second, String secondValue) {
        if (firstValue.equals(secondValue)) {
            problems.add(first.key() + " and " + second.key() + " are both '" + firstValue + "': they must differ");
        }
    }

    void deploymentJar(Setting setting, Path jar) {
        if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
            reject(setting, jar.toString(), "a readable jar file (build it first, or set " + setting.key() + ")");
            return;
        }
        try (InputStream in = Files.newInputStream(jar)) {
            byte[] magic = in.readNBytes(2);
            if (magic.length < 2 || magic[0] != 'P' || magic[1] != 'K') {
                reject(setting, jar.toString(), "a jar (zip) file");
                return;
            }
            if (Files.size(jar) > MAX_DIRECT_UPLOAD_MIB * 1024L * 1024) {
                reject(setting, jar.toString(), "at most " + MAX_DIRECT_UPLOAD_MIB
                        + " MiB, Lambda's limit for a directly uploaded deployment package");
            }
        } catch (IOException e) {
            reject(setting, jar.toString(), "a readable jar file (" + e.getMessage() + ")");
        }
    }

    private static Allowed allowed(Setting setting) {
        return setting.allowed().orElseThrow(() -> new IllegalArgumentException(setting.key() + " has no allowed values"));
    }

    private void reject(Setting setting, String value, String allowed) {
        problems.add(setting.key() + "='" + value + "' is not allowed: expected " + allowed);
    }
}
