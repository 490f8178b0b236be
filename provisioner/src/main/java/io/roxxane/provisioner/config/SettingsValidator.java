package io.roxxane.provisioner.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks single values against what AWS accepts; each problem names the setting, the value and what is allowed. */
final class SettingsValidator {
    static final long MAX_DIRECT_UPLOAD_BYTES = 50L * 1024 * 1024;
    static final Set<Integer> LOG_RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,
            1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private static final Pattern STACK = Pattern.compile("[a-z0-9]([a-z0-9-]{0,27}[a-z0-9])?");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");
    private static final Pattern STREAM = Pattern.compile("[a-zA-Z0-9_.-]{1,64}");
    private static final Pattern ROLE = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern FUNCTION = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Pattern GLUE = Pattern.compile("[a-z0-9_]{1,255}");
    private static final Pattern LOG_GROUP = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");

    private final List<String> problems;

    SettingsValidator(List<String> problems) {
        this.problems = problems;
    }

    void stackName(String value) {
        if (!STACK.matcher(value).matches()) {
            reject(Setting.STACK_NAME, value, "1..29 characters of a-z, 0-9 and '-', starting and ending with a letter or digit"
                    + " (it becomes part of bucket and other names)");
        }
    }

    void region(String value) {
        if (!RegionCodes.isRegionCode(value)) {
            reject(Setting.REGION_NAME, value, RegionCodes.ALLOWED);
        }
    }

    /** The rules of https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html for general purpose buckets. */
    void bucketName(String value) {
        String allowed = "3..63 characters of a-z, 0-9, '.' and '-', starting and ending with a letter or digit";
        if (!BUCKET.matcher(value).matches()) {
            reject(Setting.BUCKET_NAME, value, allowed);
        } else if (value.contains("..")) {
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

    void prefixes(String prefix, String errorPrefix) {
        String allowed = "1..200 characters: path segments of A-Z, a-z, 0-9, '_', '.', '-' separated by '/'"
                + " (no '!{', which Firehose reserves for expressions)";
        boolean prefixOk = prefix(Setting.PREFIX, prefix, allowed);
        boolean errorOk = prefix(Setting.ERROR_PREFIX, errorPrefix, allowed);
        if (prefixOk && errorOk && (prefix.equals(errorPrefix) || errorPrefix.startsWith(prefix + "/")
                || prefix.startsWith(errorPrefix + "/"))) {
            problems.add(Setting.ERROR_PREFIX.key() + "='" + errorPrefix + "' is not allowed with " + Setting.PREFIX.key()
                    + "='" + prefix + "': neither may contain the other, or failed records would be read as table data");
        }
    }

    private boolean prefix(Setting setting, String value, String allowed) {
        boolean dotSegment = ("/" + value + "/").contains("/./") || ("/" + value + "/").contains("/../");
        if (value.isEmpty() || value.length() > 200 || !PREFIX.matcher(value).matches() || dotSegment) {
            reject(setting, value, allowed);
            return false;
        }
        return true;
    }

    int integer(Setting setting, String value, int min, int max, String allowed) {
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            reject(setting, value, allowed);
            return min;
        }
        if (parsed < min || parsed > max) {
            reject(setting, value, allowed);
        }
        return parsed;
    }

    int logRetention(String value) {
        String allowed = "one of " + LOG_RETENTION_DAYS.stream().sorted().map(String::valueOf).toList() + " days";
        try {
            int parsed = Integer.parseInt(value.strip());
            if (!LOG_RETENTION_DAYS.contains(parsed)) {
                reject(Setting.LOG_RETENTION_DAYS, value, allowed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            reject(Setting.LOG_RETENTION_DAYS, value, allowed);
            return 14;
        }
    }

    void streamName(String value) {
        if (!STREAM.matcher(value).matches()) {
            reject(Setting.DELIVERY_STREAM_NAME, value, "1..64 characters of A-Z, a-z, 0-9, '_', '.' and '-'");
        }
    }

    void roleName(Setting setting, String value) {
        if (!ROLE.matcher(value).matches()) {
            reject(setting, value, "1..64 characters of A-Z, a-z, 0-9 and + = , . @ _ -");
        }
    }

    void functionName(Setting setting, String value) {
        if (!FUNCTION.matcher(value).matches()) {
            reject(setting, value, "1..64 characters of A-Z, a-z, 0-9, '_' and '-'");
        }
    }

    void glueName(Setting setting, String value) {
        if (!GLUE.matcher(value).matches()) {
            reject(setting, value, "1..255 characters of a-z, 0-9 and '_' (what Athena accepts without quoting)");
        }
    }

    void logGroupName(String value) {
        if (!LOG_GROUP.matcher(value).matches()) {
            reject(Setting.LOG_GROUP_NAME, value, "1..512 characters of A-Z, a-z, 0-9 and . - _ / #");
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
            if (Files.size(jar) > MAX_DIRECT_UPLOAD_BYTES) {
                reject(setting, jar.toString(), "at most 50 MiB, Lambda's limit for a directly uploaded deployment package");
            }
        } catch (IOException e) {
            reject(setting, jar.toString(), "a readable jar file (" + e.getMessage() + ")");
        }
    }

    private void reject(Setting setting, String value, String allowed) {
        problems.add(setting.key() + "='" + value + "' is not allowed: expected " + allowed);
    }
}
