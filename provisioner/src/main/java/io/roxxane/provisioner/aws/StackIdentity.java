package io.roxxane.provisioner.aws;

import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** The account, partition and region the stack lives in; decides every ARN. */
public record StackIdentity(String accountId, String partition, String region) {

    public static StackIdentity of(GetCallerIdentityResponse caller, String region) {
        return new StackIdentity(caller.account(), Arn.fromString(caller.arn()).partition(), region);
    }
}
