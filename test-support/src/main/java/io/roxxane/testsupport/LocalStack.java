package io.roxxane.testsupport;

import java.nio.file.Files;
import java.nio.file.Paths;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack in a container, through Testcontainers. The only class that names Testcontainers,
 * which is an optional dependency: {@link EmulatorLauncher} loads this class only when it is there.
 */
final class LocalStack implements RunningEmulator {
    static final String IMAGE = "localstack/localstack:4.14.0";

    private final LocalStackContainer container;
    private final AwsEmulator emulator;

    private LocalStack(LocalStackContainer container) {
        this.container = container;
        this.emulator = new AwsEmulator("localstack", container.getEndpoint(), container.getRegion(),
                container.getAccessKey(), container.getSecretKey(), "000000000000");
    }

    static LocalStack start() {
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(IMAGE));
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank()) {
            container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
        }
        container.start();
        String host = container.getEndpoint().getHost();
        if (!Loopback.isLoopback(host)) {
            container.stop();
            throw new IllegalStateException("LocalStack's endpoint " + container.getEndpoint() + " is not a loopback"
                    + " address (a remote DOCKER_HOST?): tests use loopback addresses only; run them"
                    + " with a local Docker engine, or without Docker (moto_server)");
        }
        return new LocalStack(container);
    }

    /** Asks Testcontainers only when a Docker endpoint is plausible, which keeps machines without Docker quiet and fast. */
    static boolean dockerAvailable() {
        boolean plausible = System.getenv("DOCKER_HOST") != null
                || Files.exists(Paths.get("/var/run/docker.sock"))
                || Files.exists(Paths.get(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
                || Files.exists(Paths.get(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!plausible) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public AwsEmulator emulator() {
        return emulator;
    }

    @Override
    public void close() {
        container.stop();
    }
}
