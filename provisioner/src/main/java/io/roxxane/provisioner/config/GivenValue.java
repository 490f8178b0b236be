package io.roxxane.provisioner.config;

/**
 * A setting's value as given, and where: {@code flag --prefix}, {@code environment variable PREFIX},
 * {@code file ./.env}. Settings not given have their default and no {@code GivenValue}.
 */
public record GivenValue(String value, String source) {
    /** The SDK's own variable, which other SDK-based programs (the agent too) read by themselves. */
    public static final String SDK_ENDPOINT_VARIABLE = "environment variable AWS_ENDPOINT_URL";

    @Override
    public String toString() {
        return value + " (" + source + ")";
    }
}
