package io.roxxane.agent.credentials;

import io.roxxane.agent.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;

/**
 * Checks, once at start, the AWS profile files the SDK's credential chain would read: a
 * credentials or config file that is named but missing, not a file, unreadable or not in the
 * profile format, and an {@code AWS_PROFILE} that none of the files defines, are configuration
 * errors (the agent stays off) rather than a "no credentials" failure at the first flush, which
 * would hide the setting at fault. Files the SDK would not read (default locations that do not
 * exist) are fine: credentials can come from the environment, web identity, a container or an
 * instance role.
 */
public final class AwsProfileFilesCheck {
    private static final String FORMAT = "a readable AWS profile file ([name] sections of key = value lines)";

    private AwsProfileFilesCheck() {
    }

    public static void verify() throws ConfigException {
        Set<String> profiles = new LinkedHashSet<String>();
        boolean anyFile = false;
        anyFile |= check(ProfileFileSystemSetting.AWS_SHARED_CREDENTIALS_FILE, ProfileFileLocation.credentialsFilePath(),
                ProfileFile.Type.CREDENTIALS, profiles);
        anyFile |= check(ProfileFileSystemSetting.AWS_CONFIG_FILE, ProfileFileLocation.configurationFilePath(),
                ProfileFile.Type.CONFIGURATION, profiles);
        String profile = value(ProfileFileSystemSetting.AWS_PROFILE);
        if (profile != null && anyFile && !profiles.contains(profile)) {
            throw new ConfigException("invalid " + source(ProfileFileSystemSetting.AWS_PROFILE) + "='" + profile
                    + "': no such profile in the AWS credentials or config file; expected one of " + profiles
                    + ", or unset it; the agent stays off");
        }
    }

    /** Returns whether the SDK would read this file; adds the profiles it defines. */
    private static boolean check(ProfileFileSystemSetting setting, Path path, ProfileFile.Type type,
            Set<String> profiles) throws ConfigException {
        boolean named = value(setting) != null;
        if (!Files.exists(path)) {
            if (named) {
                throw invalid(setting, path, "no such file");
            }
            return false;
        }
        if (!Files.isRegularFile(path)) {
            throw invalid(setting, path, "not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw invalid(setting, path, "this user cannot read it");
        }
        try {
            profiles.addAll(ProfileFile.builder().content(path).type(type).build().profiles().keySet());
        } catch (RuntimeException e) {
            throw invalid(setting, path, "cannot parse it (" + e.getMessage() + ")");
        }
        return true;
    }

    private static ConfigException invalid(ProfileFileSystemSetting setting, Path path, String problem) {
        String key = value(setting) != null ? source(setting) : setting.environmentVariable() + " (unset: the default)";
        return new ConfigException("invalid " + key + "='" + path + "': " + problem + "; expected " + FORMAT
                + ", or " + (value(setting) != null ? "unset it" : "remove or fix the file") + "; the agent stays off");
    }

    private static String value(ProfileFileSystemSetting setting) {
        String property = System.getProperty(setting.property());
        if (property != null && !property.trim().isEmpty()) {
            return property;
        }
        String env = System.getenv(setting.environmentVariable());
        return env != null && !env.trim().isEmpty() ? env : null;
    }

    /** The variable or system property the value came from, as the user wrote it. */
    private static String source(ProfileFileSystemSetting setting) {
        String property = System.getProperty(setting.property());
        return property != null && !property.trim().isEmpty() ? setting.property() : setting.environmentVariable();
    }
}
