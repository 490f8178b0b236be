package io.roxxane.provisioner.resources;

import io.roxxane.provisioner.engine.DeleteResult;
import io.roxxane.provisioner.engine.Difference;
import io.roxxane.provisioner.engine.Observation;
import io.roxxane.provisioner.resources.spec.BucketNotificationSpec;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;

/**
 * S3 tells the partition registrar about every new data object, so that new partitions are
 * registered as they appear. Other notification configurations of the bucket are kept.
 */
public final class BucketNotificationResource extends StackResource<BucketNotificationSpec> {
    public static final String KEY = "bucket-notification";
    static final String CONFIGURATION_ID = "roxxane-partition-registrar";
    /** S3 takes the rule name in either case; its documentation and moto use lower case. */
    private static final String PREFIX_RULE = "prefix";

    public BucketNotificationResource(StackContext context, String functionArn, List<String> dependsOn) {
        super(context, new Identity(KEY, "S3 notification", context.layout().bucketName() + "/" + CONFIGURATION_ID,
                        context.layout().bucketArn(), dependsOn),
                new BucketNotificationSpec(functionArn, List.of("s3:ObjectCreated:*"), context.layout().settings().prefix() + "/"));
    }

    private String bucket() {
        return context().layout().bucketName();
    }

    private GetBucketNotificationConfigurationResponse configuration() {
        return clients().s3().getBucketNotificationConfiguration(r -> r.bucket(bucket()).expectedBucketOwner(context().accountId()));
    }

    @Override
    protected Observation<BucketNotificationSpec> observe() {
        for (LambdaFunctionConfiguration lambda : configuration().lambdaFunctionConfigurations()) {
            if (CONFIGURATION_ID.equals(lambda.id())) {
                String prefix = null;
                if (lambda.filter() != null && lambda.filter().key() != null) {
                    prefix = lambda.filter().key().filterRules().stream()
                            .filter(rule -> rule.name() == FilterRuleName.PREFIX || PREFIX_RULE.equalsIgnoreCase(rule.nameAsString()))
                            .map(FilterRule::value).findFirst().orElse(null);
                }
                BucketNotificationSpec current = new BucketNotificationSpec(lambda.lambdaFunctionArn(),
                        List.copyOf(lambda.eventsAsStrings()), prefix);
                // The configuration belongs to the bucket: it is ours when the bucket is.
                return Observation.of(current, BucketResource.stackTag(context()));
            }
        }
        return Observation.absent();
    }

    @Override
    public void create() {
        put(true);
    }

    @Override
    public void update(BucketNotificationSpec current, List<Difference> differences) {
        put(true);
    }

    @Override
    public DeleteResult delete(boolean deleteData) {
        put(false);
        return DeleteResult.deleted();
    }

    /** Writes the bucket's notification configuration with ours replaced (or removed) and every other entry kept. */
    private void put(boolean withOurs) {
        GetBucketNotificationConfigurationResponse existing = configuration();
        List<LambdaFunctionConfiguration> lambdas = new ArrayList<>(existing.lambdaFunctionConfigurations());
        lambdas.removeIf(lambda -> CONFIGURATION_ID.equals(lambda.id()));
        if (withOurs) {
            lambdas.add(LambdaFunctionConfiguration.builder().id(CONFIGURATION_ID).lambdaFunctionArn(desired().functionArn())
                    .eventsWithStrings(desired().events())
                    .filter(f -> f.key(k -> k.filterRules(FilterRule.builder().name(PREFIX_RULE)
                            .value(desired().filterPrefix()).build())))
                    .build());
        }
        NotificationConfiguration configuration = NotificationConfiguration.builder()
                .lambdaFunctionConfigurations(lambdas)
                .queueConfigurations(existing.queueConfigurations())
                .topicConfigurations(existing.topicConfigurations())
                .eventBridgeConfiguration(existing.eventBridgeConfiguration())
                .build();
        context().propagation().run("configure notifications of bucket " + bucket(), () -> clients().s3()
                .putBucketNotificationConfiguration(r -> r.bucket(bucket()).expectedBucketOwner(context().accountId())
                        .notificationConfiguration(configuration)));
    }
}
