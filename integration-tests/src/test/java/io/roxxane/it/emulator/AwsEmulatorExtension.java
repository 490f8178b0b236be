package io.roxxane.it.emulator;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Provides an AWS endpoint to a test class: LocalStack ({@code localstack/localstack:4.14.0})
 * through Testcontainers when a Docker engine runs, otherwise {@code moto_server} on a free
 * 127.0.0.1 port. One emulator is started per JVM, on first use, and stopped when the test run ends.
 *
 * <p>Usage:
 * <pre>{@code
 * @ExtendWith(AwsEmulatorExtension.class)
 * class MyIT {
 *     @Test
 *     void something(AwsEmulator aws) {
 *         S3Client s3 = S3Client.builder().endpointOverride(aws.endpoint()).region(aws.sdkRegion())
 *                 .credentialsProvider(aws.credentialsProvider()).forcePathStyle(true).build();
 *         // child JVMs: new ProcessBuilder(...).environment().putAll(aws.environment())
 *     }
 * }
 * }</pre>
 * {@code AwsEmulator} parameters resolve in constructors, {@code @BeforeAll}, {@code @BeforeEach}
 * and test methods. The emulator is shared: use unique resource names per test class.
 *
 * <p>Choosing: {@code ROXXANE_EMULATOR} (environment variable or system property) may be
 * {@code localstack}, {@code moto} or {@code auto} (default). {@code MOTO_SERVER} names the
 * {@code moto_server} executable when it is not on the PATH; {@code LOCALSTACK_AUTH_TOKEN} is
 * passed to the container. With no emulator available the class is skipped with the reason,
 * except when {@code CI=true}: then it fails, because a skipped integration test is not a pass.
 */
public final class AwsEmulatorExtension implements BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AwsEmulatorExtension.class);

    /** Per test, so that a skip is reported on every test with its reason rather than hidden at class level. */
    @Override
    public void beforeEach(ExtensionContext context) {
        emulator(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        return parameterContext.getParameter().getType() == AwsEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        return emulator(extensionContext);
    }

    private static AwsEmulator emulator(ExtensionContext context) {
        RunningEmulator running = EmulatorLauncher.shared();
        // Registered in the root store so that JUnit closes it once, when the whole run ends.
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RunningEmulator.class, key -> running, RunningEmulator.class);
        return running.emulator();
    }
}
