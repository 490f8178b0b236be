package io.roxxane.provisioner.aws;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Telling "it is not there" apart from real failures. */
public final class AwsErrors {
    private static final Set<String> NOT_FOUND = Set.of("NoSuchEntity", "ResourceNotFoundException", "EntityNotFoundException",
            "NoSuchBucket", "NoSuchBucketPolicy", "NoSuchLifecycleConfiguration", "NoSuchTagSet", "NoSuchTagSetError",
            "ServerSideEncryptionConfigurationNotFoundError", "NoSuchPublicAccessBlockConfiguration",
            "OwnershipControlsNotFoundError", "NotFound", "NoSuchKey");

    private AwsErrors() {
    }

    public static boolean isNotFound(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return (code != null && NOT_FOUND.contains(code)) || e.statusCode() == 404;
    }
}
