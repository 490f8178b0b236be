package io.roxxane.provisioner.aws;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Telling "it is not there" apart from real failures: by the service's exception type, error code, or HTTP 404. */
public final class AwsErrors {
    private static final Set<String> NOT_FOUND = Set.of("NoSuchEntity", "ResourceNotFoundException", "EntityNotFoundException",
            "NoSuchBucket", "NoSuchBucketPolicy", "NoSuchLifecycleConfiguration", "NoSuchTagSet", "NoSuchTagSetError",
            "ServerSideEncryptionConfigurationNotFoundError", "NoSuchPublicAccessBlockConfiguration",
            "OwnershipControlsNotFoundError", "NotFound", "NoSuchKey");
    private static final List<Class<? extends AwsServiceException>> NOT_FOUND_TYPES = List.of(
            software.amazon.awssdk.services.iam.model.NoSuchEntityException.class,
            software.amazon.awssdk.services.lambda.model.ResourceNotFoundException.class,
            software.amazon.awssdk.services.glue.model.EntityNotFoundException.class,
            software.amazon.awssdk.services.firehose.model.ResourceNotFoundException.class,
            software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException.class,
            software.amazon.awssdk.services.s3.model.NoSuchBucketException.class);

    private AwsErrors() {
    }

    public static boolean isNotFound(AwsServiceException e) {
        if (NOT_FOUND_TYPES.stream().anyMatch(type -> type.isInstance(e))) {
            return true;
        }
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return (code != null && NOT_FOUND.contains(code)) || e.statusCode() == 404;
    }

    /** The call's answer, or empty when AWS says what it asks for does not exist. */
    public static <T> Optional<T> ifFound(Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (AwsServiceException e) {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Runs a removing call; what is already gone counts as removed. */
    public static void unlessGone(Runnable call) {
        ifFound(() -> {
            call.run();
            return null;
        });
    }
}
