package io.roxxane.provisioner.resources;

import io.roxxane.provisioner.aws.AwsErrors;
import io.roxxane.provisioner.engine.DeleteResult;
import io.roxxane.provisioner.engine.Difference;
import io.roxxane.provisioner.engine.Observation;
import io.roxxane.provisioner.resources.spec.BucketSpec;
import io.roxxane.provisioner.stack.Policies;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.OwnershipControlsRule;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3.model.Tag;

/** The data bucket. Every call says which account must own it, so another account's bucket is never touched. */
public final class BucketResource extends StackResource<BucketSpec> {
    public static final String KEY = "bucket";
    static final String EXPIRY_RULE_ID = "roxxane-expire-data";

    public BucketResource(StackContext context) {
        super(context, new Identity(KEY, "S3 bucket", context.layout().bucketName(), context.layout().bucketArn(), List.of()),
                new BucketSpec(ServerSideEncryption.AES256.toString(), true, true, true, true,
                        ObjectOwnership.BUCKET_OWNER_ENFORCED.toString(), Policies.tlsOnlyBucket(context.layout()),
                        context.layout().settings().dataExpiryDays()));
    }

    private S3Client s3() {
        return clients().s3();
    }

    private String owner() {
        return context().accountId();
    }

    @Override
    protected Observation<BucketSpec> observe() {
        try {
            s3().headBucket(r -> r.bucket(name()).expectedBucketOwner(owner()));
        } catch (S3Exception e) {
            if (e.statusCode() == 403) {
                throw new IllegalStateException("bucket " + name() + " exists but is not this account's (" + owner()
                        + ") or cannot be read: choose another BUCKET_NAME", e);
            }
            throw e;
        }
        String encryption = orNull(() -> s3().getBucketEncryption(r -> r.bucket(name()).expectedBucketOwner(owner()))
                .serverSideEncryptionConfiguration().rules().stream()
                .map(rule -> rule.applyServerSideEncryptionByDefault().sseAlgorithmAsString()).findFirst().orElse(null));
        PublicAccessBlockConfiguration block = orNull(() -> s3().getPublicAccessBlock(r -> r.bucket(name())
                .expectedBucketOwner(owner())).publicAccessBlockConfiguration());
        String ownership = orNull(() -> s3().getBucketOwnershipControls(r -> r.bucket(name()).expectedBucketOwner(owner()))
                .ownershipControls().rules().stream().map(rule -> rule.objectOwnershipAsString()).findFirst().orElse(null));
        String policy = orNull(() -> s3().getBucketPolicy(r -> r.bucket(name()).expectedBucketOwner(owner())).policy());
        List<LifecycleRule> rules = lifecycleRules();
        int expiry = rules.stream().filter(rule -> EXPIRY_RULE_ID.equals(rule.id()) && rule.status() == ExpirationStatus.ENABLED
                        && rule.expiration() != null && rule.expiration().days() != null)
                .map(rule -> rule.expiration().days()).findFirst().orElse(0);
        BucketSpec current = new BucketSpec(encryption, flag(block, PublicAccessBlockConfiguration::blockPublicAcls),
                flag(block, PublicAccessBlockConfiguration::ignorePublicAcls),
                flag(block, PublicAccessBlockConfiguration::blockPublicPolicy),
                flag(block, PublicAccessBlockConfiguration::restrictPublicBuckets), ownership,
                policy == null ? null : Policies.parse(policy), expiry);
        return Observation.of(current, stackTag(context()));
    }

    /** The stack tag of the stack's bucket, or null; what else lives in the bucket belongs to the same stack. */
    static String stackTag(StackContext context) {
        String bucket = context.layout().bucketName();
        List<Tag> tags = orNull(() -> context.clients().s3().getBucketTagging(r -> r.bucket(bucket)
                .expectedBucketOwner(context.accountId())).tagSet());
        return stackTagIn(tags, Tag::key, Tag::value);
    }

    @Override
    public void create() {
        s3().createBucket(createRequest());
        // Tagged at creation above, so that no crash can leave an untagged bucket behind (which every
        // later apply would report as a conflict). Tagged again here for S3-compatible emulators that
        // ignore tags in CreateBucket (moto): on AWS this changes nothing.
        tag();
        putEncryption();
        putPublicAccessBlock();
        putOwnership();
        putPolicy();
        putLifecycle();
    }

    /** CreateBucket with the stack's tags in CreateBucketConfiguration, owner-enforced ownership, and the region. */
    CreateBucketRequest createRequest() {
        String region = context().layout().identity().region();
        return CreateBucketRequest.builder().bucket(name()).objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .createBucketConfiguration(c -> {
                    c.tags(tags());
                    if (!region.equals("us-east-1")) {
                        c.locationConstraint(BucketLocationConstraint.fromValue(region));
                    }
                }).build();
    }

