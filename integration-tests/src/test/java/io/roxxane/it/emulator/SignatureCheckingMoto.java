package io.roxxane.it.emulator;

import java.nio.file.Path;
import java.util.Map;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * A {@code moto_server} of its own that checks every request's SigV4 signature against the IAM
 * users it knows (moto's {@code INITIAL_NO_AUTH_ACTION_COUNT}: the first calls, which create the
 * user, go unchecked). LocalStack's community edition does not check signatures, so this always
 * runs moto, whichever emulator the other tests use: under {@code CI=true} a missing
 * {@code moto_server} fails the test instead of skipping it.
 */
public final class SignatureCheckingMoto implements AutoCloseable {
    /** CreateUser, CreateAccessKey, PutUserPolicy. */
    private static final int UNCHECKED_SETUP_CALLS = 3;

    private final MotoServer server;
    private final AwsEmulator emulator;

    private SignatureCheckingMoto(MotoServer server, AwsEmulator emulator) {
        this.server = server;
        this.emulator = emulator;
    }

    /** Starts moto and creates a user allowed everything; {@link #emulator()} carries its key. */
    public static SignatureCheckingMoto start() {
        Path executable = EmulatorLauncher.motoServer().orElse(null);
        if (executable == null) {
            String why = "moto_server is neither on the PATH nor named by MOTO_SERVER";
            if (EmulatorLauncher.isCi()) {
                throw new IllegalStateException("CI=true and " + why + ": the signature tests must run in CI");
            }
            throw new TestAbortedException("skipped, " + why);
        }
        MotoServer server = MotoServer.start(executable, EmulatorLauncher.logDirectory(),
                Map.of("INITIAL_NO_AUTH_ACTION_COUNT", Integer.toString(UNCHECKED_SETUP_CALLS)));
        try {
            AwsEmulator unchecked = server.emulator();
            AccessKey key;
            try (IamClient iam = IamClient.builder().endpointOverride(unchecked.endpoint()).region(Region.AWS_GLOBAL)
                    .credentialsProvider(unchecked.credentialsProvider()).build()) {
                iam.createUser(r -> r.userName("roxxane-agent"));
                key = iam.createAccessKey(r -> r.userName("roxxane-agent")).accessKey();
                iam.putUserPolicy(r -> r.userName("roxxane-agent").policyName("everything").policyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
            }
            return new SignatureCheckingMoto(server, new AwsEmulator("moto", unchecked.endpoint(), unchecked.region(),
                    key.accessKeyId(), key.secretAccessKey(), unchecked.accountId()));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Endpoint, region and the IAM user's real key. */
    public AwsEmulator emulator() {
        return emulator;
    }

    @Override
    public void close() {
        server.close();
    }
}
