package io.roxxane.it.emulator;

import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/** LocalStack in a container, through Testcontainers. */
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
                    + " address (a remote DOCKER_HOST?): the integration tests use loopback addresses only; run them"
                    + " with a local Docker engine, or without Docker (moto_server)");
        }
        return new LocalStack(container);
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
