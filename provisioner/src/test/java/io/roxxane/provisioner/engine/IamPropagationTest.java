package io.roxxane.provisioner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.provisioner.aws.IamPropagation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class IamPropagationTest {
    private static AwsServiceException error(String code, String message) {
        return AwsServiceException.builder().statusCode(400).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @Test
    void retry_whenRoleNotYetAssumable_backsOffAndSucceeds() {
        List<Duration> pauses = new ArrayList<>();
        AtomicInteger attempts = new AtomicInteger();

        String result = new IamPropagation(Duration.ofSeconds(60), pauses::add).retry("create function", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw error("InvalidParameterValueException", "The role defined for the function cannot be assumed by Lambda.");
            }
            return "created";
        });

        assertEquals("created", result);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), pauses);
    }

    @Test
    void retry_whenErrorIsNotAboutIam_failsAtOnce() {
        AwsServiceException other = error("ResourceConflictException", "Function already exist");

        AwsServiceException thrown = assertThrows(AwsServiceException.class,
                () -> new IamPropagation(Duration.ofSeconds(60), pause -> { }).retry("x", () -> {
                    throw other;
                }));

        assertSame(other, thrown);
    }

    @Test
    void retry_whenDeadlinePasses_failsNamingTheSettingAndLastError() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> new IamPropagation(Duration.ZERO, pause -> { }).retry("create stream", () -> {
                    throw error("InvalidArgumentException", "Firehose is unable to assume role arn:aws:iam::1:role/r");
                }));

        assertTrue(thrown.getMessage().contains("IAM_PROPAGATION_TIMEOUT"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("unable to assume role"), thrown.getMessage());
    }

    @Test
    void retry_whenUnrelatedErrorMentionsARole_failsAtOnce() {
        List<Duration> pauses = new ArrayList<>();
        for (AwsServiceException unrelated : List.of(
                error("InvalidParameterValueException", "1 validation error detected: Value 'arn:aws:iam::1:role/x y' at 'role'"
                        + " failed to satisfy constraint: Member must satisfy regular expression pattern"),
                error("InvalidParameterValueException", "The role or permission boundary is invalid for this function"),
                error("AccessDeniedException", "User: arn:aws:sts::1:assumed-role/ci/s is not authorized to perform: iam:PassRole"
                        + " on resource: arn:aws:iam::1:role/x"),
                error("InvalidArgumentException", "Access was denied: missing permission for the role"))) {
            AwsServiceException thrown = assertThrows(AwsServiceException.class,
                    () -> new IamPropagation(Duration.ofSeconds(120), pauses::add).retry("x", () -> {
                        throw unrelated;
                    }));
            assertSame(unrelated, thrown);
        }
        assertEquals(List.of(), pauses);
    }

    @Test
    void retry_whenKnownPropagationMessage_retries() {
        for (AwsServiceException propagating : List.of(
                error("InvalidParameterValueException", "The role defined for the function cannot be assumed by Lambda."),
                error("InvalidArgumentException", "Firehose is unable to assume role arn:aws:iam::1:role/r. Please check the role provided."),
                error("InvalidArgumentException", "Role arn:aws:iam::1:role/r is not authorized to perform: glue:GetTableVersions"
                        + " for the given table or the table does not exist."),
                error("InvalidArgumentException", "Access was denied when calling Glue. Please ensure that the role specified in"
                        + " the data format conversion configuration has the necessary permissions."),
                error("InvalidArgument", "Unable to validate the following destination configurations"))) {
            AtomicInteger attempts = new AtomicInteger();
            String result = new IamPropagation(Duration.ofSeconds(60), pause -> { }).retry("x", () -> {
                if (attempts.incrementAndGet() < 2) {
                    throw propagating;
                }
                return "ok";
            });
            assertEquals("ok", result, propagating.getMessage());
        }
    }
}
