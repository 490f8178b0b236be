package io.roxxane.it.provisioner;

import io.roxxane.testsupport.AwsEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.ListDeliveryStreamsResponse;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Scans every service the provisioner uses for resources tagged {@code roxxane:stack=<stack>}. */
public final class TaggedResources {
    private static final String TAG = "roxxane:stack";

    private TaggedResources() {
    }

    public static List<String> find(AwsEmulator aws, String stack) {
        List<String> found = new ArrayList<>();
        try (S3Client s3 = aws.configure(S3Client.builder()).forcePathStyle(true).build();
             IamClient iam = aws.configure(IamClient.builder()).build();
             LambdaClient lambda = aws.configure(LambdaClient.builder()).build();
             GlueClient glue = aws.configure(GlueClient.builder()).build();
             CloudWatchLogsClient logs = aws.configure(CloudWatchLogsClient.builder()).build();
             FirehoseClient firehose = aws.configure(FirehoseClient.builder()).build()) {
            for (Bucket bucket : s3.listBuckets().buckets()) {
                try {
                    if (s3.getBucketTagging(r -> r.bucket(bucket.name())).tagSet().stream()
                            .anyMatch(t -> t.key().equals(TAG) && t.value().equals(stack))) {
                        found.add("bucket " + bucket.name());
                    }
                } catch (S3Exception e) {
                    // untagged bucket
                }
            }
            for (Role role : iam.listRolesPaginator().roles()) {
                if (iam.listRoleTags(r -> r.roleName(role.roleName())).tags().stream()
                        .anyMatch(t -> t.key().equals(TAG) && t.value().equals(stack))) {
                    found.add("role " + role.roleName());
                }
            }
            for (FunctionConfiguration function : lambda.listFunctionsPaginator().functions()) {
                if (stack.equals(lambda.listTags(r -> r.resource(function.functionArn())).tags().get(TAG))) {
                    found.add("function " + function.functionName());
                }
            }
            for (Database database : glue.getDatabasesPaginator(r -> { }).stream().flatMap(page -> page.databaseList().stream()).toList()) {
                String arn = "arn:aws:glue:" + aws.region() + ":" + aws.accountId() + ":database/" + database.name();
                Map<String, String> tags = glue.getTags(r -> r.resourceArn(arn)).tags();
                if (stack.equals(tags.get(TAG))) {
                    found.add("glue database " + database.name());
                }
            }
            for (LogGroup group : logs.describeLogGroupsPaginator(r -> { }).logGroups()) {
                String arn = group.arn().endsWith(":*") ? group.arn().substring(0, group.arn().length() - 2) : group.arn();
                if (stack.equals(logs.listTagsForResource(r -> r.resourceArn(arn)).tags().get(TAG))) {
                    found.add("log group " + group.logGroupName());
                }
            }
            for (String name : deliveryStreamNames(firehose)) {
                if (firehose.listTagsForDeliveryStream(r -> r.deliveryStreamName(name)).tags().stream()
                        .anyMatch(t -> t.key().equals(TAG) && t.value().equals(stack))) {
                    found.add("delivery stream " + name);
                }
            }
        }
        return found;
    }

    /** Every stream name: ListDeliveryStreams returns at most 10 per call unless asked for more, and has no paginator. */
    static List<String> deliveryStreamNames(FirehoseClient firehose) {
        List<String> names = new ArrayList<>();
        while (true) {
            String after = names.isEmpty() ? null : names.get(names.size() - 1);
            ListDeliveryStreamsResponse page = firehose.listDeliveryStreams(r -> r.limit(10).exclusiveStartDeliveryStreamName(after));
            names.addAll(page.deliveryStreamNames());
            if (!Boolean.TRUE.equals(page.hasMoreDeliveryStreams()) || page.deliveryStreamNames().isEmpty()) {
                return names;
            }
        }
    }
}
