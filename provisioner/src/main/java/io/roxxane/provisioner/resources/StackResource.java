package io.roxxane.provisioner.resources;

import io.roxxane.provisioner.aws.AwsClients;
import io.roxxane.provisioner.aws.AwsErrors;
import io.roxxane.provisioner.engine.Observation;
import io.roxxane.provisioner.engine.Planner;
import io.roxxane.provisioner.engine.Resource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * What every resource of the stack shares: who it is ({@link Identity}), its desired spec, the
 * stack's context, that a "not found" while reading means absent, and where its stack tag is.
 * A subclass adds only how to observe, create, update and delete its resource.
 */
public abstract class StackResource<S extends Record> implements Resource<S> {
    /**
     * Who a resource is: its key in the graph, its kind for people, its physical name, its ARN
     * (known before it exists) and the keys of the resources that must exist first.
     */
    protected record Identity(String key, String type, String name, String arn, List<String> dependsOn) {
        public Identity {
            dependsOn = List.copyOf(dependsOn);
        }
    }

    private final StackContext context;
    private final Identity identity;
    private final S desired;

    protected StackResource(StackContext context, Identity identity, S desired) {
        this.context = context;
        this.identity = identity;
        this.desired = desired;
    }

    @Override
    public final String key() {
        return identity.key();
    }

    @Override
    public final String type() {
        return identity.type();
    }

    @Override
    public final String name() {
        return identity.name();
    }

    @Override
    public final String arn() {
        return identity.arn();
    }

    @Override
    public final List<String> dependsOn() {
        return identity.dependsOn();
    }

    @Override
    public final S desired() {
        return desired;
    }

    /** What exists now; AWS saying "not found" to any call of {@link #observe()} means it does not exist. */
    @Override
    public final Observation<S> read() {
        try {
            return observe();
        } catch (AwsServiceException e) {
            if (AwsErrors.isNotFound(e)) {
                return Observation.absent();
            }
            throw e;
        }
    }

    /** Reads the resource as it is, in spec form, with the stack tag it carries. */
    protected abstract Observation<S> observe();

    protected final StackContext context() {
        return context;
    }

    protected final AwsClients clients() {
        return context.clients();
    }

    /** Runs a call that may fail while a new IAM role or permission propagates, e.g. {@code "create"}. */
    protected final void retryWhileIamPropagates(String verb, Runnable call) {
        context.propagation().run(verb + " " + label(), call);
    }

    /** The stack tag's value in tags as a map, or null. */
    protected static String stackTagIn(Map<String, String> tags) {
        return tags == null ? null : tags.get(Planner.STACK_TAG);
    }

    /** The stack tag's value in a service's tag objects, or null. */
    protected static <T> String stackTagIn(Collection<T> tags, Function<T, String> key, Function<T, String> value) {
        if (tags == null) {
            return null;
        }
        return tags.stream().filter(tag -> Planner.STACK_TAG.equals(key.apply(tag))).map(value).findFirst().orElse(null);
    }
}
