package io.roxxane.provisioner.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.roxxane.provisioner.aws.AwsErrors;
import io.roxxane.provisioner.engine.DeleteResult;
import io.roxxane.provisioner.engine.Difference;
import io.roxxane.provisioner.engine.Observation;
import io.roxxane.provisioner.resources.spec.FunctionSpec;
import io.roxxane.provisioner.stack.Policies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.State;

/** A Java Lambda function from a deployment jar; the code is uploaded only when its SHA-256 differs. */
public final class FunctionResource extends StackResource<FunctionSpec> {
    private static final Waiting READY = new Waiting(Duration.ofMinutes(5), Duration.ofSeconds(5));

    private final String description;
    private final Path jar;
    private final Set<String> ownStatementIds;

    /**
     * @param ownStatementIds the Sids of resource-policy statements other resources of this stack
     *                        manage on this function (e.g. the registrar's invoke permission); every
     *                        other statement is drift, and apply removes it
     */
    public FunctionResource(StackContext context, String key, String functionName, String description, Path jar,
                            String handler, String roleArn, int memoryMb, int timeoutSeconds,
                            Map<String, String> environment, List<String> dependsOn, Set<String> ownStatementIds) {
        super(context, new Identity(key, "Lambda function", functionName, context.layout().functionArn(functionName), dependsOn),
                // destroy runs without the jars: then the code hash is unknown, and nothing compares it.
                new FunctionSpec("java21", handler, roleArn, memoryMb, timeoutSeconds, new TreeMap<>(environment),
                        Files.isRegularFile(jar) ? sha256(jar) : "unknown: " + jar + " is missing"));
        this.description = description;
        this.jar = jar;
        this.ownStatementIds = Set.copyOf(ownStatementIds);
    }

