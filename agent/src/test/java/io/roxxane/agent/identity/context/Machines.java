package io.roxxane.agent.identity.context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Fake machines for detection: a root directory with the /sys files of an EC2 instance (or of
 * something else) and, for Kubernetes, the service account namespace file; and the environment.
 * The IMDS "default" endpoints are whatever the test says (a loopback fake, or an address that
 * refuses), never AWS's link-local one.
 */
final class Machines {
    /** A loopback port nothing listens on: connecting fails at once. */
    static final String NOBODY = "http://127.0.0.1:9";

    private final Path root;
    private final Map<String, String> env = new HashMap<>();
    private String imdsDefault = NOBODY;
    private long budgetMillis = ContextEnvironment.BUDGET_MILLIS;

    private Machines(Path root) {
        this.root = root;
    }

    /** A machine whose /sys says nothing of EC2 (a KVM guest of another vendor). */
    static Machines other(Path dir) {
        return new Machines(dir).file("/sys/class/dmi/id/sys_vendor", "QEMU\n")
                .file("/sys/class/dmi/id/board_vendor", "\n")
                .file("/sys/devices/virtual/dmi/id/product_uuid", "4c4c4544-0042-3510-8052-b7c04f4e4b32\n");
    }

    /** A Nitro instance: DMI vendors "Amazon EC2". */
    static Machines nitro(Path dir) {
        return new Machines(dir).file("/sys/class/dmi/id/sys_vendor", "Amazon EC2\n")
                .file("/sys/class/dmi/id/board_vendor", "Amazon EC2\n");
    }

    /** A Xen instance: DMI vendor "Xen", the hypervisor uuid starts with "ec2". */
    static Machines xen(Path dir) {
        return new Machines(dir).file("/sys/class/dmi/id/sys_vendor", "Xen\n")
                .file("/sys/hypervisor/uuid", "ec2e1916-9099-7caf-fd21-012345abcdef\n");
    }

    Machines file(String absolutePath, String content) {
        try {
            Path path = root.resolve(absolutePath.substring(1));
            Files.createDirectories(path.getParent());
            Files.write(path, content.getBytes(StandardCharsets.UTF_8));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** In a Kubernetes pod with a mounted service account. */
    Machines pod(String namespace) {
        env.put("KUBERNETES_SERVICE_HOST", "10.100.0.1");
        return file(ContextDetection.KUBERNETES_NAMESPACE_FILE, namespace);
    }

    Machines env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** The endpoint used when DMI says EC2 and no variable names one (AWS's 169.254.169.254 in production). */
    Machines imdsDefault(String endpoint) {
        imdsDefault = endpoint;
        return this;
    }

    Machines budget(long millis) {
        budgetMillis = millis;
        return this;
    }

    Path root() {
        return root;
    }

    ContextEnvironment environment() {
        return new ContextEnvironment(env, root, imdsDefault, imdsDefault, budgetMillis);
    }
}
