package io.roxxane.provisioner.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.roxxane.provisioner.engine.DeleteResult;
import io.roxxane.provisioner.engine.Difference;
import io.roxxane.provisioner.engine.Observation;
import io.roxxane.provisioner.engine.Planner;
import io.roxxane.provisioner.engine.Resource;
import io.roxxane.provisioner.stack.Policies;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Lets S3 invoke the partition registrar, for events of this bucket in this account only. */
public final class InvokePermissionResource implements Resource<InvokePermissionSpec> {
    public static final String STATEMENT_ID = "roxxane-s3-invoke";

    private final StackContext context;
    private final String functionName;
    private final List<String> dependsOn;
    private final InvokePermissionSpec desired;

    public InvokePermissionResource(StackContext context, String functionName, List<String> dependsOn) {
        this.context = context;
        this.functionName = functionName;
        this.dependsOn = List.copyOf(dependsOn);
        this.desired = new InvokePermissionSpec("s3.amazonaws.com", "lambda:InvokeFunction", context.layout().bucketArn(),
                context.accountId());
    }

    @Override
    public String key() {
        return "registrar-permission";
    }

    @Override
    public String type() {
        return "Lambda permission";
    }

    @Override
    public String name() {
        return functionName + "/" + STATEMENT_ID;
    }

    @Override
    public String arn() {
        return context.layout().functionArn(functionName);
    }

    @Override
    public List<String> dependsOn() {
        return dependsOn;
    }

    @Override
    public InvokePermissionSpec desired() {
        return desired;
    }

    private LambdaClient lambda() {
        return context.clients().lambda();
    }

    /** The statement lives in the function's policy; it belongs to the stack the function belongs to. */
    @Override
    public Observation<InvokePermissionSpec> read() {
        String policy;
        Map<String, String> tags;
        try {
            tags = lambda().listTags(r -> r.resource(arn())).tags();
            policy = lambda().getPolicy(r -> r.functionName(functionName)).policy();
        } catch (ResourceNotFoundException e) {
            return Observation.absent();
        }
        for (JsonNode statement : Policies.parse(policy).path("Statement")) {
            if (STATEMENT_ID.equals(statement.path("Sid").asText())) {
                JsonNode principal = statement.path("Principal");
                String service = principal.isTextual() ? principal.asText() : principal.path("Service").asText(null);
                JsonNode condition = statement.path("Condition");
                InvokePermissionSpec current = new InvokePermissionSpec(service, statement.path("Action").asText(null),
                        conditionValue(condition, "ArnLike", "AWS:SourceArn"),
                        conditionValue(condition, "StringEquals", "AWS:SourceAccount"));
                return Observation.of(current, tags == null ? null : tags.get(Planner.STACK_TAG));
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
        lambda().addPermission(r -> r.functionName(functionName).statementId(STATEMENT_ID).action(desired.action())
                .principal(desired.principal()).sourceArn(desired.sourceArn()).sourceAccount(desired.sourceAccount()));
    }

    @Override
    public void update(InvokePermissionSpec current, List<Difference> differences) {
        lambda().removePermission(r -> r.functionName(functionName).statementId(STATEMENT_ID));
        create();
    }

    @Override
    public DeleteResult delete(boolean deleteData) {
        lambda().removePermission(r -> r.functionName(functionName).statementId(STATEMENT_ID));
        return DeleteResult.deleted();
    }
}
