package io.roxxane.agent.credentials;

import java.util.Map;
import java.util.Properties;

/**
 * Why the credentials source the environment points at failed, from the message the credentials
 * chain ({@link AgentCredentials}, or the SDK's default chain) throws when no provider gave
 * credentials. That message lists every provider's reason,
 * most of them only "not configured"; a user who set {@code AWS_WEB_IDENTITY_TOKEN_FILE} (EKS
 * IRSA), a container credentials URI (ECS, EKS Pod Identity) or {@code AWS_PROFILE} needs that
 * one provider's reason, not a hint to set access keys.
 */
public final class CredentialsChainFailure {
    private static final String[] PROVIDERS = {
        "SystemPropertyCredentialsProvider", "EnvironmentVariableCredentialsProvider",
        WebIdentityCredentials.NAME, "WebIdentityTokenFileCredentialsProvider", "ProfileCredentialsProvider",
        "ContainerCredentialsProvider", "InstanceProfileCredentialsProvider"};
    private static final int MAX_REASON = 300;

    private CredentialsChainFailure() {
    }

    /** As {@link #configuredSourceReason(String, Map, Properties)} for this process's environment. */
    public static String configuredSourceReason(String sdkMessage) {
        return configuredSourceReason(sdkMessage, System.getenv(), System.getProperties());
    }

    /**
     * {@code "; web identity (AWS_WEB_IDENTITY_TOKEN_FILE) failed: <the SDK's reason>"} for the
     * source the environment or system properties configure, or "" when none is configured or
     * the message names no reason for it.
     */
    static String configuredSourceReason(String sdkMessage, Map<String, String> env, Properties system) {
        if (sdkMessage == null) {
            return "";
        }
        String source;
        String provider;
        if (set(env.get("AWS_WEB_IDENTITY_TOKEN_FILE")) || set(system.getProperty("aws.webIdentityTokenFile"))) {
            source = "web identity (AWS_WEB_IDENTITY_TOKEN_FILE)";
            provider = sdkMessage.contains(WebIdentityCredentials.NAME + "(") ? WebIdentityCredentials.NAME
                    : "WebIdentityTokenFileCredentialsProvider";
        } else if (set(env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI"))
                || set(env.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"))) {
            source = "container credentials (AWS_CONTAINER_CREDENTIALS_*)";
            provider = "ContainerCredentialsProvider";
        } else if (set(env.get("AWS_PROFILE")) || set(system.getProperty("aws.profile"))) {
            source = "profile (AWS_PROFILE)";
            provider = "ProfileCredentialsProvider";
        } else {
            return "";
        }
        String reason = reason(sdkMessage, provider);
        return reason.isEmpty() ? "" : "; " + source + " failed: " + reason;
    }

    /** The reason after {@code provider(...): } in the list that follows {@code " : ["}; "" if absent. */
    static String reason(String sdkMessage, String provider) {
        int list = sdkMessage.indexOf(" : [");
        if (list < 0) {
            return "";
        }
        int at = sdkMessage.indexOf(provider + "(", list);
        int start = at < 0 ? -1 : sdkMessage.indexOf("): ", at);
        if (start < 0) {
            return "";
        }
        start += 3;
        int end = sdkMessage.lastIndexOf(']');
        if (end < start) {
            end = sdkMessage.length();
        }
        for (String next : PROVIDERS) {
            int i = sdkMessage.indexOf(", " + next + "(", start);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String reason = sdkMessage.substring(start, end).replace('\n', ' ').trim();
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason;
    }

    private static boolean set(String value) {
        return value != null && !value.trim().isEmpty();
    }
}
