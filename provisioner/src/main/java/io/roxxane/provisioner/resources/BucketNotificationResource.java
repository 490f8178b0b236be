package io.roxxane.provisioner.resources;

import io.roxxane.provisioner.engine.DeleteResult;
import io.roxxane.provisioner.engine.Difference;
import io.roxxane.provisioner.engine.Observation;
import io.roxxane.provisioner.engine.Resource;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3 tells the partition registrar about every new data object, so that new partitions are
 * registered as they appear. Other notification configurations of the bucket are kept.
 */
public final class BucketNotificationResource implements Resource<BucketNotificationSpec> {
    static final String CONFIGURATION_ID = "roxxane-partition-registrar";
    /** S3 takes the rule name in either case; its documentation and moto use lower case. */
    private static final String PREFIX_RULE = "prefix";

    private final StackContext context;
    private final List<String> dependsOn;
    private final BucketNotificationSpec desired;

    public BucketNotificationResource(StackContext context, String functionArn, List<String> dependsOn) {
        this.context = context;
        this.dependsOn = List.copyOf(dependsOn);
        this.desired = new BucketNotificationSpec(functionArn, List.of("s3:ObjectCreated:*"),
                context.layout().settings().prefix() + "/");
    }

    @Override
    public String key() {
        return "bucket-notification";
    }

    @Override
    public String type() {
        return "S3 notification";
    }

    @Override
    public String name() {
        return context.layout().bucketName() + "/" + CONFIGURATION_ID;
    }

    @Override
    public String arn() {
        return context.layout().bucketArn();
    }

    @Override
    public List<String> dependsOn() {
        return dependsOn;
    }

    @Override
    public BucketNotificationSpec desired() {
        return desired;
    }

    private S3Client s3() {
        return context.clients().s3();
    }

    private String bucket() {
        return context.layout().bucketName();
    }

    @Override
    public Observation<BucketNotificationSpec> read() {
        GetBucketNotificationConfigurationResponse configuration;
        try {
            configuration = s3().getBucketNotificationConfiguration(r -> r.bucket(bucket()).expectedBucketOwner(context.accountId()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Observation.absent();
            }
            throw e;
        }
        for (LambdaFunctionConfiguration lambda : configuration.lambdaFunctionConfigurations()) {
            if (CONFIGURATION_ID.equals(lambda.id())) {
                String prefix = null;
                if (lambda.filter() != null && lambda.filter().key() != null) {
                    prefix = lambda.filter().key().filterRules().stream()
                            .filter(rule -> rule.name() == FilterRuleName.PREFIX || "prefix".equalsIgnoreCase(rule.nameAsString()))
                            .map(FilterRule::value).findFirst().orElse(null);
                }
                BucketNotificationSpec current = new BucketNotificationSpec(lambda.lambdaFunctionArn(),
                        List.copyOf(lambda.eventsAsStrings()), prefix);
                // The configuration belongs to the bucket: it is ours when the bucket is.
                return Observation.of(current, new BucketResource(context).stackTag());
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
        GetBucketNotificationConfigurationResponse existing =
                s3().getBucketNotificationConfiguration(r -> r.bucket(bucket()).expectedBucketOwner(context.accountId()));
        List<LambdaFunctionConfiguration> lambdas = new ArrayList<>(existing.lambdaFunctionConfigurations());
        lambdas.removeIf(lambda -> CONFIGURATION_ID.equals(lambda.id()));
        if (withOurs) {
            lambdas.add(LambdaFunctionConfiguration.builder().id(CONFIGURATION_ID).lambdaFunctionArn(desired.functionArn())
                    .eventsWithStrings(desired.events())
                    .filter(f -> f.key(k -> k.filterRules(FilterRule.builder().name(PREFIX_RULE)
                            .value(desired.filterPrefix()).build())))
                    .build());
        }
        NotificationConfiguration configuration = NotificationConfiguration.builder()
                .lambdaFunctionConfigurations(lambdas)
                .queueConfigurations(existing.queueConfigurations())
                .topicConfigurations(existing.topicConfigurations())
                .eventBridgeConfiguration(existing.eventBridgeConfiguration())
                .build();
        context.propagation().run("configure notifications of bucket " + bucket(), () -> s3().putBucketNotificationConfiguration(r -> r
                .bucket(bucket()).expectedBucketOwner(context.accountId()).notificationConfiguration(configuration)));
    }
}
