package io.roxxane.provisioner.resources;

import io.roxxane.provisioner.aws.AwsClients;
import io.roxxane.provisioner.aws.IamPropagation;
import io.roxxane.provisioner.engine.Planner;
import io.roxxane.provisioner.stack.StackLayout;
import java.util.Map;

/** What every resource of one stack shares: names and ARNs, the clients, the IAM retry policy. */
public record StackContext(StackLayout layout, AwsClients clients, IamPropagation propagation) {

    public String stackName() {
        return layout.settings().stackName();
    }

    /** The tags every taggable resource carries. */
    public Map<String, String> tags() {
        return Map.of(Planner.STACK_TAG, stackName());
    }

    /** The account id, for the expected-bucket-owner checks. */
    public String accountId() {
        return layout.identity().accountId();
    }
}
