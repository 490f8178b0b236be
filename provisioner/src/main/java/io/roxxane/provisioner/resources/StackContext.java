package io.roxxane.provisioner.resources;

import io.roxxane.provisioner.aws.AwsClients;
import io.roxxane.provisioner.aws.IamPropagation;
import io.roxxane.provisioner.engine.Planner;
import io.roxxane.provisioner.stack.StackLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** What every resource of one stack shares: names and ARNs, the clients, the IAM retry policy. */
public record StackContext(StackLayout layout, AwsClients clients, IamPropagation propagation) {

    public String stackName() {
        return layout.settings().stackName();
    }

    /** The tags every taggable resource carries. */
    public Map<String, String> tags() {
        return Map.of(Planner.STACK_TAG, stackName());
    }

    /** {@link #tags()} as one service's tag objects, e.g. {@code (k, v) -> Tag.builder().key(k).value(v).build()}. */
    public <T> List<T> tags(BiFunction<String, String, T> tag) {
        List<T> tags = new ArrayList<>();
        tags().forEach((key, value) -> tags.add(tag.apply(key, value)));
        return tags;
    }

    /** The account id, for the expected-bucket-owner checks. */
    public String accountId() {
        return layout.identity().accountId();
    }
}
