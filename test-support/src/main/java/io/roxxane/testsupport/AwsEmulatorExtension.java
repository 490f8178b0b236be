package io.roxxane.testsupport;

import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/**
 * Gives a test class an {@link AwsEmulator} parameter (in {@code @BeforeAll}, {@code @BeforeEach}
 * and test methods, not constructors), started before the class's {@code @BeforeAll} methods.
 *
 * <ul>
 *   <li>{@code @ExtendWith(AwsEmulatorExtension.class)}: the emulator every class of the JVM
 *       shares, started once: LocalStack ({@code localstack/localstack:4.14.0}, through
 *       Testcontainers) when a Docker engine answers and Testcontainers is on the class path,
 *       otherwise {@code moto_server}. {@code ROXXANE_EMULATOR=auto|localstack|moto}
 *       (environment variable or system property) forces a choice. Use unique resource names.</li>
 *   <li>{@code @RegisterExtension static final AwsEmulatorExtension MOTO = AwsEmulatorExtension.ownMoto(...)}:
 *       a {@code moto_server} of the class's own, with extra environment for the server if
 *       given, stopped after the class's {@code @AfterAll} methods; for what only moto does
 *       (Glue without a LocalStack licence, SigV4 checks with {@code INITIAL_NO_AUTH_ACTION_COUNT}).</li>
 * </ul>
 *
 * <p>{@code moto_server} comes from {@code MOTO_SERVER} or the {@code PATH}; its log goes to
 * {@code target/emulator-logs/}. Every emulator listens on a loopback address (anything else
 * fails). With no emulator every test of the class is reported skipped with the reason (the
 * class's {@code @BeforeAll} and {@code @AfterAll} methods are not run), except under
 * {@code CI=true}, where the class fails. The test JVM's SDK is kept off the instance metadata service
 * ({@code aws.disableEc2Metadata=true} unless {@code AWS_EC2_METADATA_DISABLED} is already set),
 * and {@link AwsEmulator#environment()} carries {@code AWS_EC2_METADATA_DISABLED=true} to child processes.
 */
public final class AwsEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver, InvocationInterceptor {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AwsEmulatorExtension.class);

    /** Store key of the skip, when no emulator can run, for the class and its tests. */
    private record Unavailable(AwsEmulatorExtension extension) {
    }

    /** Null for the shared emulator; otherwise the environment of the class's own moto_server. */
    private final Map<String, String> ownMotoEnvironment;

    /** The shared emulator; for {@code @ExtendWith(AwsEmulatorExtension.class)}. */
    public AwsEmulatorExtension() {
        this(null);
    }

    private AwsEmulatorExtension(Map<String, String> ownMotoEnvironment) {
        this.ownMotoEnvironment = ownMotoEnvironment;
    }

    /** A {@code moto_server} of the test class's own; register it on a static field. */
    public static AwsEmulatorExtension ownMoto() {
        return ownMoto(Map.of());
    }

    /**
     * A {@code moto_server} of the test class's own, with {@code serverEnvironment} added to the
     * server's environment; register it on a static field.
     */
    public static AwsEmulatorExtension ownMoto(Map<String, String> serverEnvironment) {
        return new AwsEmulatorExtension(Map.copyOf(serverEnvironment));
    }

    /** Starts the emulator; without one, remembers why (under CI=true: fails the class). */
    @Override
    public void beforeAll(ExtensionContext context) {
        keepSdkOffInstanceMetadata();
        try {
            if (ownMotoEnvironment == null) {
                RunningEmulator running = EmulatorLauncher.shared();
                // In the root store, so that JUnit closes it once, when the whole run ends.
                context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RunningEmulator.class, key -> running,
                        RunningEmulator.class);
            } else if (context.getStore(NAMESPACE).get(this, RunningEmulator.class) == null) {
                context.getStore(NAMESPACE).put(this, EmulatorLauncher.ownMoto(ownMotoEnvironment));
            }
        } catch (TestAbortedException skip) {
            // Not thrown here: a class-level skip would hide its tests from the reports.
            context.getStore(NAMESPACE).put(new Unavailable(this), skip);
        }
    }

    /** Each test of a class without an emulator is reported skipped, with the reason. */
    @Override
    public void beforeEach(ExtensionContext context) {
        TestAbortedException skip = unavailable(context);
        if (skip != null) {
            throw new TestAbortedException(skip.getMessage());
        }
    }

    /** A {@code @BeforeAll} method sets up what the emulator serves: not run without one. */
    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        proceedIfAvailable(invocation, extensionContext);
    }

    /** Nor is an {@code @AfterAll} method, which would clean up what was never set up. */
    @Override
    public void interceptAfterAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        proceedIfAvailable(invocation, extensionContext);
    }

    private void proceedIfAvailable(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        if (unavailable(context) == null) {
            invocation.proceed();
        } else {
            invocation.skip();
        }
    }

    private TestAbortedException unavailable(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(new Unavailable(this), TestAbortedException.class);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (ownMotoEnvironment != null) {
            // Only in the class that started it (remove does not look into enclosing classes' stores).
            RunningEmulator own = context.getStore(NAMESPACE).remove(this, RunningEmulator.class);
            if (own != null) {
                own.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        return parameterContext.getParameter().getType() == AwsEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        if (unavailable(extensionContext) != null) {
            return null; // for a @BeforeAll method, which is then skipped; tests were aborted before resolving theirs
        }
        if (ownMotoEnvironment == null) {
            return EmulatorLauncher.shared().emulator();
        }
        RunningEmulator own = extensionContext.getStore(NAMESPACE).get(this, RunningEmulator.class);
        if (own == null) {
            throw new ParameterResolutionException("AwsEmulatorExtension.ownMoto() starts its server before the class's"
                    + " @BeforeAll methods: register it on a static field, and ask for AwsEmulator in @BeforeAll,"
                    + " @BeforeEach or test methods (not constructors)");
        }
        return own.emulator();
    }

    private static void keepSdkOffInstanceMetadata() {
        if (System.getenv("AWS_EC2_METADATA_DISABLED") == null && System.getProperty("aws.disableEc2Metadata") == null) {
            System.setProperty("aws.disableEc2Metadata", "true");
        }
    }
}
