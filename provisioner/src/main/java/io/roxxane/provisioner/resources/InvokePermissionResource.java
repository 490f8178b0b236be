package io.roxxane.provisioner.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.roxxane.provisioner.engine.DeleteResult;
import io.roxxane.provisioner.engine.Difference;
import io.roxxane.provisioner.engine.Observation;
import io.roxxane.provisioner.resources.spec.InvokePermissionSpec;
import io.roxxane.provisioner.stack.Policies;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Lets S3 invoke the partition registrar, for events of this bucket in this account only. */
public final class InvokePermissionResource extends StackResource<InvokePermissionSpec> {
    public static final String KEY = "registrar-permission";
    public static final String STATEMENT_ID = "roxxane-s3-invoke";

    private final String functionName;

    public InvokePermissionResource(StackContext context, String functionName, List<String> dependsOn) {
        super(context, new Identity(KEY, "Lambda permission", functionName + "/" + STATEMENT_ID,
                        context.layout().functionArn(functionName), dependsOn),
                new InvokePermissionSpec("s3.amazonaws.com", "lambda:InvokeFunction", context.layout().bucketArn(),
                        context.accountId()));
        this.functionName = functionName;
    }

    private LambdaClient lambda() {
        return clients().lambda();
    }

    /** The statement lives in the function's policy; it belongs to the stack the function belongs to. */
    @Override
    protected Observation<InvokePermissionSpec> observe() {
        Map<String, String> tags = lambda().listTags(r -> r.resource(arn())).tags();
        String policy = lambda().getPolicy(r -> r.functionName(functionName)).policy();
        for (JsonNode statement : Policies.parse(policy).path("Statement")) {
            if (STATEMENT_ID.equals(statement.path("Sid").asText())) {
                JsonNode principal = statement.path("Principal");
                String service = principal.isTextual() ? principal.asText() : principal.path("Service").asText(null);
                JsonNode condition = statement.path("Condition");
                InvokePermissionSpec current = new InvokePermissionSpec(service, statement.path("Action").asText(null),
                        conditionValue(condition, "ArnLike", "AWS:SourceArn"),
                        conditionValue(condition, "StringEquals", "AWS:SourceAccount"));
                return Observation.of(current, stackTagIn(tags));
            }
        }
        return Observation.absent();
    }

    private static String conditionValue(JsonNode condition, String operator, String key) {
        JsonNode block = condition.path(operator);
        for (Map.Entry<String, JsonNode> entry : block.properties()) {
            if (entry.getKey().equalsIgnoreCase(key)) {
                return entry.getValue().isArray() ? entry.getValue().path(0).asText() : entry.getValue().asText();
            }
        }
        return null;
    }

    @Override
    public void create() {
        lambda().addPermission(r -> r.functionName(functionName).statementId(STATEMENT_ID).action(desired().action())
                .principal(desired().principal()).sourceArn(desired().sourceArn()).sourceAccount(desired().sourceAccount()));
    }

    @Override
    public void update(InvokePermissionSpec current, List<Difference> differences) {
        removeStatement();
        create();
    }

    @Override
    public DeleteResult delete(boolean deleteData) {
        removeStatement();
        return DeleteResult.deleted();
    }

    private void removeStatement() {
        lambda().removePermission(r -> r.functionName(functionName).statementId(STATEMENT_ID));
    }
}
