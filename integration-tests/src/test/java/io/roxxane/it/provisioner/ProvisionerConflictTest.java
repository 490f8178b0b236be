package io.roxxane.it.provisioner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.it.emulator.AwsEmulator;
import io.roxxane.it.emulator.AwsEmulatorExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/** A name already taken by something the stack does not own: apply refuses to adopt it, destroy leaves it. */
@ExtendWith(AwsEmulatorExtension.class)
class ProvisionerConflictTest {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    @Test
    void apply_whenRoleNameTakenByUntaggedRole_failsNamingItAndLeavesItUntouched(AwsEmulator aws, @TempDir Path directory)
            throws Exception {
        String stack = "it-conflict-" + Long.toString(System.nanoTime() % 100_000, 36);
        String roleName = stack + "-firehose";
        Path transformJar = StandInJars.copyOrCreate(directory, "transform", "transform.jar");
        Path registrarJar = StandInJars.copyOrCreate(directory, "partition-registrar", "partition-registrar.jar");
        ProvisionerRun provisioner = new ProvisionerRun(aws, Map.of("STACK_NAME", stack, "TRANSFORM_JAR", transformJar.toString(),
                "REGISTRAR_JAR", registrarJar.toString(), "STATE_FILE", directory.resolve("state.json").toString()), directory);
        try (IamClient iam = aws.configure(IamClient.builder()).build()) {
            iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(TRUST));
            try {
                ProvisionerRun.Result apply = provisioner.inProcess("apply");

                assertEquals(1, apply.exitCode(), apply.output());
                assertTrue(apply.output().contains("IAM role " + roleName + ": FAILED"), apply.output());
                assertTrue(apply.output().contains("exists without tag roxxane:stack=" + stack + " (untagged)"), apply.output());
                assertTrue(apply.output().contains("Firehose stream " + stack + "-metrics: skipped: firehose-role failed"),
                        apply.output());
                assertTrue(iam.getRole(r -> r.roleName(roleName)).role().assumeRolePolicyDocument().contains("ec2.amazonaws.com"));
                assertEquals(1, provisioner.inProcess("status").exitCode());

                ProvisionerRun.Result destroy = provisioner.inProcess("destroy", "--delete-data");

                assertEquals(0, destroy.exitCode(), destroy.output());
                assertTrue(destroy.output().contains("IAM role " + roleName + ": kept, it does not carry roxxane:stack=" + stack),
                        destroy.output());
                assertEquals(roleName, iam.getRole(r -> r.roleName(roleName)).role().roleName());
                assertEquals(List.of(), TaggedResources.find(aws, stack));
            } finally {
                iam.deleteRole(r -> r.roleName(roleName));
            }
        }
    }
}