    private List<Tag> tags() {
        return context().tags((key, value) -> Tag.builder().key(key).value(value).build());
    }

    @Override
    public void update(BucketSpec current, List<Difference> differences) {
        for (Difference difference : differences) {
            switch (difference.field()) {
                case "encryption" -> putEncryption();
                case "blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets" -> putPublicAccessBlock();
                case "objectOwnership" -> putOwnership();
                case "policy" -> putPolicy();
                case "expiryDays" -> putLifecycle();
                default -> throw new IllegalStateException("no update for bucket field " + difference.field());
            }
        }
    }

    private void tag() {
        List<Tag> tags = tags();
        s3().putBucketTagging(r -> r.bucket(name()).expectedBucketOwner(owner()).tagging(t -> t.tagSet(tags)));
    }

    private void putEncryption() {
        s3().putBucketEncryption(r -> r.bucket(name()).expectedBucketOwner(owner()).serverSideEncryptionConfiguration(c -> c.rules(
                ServerSideEncryptionRule.builder().applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(desired().encryption())).build())));
    }

    private void putPublicAccessBlock() {
        s3().putPublicAccessBlock(r -> r.bucket(name()).expectedBucketOwner(owner()).publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
    }

    private void putOwnership() {
        OwnershipControlsRule rule = OwnershipControlsRule.builder().objectOwnership(desired().objectOwnership()).build();
        s3().putBucketOwnershipControls(r -> r.bucket(name()).expectedBucketOwner(owner()).ownershipControls(c -> c.rules(rule)));
    }

    private void putPolicy() {
        s3().putBucketPolicy(r -> r.bucket(name()).expectedBucketOwner(owner()).policy(Policies.toJson(desired().policy())));
    }

    /** Sets or removes this stack's expiry rule and keeps every other lifecycle rule as it is. */
    private void putLifecycle() {
        List<LifecycleRule> rules = new ArrayList<>(lifecycleRules());
        rules.removeIf(rule -> EXPIRY_RULE_ID.equals(rule.id()));
        if (desired().expiryDays() > 0) {
            rules.add(LifecycleRule.builder().id(EXPIRY_RULE_ID).status(ExpirationStatus.ENABLED)
                    .filter(LifecycleRuleFilter.builder().prefix("").build())
                    .expiration(e -> e.days(desired().expiryDays())).build());
        }
        if (rules.isEmpty()) {
            s3().deleteBucketLifecycle(r -> r.bucket(name()).expectedBucketOwner(owner()));
        } else {
            s3().putBucketLifecycleConfiguration(r -> r.bucket(name()).expectedBucketOwner(owner())
                    .lifecycleConfiguration(BucketLifecycleConfiguration.builder().rules(rules).build()));
        }
    }

    private List<LifecycleRule> lifecycleRules() {
        List<LifecycleRule> rules = orNull(() -> s3().getBucketLifecycleConfiguration(r -> r.bucket(name())
                .expectedBucketOwner(owner())).rules());
        return rules == null ? List.of() : rules;
    }

    /** Deletes the bucket only when it is empty, or with {@code deleteData} after deleting every object version. */
    @Override
    public DeleteResult delete(boolean deleteData) {
        ListObjectVersionsResponse first = s3().listObjectVersions(r -> r.bucket(name()).expectedBucketOwner(owner()).maxKeys(1));
        boolean empty = first.versions().isEmpty() && first.deleteMarkers().isEmpty();
        if (!empty && !deleteData) {
            return DeleteResult.kept("holds data; kept with its data (destroy --delete-data removes both)");
        }
        if (!empty) {
            // The bucket goes anyway; its policy must not stand in the way of deleting the objects.
            s3().deleteBucketPolicy(r -> r.bucket(name()).expectedBucketOwner(owner()));
            emptyBucket();
        }
        s3().deleteBucket(r -> r.bucket(name()).expectedBucketOwner(owner()));
        return DeleteResult.deleted();
    }

    private void emptyBucket() {
        for (ListObjectVersionsResponse page : s3().listObjectVersionsPaginator(r -> r.bucket(name()).expectedBucketOwner(owner()))) {
            List<ObjectIdentifier> batch = new ArrayList<>();
            page.versions().forEach(v -> batch.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
            page.deleteMarkers().forEach(m -> batch.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
            if (!batch.isEmpty()) {
                s3().deleteObjects(r -> r.bucket(name()).expectedBucketOwner(owner()).delete(d -> d.objects(batch).quiet(true)));
            }
        }
    }

    private static boolean flag(PublicAccessBlockConfiguration block, Function<PublicAccessBlockConfiguration, Boolean> field) {
        return block != null && Boolean.TRUE.equals(field.apply(block));
    }

    /** The value, or null when S3 says the configuration does not exist. */
    private static <T> T orNull(java.util.function.Supplier<T> call) {
        return AwsErrors.ifFound(call).orElse(null);
    }
}