    /** SHA-256 of the file, base64, the form of Lambda's {@code CodeSha256}. */
    public static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return Base64.getEncoder().encodeToString(digest.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private LambdaClient lambda() {
        return clients().lambda();
    }

    @Override
    protected Observation<FunctionSpec> observe() {
        var function = lambda().getFunction(r -> r.functionName(name()));
        FunctionConfiguration configuration = function.configuration();
        Map<String, String> environment = configuration.environment() == null || configuration.environment().variables() == null
                ? Map.of() : configuration.environment().variables();
        FunctionSpec current = new FunctionSpec(configuration.runtimeAsString(), configuration.handler(), configuration.role(),
                Objects.requireNonNullElse(configuration.memorySize(), 0), Objects.requireNonNullElse(configuration.timeout(), 0),
                new TreeMap<>(environment), configuration.codeSha256(), foreignStatements(), state(configuration),
                lastUpdate(configuration));
        return Observation.of(current, stackTagIn(function.tags()));
    }

    /** {@code Failed} (with the fix and Lambda's reason) only when Lambda says so; creating, idle or active is fine. */
    static String state(FunctionConfiguration configuration) {
        if (configuration.state() != State.FAILED) {
            return FunctionSpec.ACTIVE;
        }
        return "Failed, Lambda cannot run it: apply deletes and re-creates the function (" + configuration.stateReasonCodeAsString()
                + ": " + configuration.stateReason() + ")";
    }

    static String lastUpdate(FunctionConfiguration configuration) {
        if (configuration.lastUpdateStatus() != LastUpdateStatus.FAILED) {
            return FunctionSpec.SUCCESSFUL;
        }
        return "Failed: apply uploads the code and configuration again (" + configuration.lastUpdateStatusReasonCodeAsString()
                + ": " + configuration.lastUpdateStatusReason() + ")";
    }

    /** Statements of the function's resource policy that no resource of this stack manages; none without a policy. */
    private List<String> foreignStatements() {
        return AwsErrors.ifFound(() -> lambda().getPolicy(r -> r.functionName(name())).policy())
                .map(policy -> foreignStatements(policy, ownStatementIds)).orElse(List.of());
    }

    /** The statements whose Sid is not among {@code ownStatementIds}, as "Sid (principal, effect action)", sorted. */
    static List<String> foreignStatements(String policy, Set<String> ownStatementIds) {
        if (policy == null || policy.isBlank()) {
            return List.of();
        }
        List<String> foreign = new ArrayList<>();
        for (JsonNode statement : Policies.parse(policy).path("Statement")) {
            String sid = statement.path("Sid").asText("");
            if (!ownStatementIds.contains(sid)) {
                foreign.add(sid + " (principal " + statement.path("Principal") + ", " + statement.path("Effect").asText("")
                        + " " + statement.path("Action") + ")");
            }
        }
        foreign.sort(null);
        return List.copyOf(foreign);
    }

    @Override
    public void create() {
        SdkBytes code = code();
        retryWhileIamPropagates("create", () -> lambda().createFunction(r -> r
                .functionName(name()).description(description).runtime(desired().runtime()).handler(desired().handler())
                .role(desired().roleArn()).memorySize(desired().memoryMb()).timeout(desired().timeoutSeconds())
                .environment(e -> e.variables(desired().environment())).code(c -> c.zipFile(code)).tags(context().tags())));
        awaitReady();
    }

    /** A failed function cannot be repaired in place. */
    @Override
    public Set<String> replacedOnChange() {
        return Set.of("state");
    }

    @Override
    public void update(FunctionSpec current, List<Difference> differences) {
        Set<String> fields = new HashSet<>();
        differences.forEach(difference -> fields.add(difference.field()));
        boolean updateFailed = fields.remove("lastUpdate");
        boolean policyChanged = fields.remove("foreignPolicyStatements");
        boolean codeChanged = fields.remove("codeSha256") || updateFailed;
        boolean configurationChanged = !fields.isEmpty() || updateFailed;
        if (policyChanged) {
            current.foreignPolicyStatements().forEach(this::removeStatement);
        }
        if (codeChanged) {
            SdkBytes code = code();
            lambda().updateFunctionCode(r -> r.functionName(name()).zipFile(code));
            awaitReady();
        }
        if (configurationChanged) {
            retryWhileIamPropagates("update", () -> lambda().updateFunctionConfiguration(r -> r
                    .functionName(name()).runtime(desired().runtime()).handler(desired().handler()).role(desired().roleArn())
                    .memorySize(desired().memoryMb()).timeout(desired().timeoutSeconds())
                    .environment(e -> e.variables(desired().environment()))));
            awaitReady();
        }
    }

    /** Removes a foreign statement, as {@link #foreignStatements(String, Set)} describes it, by its Sid. */
    private void removeStatement(String statement) {
        String sid = statement.substring(0, statement.indexOf(" ("));
        if (sid.isEmpty()) {
            throw new IllegalStateException(label() + " has a policy statement without Sid, which cannot be removed by id: "
                    + statement);
        }
        AwsErrors.unlessGone(() -> lambda().removePermission(r -> r.functionName(name()).statementId(sid)));
    }

    @Override
    public DeleteResult delete(boolean deleteData) {
        lambda().deleteFunction(r -> r.functionName(name()));
        return DeleteResult.deleted();
    }

    private SdkBytes code() {
        try {
            return SdkBytes.fromByteArray(Files.readAllBytes(jar));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /** Waits until the function is active and no update is in progress, so that the next call is accepted. */
    private void awaitReady() {
        READY.until(label(), "ready", () -> {
            var configuration = lambda().getFunctionConfiguration(r -> r.functionName(name()));
            if (configuration.state() == State.FAILED || configuration.lastUpdateStatus() == LastUpdateStatus.FAILED) {
                throw new IllegalStateException(label() + " failed: " + configuration.stateReason()
                        + " " + configuration.lastUpdateStatusReason());
            }
            boolean active = configuration.state() == null || configuration.state() == State.ACTIVE;
            boolean updated = configuration.lastUpdateStatus() != LastUpdateStatus.IN_PROGRESS;
            return active && updated;
        });
    }
}
