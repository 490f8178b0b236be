package io.roxxane.provisioner.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.roxxane.provisioner.config.Setting;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoliciesTest {
    @TempDir
    Path directory;

    private StackLayout layout() {
        return TestStacks.layout(directory, Map.of(Setting.STACK_NAME, "shop"));
    }

    private static Set<String> resources(JsonNode policy) {
        Set<String> resources = new TreeSet<>();
        for (JsonNode statement : policy.get("Statement")) {
            statement.get("Resource").forEach(resource -> resources.add(resource.asText()));
        }
        return resources;
    }

    private static List<String> actions(JsonNode policy) {
        List<String> actions = new ArrayList<>();
        for (JsonNode statement : policy.get("Statement")) {
            statement.get("Action").forEach(action -> actions.add(action.asText()));
        }
        return actions;
    }

    @Test
    void firehose_whenBuilt_isScopedToThisBucketFunctionTableAndLogGroupOnly() {
        JsonNode policy = Policies.firehose(layout());

        assertEquals(Set.of(
                "arn:aws:s3:::shop-data-123456789012-eu-west-1",
                "arn:aws:s3:::shop-data-123456789012-eu-west-1/*",
                "arn:aws:lambda:eu-west-1:123456789012:function:shop-transform",
                "arn:aws:lambda:eu-west-1:123456789012:function:shop-transform:*",
                "arn:aws:glue:eu-west-1:123456789012:catalog",
                "arn:aws:glue:eu-west-1:123456789012:database/shop",
                "arn:aws:glue:eu-west-1:123456789012:table/shop/metrics",
                "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/kinesisfirehose/shop-metrics:log-stream:*"),
                resources(policy));
        assertEquals(false, actions(policy).stream().anyMatch(action -> action.endsWith("*")), actions(policy).toString());
    }

    @Test
    void firehoseTrust_whenBuilt_allowsOnlyFirehoseForThisAccount() {
        JsonNode statement = Policies.firehoseTrust(layout()).get("Statement").get(0);

        assertEquals("firehose.amazonaws.com", statement.at("/Principal/Service").asText());
        assertEquals("123456789012", statement.at("/Condition/StringEquals/sts:ExternalId").asText());
    }

    @Test
    void registrar_whenBuilt_mayOnlyRegisterPartitionsOfTheTableAndWriteItsLogs() {
        JsonNode policy = Policies.registrar(layout(), "shop-partition-registrar");

        assertEquals(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
                "glue:GetTable", "glue:GetPartition", "glue:BatchCreatePartition"), actions(policy));
        assertEquals(Set.of("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/shop-partition-registrar:*",
                "arn:aws:glue:eu-west-1:123456789012:catalog", "arn:aws:glue:eu-west-1:123456789012:database/shop",
                "arn:aws:glue:eu-west-1:123456789012:table/shop/metrics"), resources(policy));
    }

    @Test
    void tlsOnlyBucket_whenBuilt_deniesEveryInsecureRequestOnBucketAndObjects() {
        JsonNode statement = Policies.tlsOnlyBucket(layout()).get("Statement").get(0);

        assertEquals("Deny", statement.get("Effect").asText());
        assertEquals("s3:*", statement.get("Action").asText());
        assertEquals("false", statement.at("/Condition/Bool/aws:SecureTransport").asText());
        assertEquals(2, statement.get("Resource").size());
    }

    @Test
    void parse_whenUrlEncodedAsIamReturnsIt_equalsThePlainDocument() {
        JsonNode policy = Policies.firehose(layout());
        String encoded = URLEncoder.encode(Policies.toJson(policy), StandardCharsets.UTF_8);

        assertEquals(policy, Policies.parse(encoded));
    }
}
