package io.roxxane.agent.identity.context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What detection reads: the environment variables, the files under a root directory ({@code /}
 * in a real JVM; a fake tree in tests), the IMDS endpoint used when no variable names one, and the
 * time detection may take. Tests build their own; {@link #ofThisJvm()} is the real one.
 */
public final class ContextEnvironment {
    /** The longest time detection takes, from start to the last value it will ever publish. */
    public static final long BUDGET_MILLIS = 2_000;
    /** The instance metadata service's IPv4 address, used when no variable names another endpoint. */
    static final String IMDS_IPV4 = "http://169.254.169.254";
    /** The instance metadata service on IPv6 ({@code AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6}). */
    static final String IMDS_IPV6 = "http://[fd00:ec2::254]";

    private static final int MAX_FILE_BYTES = 4_096;

    private final Map<String, String> env;
    private final Path root;
    private final String imdsIpv4;
    private final String imdsIpv6;
    private final long budgetMillis;

    public ContextEnvironment(Map<String, String> env, Path root, String imdsIpv4, String imdsIpv6,
            long budgetMillis) {
        this.env = Collections.unmodifiableMap(new HashMap<String, String>(env));
        this.root = root;
        this.imdsIpv4 = imdsIpv4;
        this.imdsIpv6 = imdsIpv6;
        this.budgetMillis = budgetMillis;
    }

    /** This JVM's environment, files under {@code /}, AWS's IMDS addresses, {@link #BUDGET_MILLIS}. */
    public static ContextEnvironment ofThisJvm() {
        return new ContextEnvironment(System.getenv(), Paths.get("/"), IMDS_IPV4, IMDS_IPV6, BUDGET_MILLIS);
    }

    /** The variable's value, trimmed; null when unset or blank. */
    String variable(String name) {
        String value = env.get(name);
        if (value == null) {
            return null;
        }
        value = value.trim();
        return value.isEmpty() ? null : value;
    }

    /** The raw value of a variable (untrimmed), or null. */
    String rawVariable(String name) {
        return env.get(name);
    }

    /** {@code absolutePath} resolved under the root. */
    Path file(String absolutePath) {
        return root.resolve(absolutePath.startsWith("/") ? absolutePath.substring(1) : absolutePath);
    }

    /**
     * The start of a small file under the root (a /sys attribute, the service account namespace)
     * as trimmed UTF-8 text, or null when it is missing or cannot be read.
     */
    String readSmallFile(String absolutePath) {
        Path path = file(absolutePath);
        if (!Files.isRegularFile(path)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[MAX_FILE_BYTES];
            int length = 0;
            int read;
            while (length < buffer.length && (read = in.read(buffer, length, buffer.length - length)) > 0) {
                length += read;
            }
            return new String(buffer, 0, length, StandardCharsets.UTF_8).trim();
        } catch (IOException | RuntimeException e) {
            return null; // e.g. product_uuid, readable by root only
        }
    }

    boolean exists(String absolutePath) {
        return Files.exists(file(absolutePath));
    }

    String imdsIpv4() {
        return imdsIpv4;
    }

    String imdsIpv6() {
        return imdsIpv6;
    }

    long budgetMillis() {
        return budgetMillis;
    }
}
