package io.roxxane.it.provisioner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.it.TestResources;
import io.roxxane.testsupport.AwsEmulator;
import io.roxxane.testsupport.AwsEmulatorExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Names the stack does not own: apply refuses to adopt them and fails only what depends on them,
 * converges once the name is free; destroy deletes only what carries the stack's tag.
 */
@ExtendWith(AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvisionerConflictTest {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private AwsEmulator aws;
    private IamClient iam;
    private GlueClient glue;
    private String stack;
    private ProvisionerRun provisioner;

    @BeforeAll
    void setUp(AwsEmulator emulator, @TempDir Path directory) throws IOException {
        aws = emulator;
        iam = aws.configure(IamClient.builder()).build();
        glue = aws.configure(GlueClient.builder()).build();
        stack = TestResources.uniqueName("it-conflict-");
        Path transformJar = StandInJars.copyOrCreate(directory, "transform", "transform.jar");
        Path registrarJar = StandInJars.copyOrCreate(directory, "partition-registrar", "partition-registrar.jar");
        provisioner = new ProvisionerRun(aws, Map.of("STACK_NAME", stack, "TRANSFORM_JAR", transformJar.toString(),
                "REGISTRAR_JAR", registrarJar.toString(), "STATE_FILE", directory.resolve("state.json").toString()), directory);
    }

    @AfterAll
    void tearDown() {
        if (provisioner != null) {
            provisioner.inProcess("destroy", "--delete-data");
        }
        for (String role : List.of(stack + "-firehose", stack + "-transform-role")) {
            try {
                iam.listRolePolicies(r -> r.roleName(role)).policyNames()
                        .forEach(policy -> iam.deleteRolePolicy(r -> r.roleName(role).policyName(policy)));
                iam.deleteRole(r -> r.roleName(role));
            } catch (NoSuchEntityException e) {
                // already gone
            }
        }
        TestResources.closeAll(iam, glue);
    }

    @Test
    @Order(1)
    void apply_whenRoleNameTakenByUntaggedRole_failsItsDependentsOnlyAndConvergesOnceFreed() {
        String roleName = stack + "-firehose";
        iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(TRUST));

        ProvisionerRun.Result apply = provisioner.inProcess("apply");

        assertEquals(1, apply.exitCode(), apply.output());
        assertTrue(apply.output().contains("IAM role " + roleName + ": FAILED"), apply.output());
        assertTrue(apply.output().contains("exists without tag roxxane:stack=" + stack + " (untagged)"), apply.output());
        assertTrue(apply.output().contains("Firehose stream " + stack + "-metrics: skipped: firehose-role failed"), apply.output());
        assertTrue(apply.output().contains("10 created"), apply.output());
        assertTrue(iam.getRole(r -> r.roleName(roleName)).role().assumeRolePolicyDocument().contains("ec2.amazonaws.com"));
        assertEquals(1, provisioner.inProcess("status").exitCode());

        iam.deleteRole(r -> r.roleName(roleName));
        ProvisionerRun.Result again = provisioner.inProcess("apply");

        assertEquals(0, again.exitCode(), again.output());
        assertTrue(again.output().contains("2 created, 0 updated, 0 replaced, 10 unchanged"), again.output());
    }

    @Test
    @Order(2)
    void destroy_whenGlueDatabaseHoldsAnUntaggedTable_keepsDatabaseAndThatTable() {
        String database = stack.replace('-', '_');
        glue.createTable(r -> r.databaseName(database).tableInput(t -> t.name("someone_elses").tableType("EXTERNAL_TABLE")
                .parameters(Map.of("owner", "analytics"))));

        ProvisionerRun.Result destroy = provisioner.inProcess("destroy", "--delete-data");

        assertEquals(0, destroy.exitCode(), destroy.output());
        assertTrue(destroy.output().contains("Glue table " + database + ".metrics: deleted"), destroy.output());
        assertTrue(destroy.output().contains("Glue database " + database + ": kept, it holds 1 table(s) not made by this stack"
                + " (someone_elses)"), destroy.output());
        assertEquals("analytics", glue.getTable(r -> r.databaseName(database).name("someone_elses")).table().parameters().get("owner"));
        assertEquals(List.of("glue database " + database), TaggedResources.find(aws, stack));

        glue.deleteTable(r -> r.databaseName(database).name("someone_elses"));
        assertEquals(0, provisioner.inProcess("apply").exitCode());
    }

    @Test
    @Order(3)
    void destroy_whenResourceLostTheStackTag_keepsItAndDeletesTheRest() {
        String roleName = stack + "-transform-role";
        iam.untagRole(r -> r.roleName(roleName).tagKeys("roxxane:stack"));

        ProvisionerRun.Result destroy = provisioner.inProcess("destroy", "--delete-data");

        assertEquals(0, destroy.exitCode(), destroy.output());
        assertTrue(destroy.output().contains("IAM role " + roleName + ": kept, it does not carry roxxane:stack=" + stack),
                destroy.output());
        assertTrue(destroy.output().contains("Lambda function " + stack + "-transform: deleted"), destroy.output());
        assertEquals(roleName, iam.getRole(r -> r.roleName(roleName)).role().roleName());
        assertEquals(List.of(), TaggedResources.find(aws, stack));
    }
}
