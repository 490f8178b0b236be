package io.roxxane.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.it.BuiltJars;
import io.roxxane.testsupport.AwsEmulator;
import io.roxxane.testsupport.AwsEmulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The agent's PutRecordBatch, signed by the SDK's SigV4 signer in {@code SignedFirehoseCall},
 * against a moto that checks every signature with botocore (not the SDK): {@code check}'s test
 * put and a workload JVM's samples are accepted with the IAM user's key, and a wrong secret gets
 * one line naming the credentials. LocalStack's community edition does not check signatures, so
 * this class has a {@code moto_server} of its own whichever emulator the other classes share.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentSignatureTest {
    /** CreateUser, CreateAccessKey, PutUserPolicy go unchecked; moto checks every later request's signature. */
    private static final int UNCHECKED_SETUP_CALLS = 3;

    @RegisterExtension
    static final AwsEmulatorExtension MOTO = AwsEmulatorExtension.ownMoto(
            Map.of("INITIAL_NO_AUTH_ACTION_COUNT", Integer.toString(UNCHECKED_SETUP_CALLS)));

    private static final String STREAM = "signed-metrics";
    private static final String BUCKET = "roxxane-signed";

    private AwsEmulator aws;
    private Path agentJar;
    private S3Client s3;

    @TempDir
    Path directory;

    @BeforeAll
    void start(AwsEmulator unchecked) {
        aws = withAnIamUser(unchecked);
        agentJar = BuiltJars.agent();
        s3 = aws.configure(S3Client.builder()).forcePathStyle(true).build();
        s3.createBucket(r -> r.bucket(BUCKET));
        try (FirehoseClient firehose = aws.configure(FirehoseClient.builder()).build()) {
            firehose.createDeliveryStream(r -> r.deliveryStreamName(STREAM).deliveryStreamType("DirectPut")
                    .extendedS3DestinationConfiguration(d -> d.bucketARN("arn:aws:s3:::" + BUCKET)
                            .roleARN("arn:aws:iam::" + aws.accountId() + ":role/firehose")));
        }
    }

    @AfterAll
    void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    /** Creates an IAM user allowed everything (the unchecked calls); the emulator with the user's key. */
    private static AwsEmulator withAnIamUser(AwsEmulator unchecked) {
        AccessKey key;
        try (IamClient iam = IamClient.builder().endpointOverride(unchecked.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(unchecked.credentialsProvider()).build()) {
            iam.createUser(r -> r.userName("roxxane-agent"));
            key = iam.createAccessKey(r -> r.userName("roxxane-agent")).accessKey();
            iam.putUserPolicy(r -> r.userName("roxxane-agent").policyName("everything").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
        }
        return unchecked.withCredentials(key.accessKeyId(), key.secretAccessKey());
    }

    @Test
    void check_withTheUsersKey_passesTheTestPut() throws Exception {
        Result check = check(aws.secretAccessKey());

        assertEquals(0, check.exitCode, check.output);
        assertTrue(check.output.contains("OK    test put accepted"), check.output);
    }

    @Test
    void check_withAWrongSecret_failsTheTestPutNamingTheCredentials() throws Exception {
        Result check = check("not" + aws.secretAccessKey());

        assertEquals(1, check.exitCode, check.output);
        assertTrue(check.output.contains("FAIL  test put failed: Firehose refused the agent's credentials for stream '"
                + STREAM + "' (") && check.output.contains("HTTP 403"), check.output);
    }

    @Test
    void agent_shipsSamplesThatMotoAcceptsAsSigned() throws Exception {
        String args = "stream=" + STREAM + ",region=" + aws.region() + ",endpoint=" + aws.endpoint()
                + ",service=signed,interval=1s,flush=1s";
        try (WorkloadJvm workload = WorkloadJvm.start(agentJar, args, 6, environment(aws.secretAccessKey()),
                directory, "signed-workload")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (workload.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(0, workload.stop(), "the workload ends by itself after 6 s: " + workload.output());
            String output = workload.output();
            assertTrue(!output.contains("refused") && !output.contains("[roxxane] WARN"), output);
        }
        long samples = 0;
        for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents()) {
            String text = s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(object.key())).asString(StandardCharsets.UTF_8);
            samples += text.lines().filter(line -> line.contains("\"service\":\"signed\"")).count();
        }
        assertTrue(samples >= 3, "samples delivered through the signature check: " + samples);
    }

    private record Result(int exitCode, String output) {
    }

    private Result check(String secret) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", agentJar.toString(), "check", "stream=" + STREAM, "region=" + aws.region(),
                "endpoint=" + aws.endpoint()));
        Path log = directory.resolve("check-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("ROXXANE_"));
        builder.environment().putAll(environment(secret));
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("check did not finish in 60 s: " + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    private Map<String, String> environment(String secret) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", aws.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", secret);
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        return env;
    }
}
