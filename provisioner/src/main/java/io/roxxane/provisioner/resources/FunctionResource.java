package io.roxxane.provisioner.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.roxxane.provisioner.engine.DeleteResult;
import io.roxxane.provisioner.engine.Difference;
import io.roxxane.provisioner.engine.Observation;
import io.roxxane.provisioner.engine.Planner;
import io.roxxane.provisioner.engine.Resource;
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
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;

/** A Java Lambda function from a deployment jar; the code is uploaded only when its SHA-256 differs. */
public final class FunctionResource implements Resource<FunctionSpec> {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private final StackContext context;
    private final String key;
    private final String functionName;
    private final String description;
    private final Path jar;
    private final List<String> dependsOn;
    private final Set<String> ownStatementIds;
    private final FunctionSpec desired;

    /**
     * @param ownStatementIds the Sids of resource-policy statements other resources of this stack
     *                        manage on this function (e.g. the registrar's invoke permission); every
     *                        other statement is drift, and apply removes it
     */
    public FunctionResource(StackContext context, String key, String functionName, String description, Path jar,
                            String handler, String roleArn, int memoryMb, int timeoutSeconds,
                            Map<String, String> environment, List<String> dependsOn, Set<String> ownStatementIds) {
        this.context = context;
        this.ownStatementIds = Set.copyOf(ownStatementIds);
        this.key = key;
        this.functionName = functionName;
        this.description = description;
        this.jar = jar;
        this.dependsOn = List.copyOf(dependsOn);
        // destroy runs without the jars: then the code hash is unknown, and nothing compares it.
        this.desired = new FunctionSpec("java21", handler, roleArn, memoryMb, timeoutSeconds, new TreeMap<>(environment),
                Files.isRegularFile(jar) ? sha256(jar) : "unknown: " + jar + " is missing");
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

    @Override
    public String key() {
        return key;
    }

    @Override
    public String type() {
        return "Lambda function";
    }

    @Override
    public String name() {
        return functionName;
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
    public FunctionSpec desired() {
        return desired;
    }

    private LambdaClient lambda() {
        return context.clients().lambda();
    }

    @Override
    public Observation<FunctionSpec> read() {
        GetFunctionResponse function;
        try {
            function = lambda().getFunction(r -> r.functionName(functionName));
        } catch (ResourceNotFoundException e) {
            return Observation.absent();
        }
        FunctionConfiguration configuration = function.configuration();
        Map<String, String> environment = configuration.environment() == null || configuration.environment().variables() == null
                ? Map.of() : configuration.environment().variables();
        FunctionSpec current = new FunctionSpec(configuration.runtimeAsString(), configuration.handler(), configuration.role(),
                orZero(configuration.memorySize()), orZero(configuration.timeout()), new TreeMap<>(environment),
                configuration.codeSha256(), foreignStatements(), state(configuration), lastUpdate(configuration));
        Map<String, String> tags = function.tags() == null ? Map.of() : function.tags();
        return Observation.of(current, tags.get(Planner.STACK_TAG));
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

    /** Statements of the function's resource policy that no resource of this stack manages, as "Sid (principal, action)". */
    private List<String> foreignStatements() {
        String policy;
        try {
            policy = lambda().getPolicy(r -> r.functionName(functionName)).policy();
        } catch (ResourceNotFoundException e) {
            return List.of(); // no resource policy at all
        }
        return foreignStatements(policy, ownStatementIds);
    }

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
        context.propagation().run("create Lambda function " + functionName, () -> lambda().createFunction(r -> r
                .functionName(functionName).description(description).runtime(desired.runtime()).handler(desired.handler())
                .role(desired.roleArn()).memorySize(desired.memoryMb()).timeout(desired.timeoutSeconds())
                .environment(e -> e.variables(desired.environment())).code(c -> c.zipFile(code)).tags(context.tags())));
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
            for (String statement : current.foreignPolicyStatements()) {
                String sid = statement.substring(0, statement.indexOf(" ("));
                if (sid.isEmpty()) {
                    throw new IllegalStateException("Lambda function " + functionName + " has a policy statement without Sid,"
                            + " which cannot be removed by id: " + statement);
                }
                try {
                    lambda().removePermission(r -> r.functionName(functionName).statementId(sid));
                } catch (ResourceNotFoundException e) {
                    // removed meanwhile
                }
            }
        }
        if (codeChanged) {
            SdkBytes code = code();
            lambda().updateFunctionCode(r -> r.functionName(functionName).zipFile(code));
            awaitReady();
        }
        if (configurationChanged) {
            context.propagation().run("update Lambda function " + functionName, () -> lambda().updateFunctionConfiguration(r -> r
                    .functionName(functionName).runtime(desired.runtime()).handler(desired.handler()).role(desired.roleArn())
                    .memorySize(desired.memoryMb()).timeout(desired.timeoutSeconds())
                    .environment(e -> e.variables(desired.environment()))));
            awaitReady();
        }
    }

    @Override
    public DeleteResult delete(boolean deleteData) {
        lambda().deleteFunction(r -> r.functionName(functionName));
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
        long end = System.nanoTime() + READY_TIMEOUT.toNanos();
        long pauseMs = 250;
        while (true) {
            var configuration = lambda().getFunctionConfiguration(r -> r.functionName(functionName));
            boolean active = configuration.state() == null || configuration.state() == State.ACTIVE;
            boolean updated = configuration.lastUpdateStatus() == null || configuration.lastUpdateStatus() != LastUpdateStatus.IN_PROGRESS;
            if (configuration.state() == State.FAILED || configuration.lastUpdateStatus() == LastUpdateStatus.FAILED) {
                throw new IllegalStateException("Lambda function " + functionName + " failed: " + configuration.stateReason()
                        + " " + configuration.lastUpdateStatusReason());
            }
            if (active && updated) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("Lambda function " + functionName + " not ready after " + READY_TIMEOUT.toMinutes() + " min");
            }
            try {
                Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            pauseMs = Math.min(5_000, pauseMs * 2);
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
