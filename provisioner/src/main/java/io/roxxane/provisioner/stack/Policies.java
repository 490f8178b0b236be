package io.roxxane.provisioner.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The IAM and bucket policy documents, each scoped to exactly the resources of this stack. */
public final class Policies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Policies() {
    }

    /** Lambda may assume the role, for functions of this account only. */
    public static JsonNode lambdaTrust(StackLayout layout) {
        return trust("lambda.amazonaws.com", "aws:SourceAccount", layout.identity().accountId());
    }

    /** Firehose may assume the role, only on behalf of this account (the external id Firehose sends). */
    public static JsonNode firehoseTrust(StackLayout layout) {
        return trust("firehose.amazonaws.com", "sts:ExternalId", layout.identity().accountId());
    }

    /** Basic execution: write logs to the function's own log group, nothing else. */
    public static JsonNode lambdaBasicExecution(StackLayout layout, String functionName) {
        ObjectNode policy = document();
        statements(policy).add(statement("WriteOwnLogs",
                List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(layout.lambdaLogGroupArn(functionName) + ":*")));
        return policy;
    }

    /** The partition registrar: its logs, and registering partitions of this one table. */
    public static JsonNode registrar(StackLayout layout, String functionName) {
        ObjectNode policy = (ObjectNode) lambdaBasicExecution(layout, functionName);
        statements(policy).add(statement("RegisterPartitionsOfOneTable",
                List.of("glue:GetTable", "glue:GetPartition", "glue:BatchCreatePartition"),
                List.of(layout.catalogArn(), layout.databaseArn(), layout.tableArn())));
        return policy;
    }

    /** Firehose: this bucket, this transform function, this Glue table's schema, this log group. */
    public static JsonNode firehose(StackLayout layout) {
        String transform = layout.functionArn(layout.settings().transformFunctionName());
        ObjectNode policy = document();
        ArrayNode statements = statements(policy);
        statements.add(statement("WriteDataBucket", List.of("s3:AbortMultipartUpload", "s3:GetBucketLocation", "s3:GetObject",
                "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:PutObject"),
                List.of(layout.bucketArn(), layout.bucketArn() + "/*")));
        statements.add(statement("InvokeTransform", List.of("lambda:InvokeFunction", "lambda:GetFunctionConfiguration"),
                List.of(transform, transform + ":*")));
        statements.add(statement("ReadTableSchema", List.of("glue:GetTable", "glue:GetTableVersion", "glue:GetTableVersions"),
                List.of(layout.catalogArn(), layout.databaseArn(), layout.tableArn())));
        statements.add(statement("WriteDeliveryErrors", List.of("logs:PutLogEvents"),
                List.of(layout.logGroupArn() + ":log-stream:*")));
        return policy;
    }

    /** Deny every request to the bucket and its objects that does not use TLS. */
    public static JsonNode tlsOnlyBucket(StackLayout layout) {
        ObjectNode policy = document();
        ObjectNode deny = statements(policy).addObject();
        deny.put("Sid", "DenyInsecureTransport");
        deny.put("Effect", "Deny");
        deny.put("Principal", "*");
        deny.put("Action", "s3:*");
        ArrayNode resources = deny.putArray("Resource");
        resources.add(layout.bucketArn());
        resources.add(layout.bucketArn() + "/*");
        deny.putObject("Condition").putObject("Bool").put("aws:SecureTransport", "false");
        return policy;
    }

    /** Parses a policy as AWS returns it: plain JSON, or URL-encoded JSON (IAM). */
    public static JsonNode parse(String document) {
        if (document == null) {
            return null;
        }
        String text = document.strip();
        if (!text.startsWith("{")) {
            text = URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("policy is not JSON: " + document, e);
        }
    }

    public static String toJson(JsonNode policy) {
        try {
            return JSON.writeValueAsString(policy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode trust(String service, String conditionKey, String accountId) {
        ObjectNode policy = document();
        ObjectNode allow = statements(policy).addObject();
        allow.put("Effect", "Allow");
        allow.putObject("Principal").put("Service", service);
        allow.put("Action", "sts:AssumeRole");
        allow.putObject("Condition").putObject("StringEquals").put(conditionKey, accountId);
        return policy;
    }

    private static ArrayNode statements(ObjectNode policy) {
        return (ArrayNode) policy.get("Statement");
    }

    private static ObjectNode document() {
        ObjectNode policy = JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        policy.putArray("Statement");
        return policy;
    }

    private static ObjectNode statement(String sid, List<String> actions, List<String> resources) {
        ObjectNode statement = JSON.createObjectNode();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        ArrayNode actionArray = statement.putArray("Action");
        actions.forEach(actionArray::add);
        ArrayNode resourceArray = statement.putArray("Resource");
        resources.forEach(resourceArray::add);
        return statement;
    }
}
