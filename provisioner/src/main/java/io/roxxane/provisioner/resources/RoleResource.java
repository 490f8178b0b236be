package io.roxxane.provisioner.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.roxxane.provisioner.engine.DeleteResult;
import io.roxxane.provisioner.engine.Difference;
import io.roxxane.provisioner.engine.Observation;
import io.roxxane.provisioner.resources.spec.RoleSpec;
import io.roxxane.provisioner.stack.Policies;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** An IAM role with inline policies only. */
public final class RoleResource extends StackResource<RoleSpec> {
    private final String description;

    public RoleResource(StackContext context, String key, String roleName, String description, JsonNode trust,
                        String policyName, JsonNode policy) {
        super(context, new Identity(key, "IAM role", roleName, context.layout().roleArn(roleName), List.of()),
                new RoleSpec(trust, new TreeMap<>(Map.of(policyName, policy)), List.of()));
        this.description = description;
    }

    private IamClient iam() {
        return clients().iam();
    }

    @Override
    protected Observation<RoleSpec> observe() {
        Role role = iam().getRole(r -> r.roleName(name())).role();
        Map<String, JsonNode> inline = new TreeMap<>();
        for (String policyName : iam().listRolePoliciesPaginator(r -> r.roleName(name())).policyNames()) {
            inline.put(policyName, Policies.parse(iam().getRolePolicy(r -> r.roleName(name()).policyName(policyName)).policyDocument()));
        }
        List<String> attached = iam().listAttachedRolePoliciesPaginator(r -> r.roleName(name())).attachedPolicies().stream()
                .map(AttachedPolicy::policyArn).sorted().toList();
        String tag = stackTagIn(iam().listRoleTags(r -> r.roleName(name())).tags(), Tag::key, Tag::value);
        return Observation.of(new RoleSpec(Policies.parse(role.assumeRolePolicyDocument()), inline, attached), tag);
    }

    @Override
    public void create() {
        List<Tag> tags = context().tags((key, value) -> Tag.builder().key(key).value(value).build());
        iam().createRole(r -> r.roleName(name()).description(description)
                .assumeRolePolicyDocument(Policies.toJson(desired().trustPolicy())).tags(tags));
        desired().inlinePolicies().forEach(this::putPolicy);
    }

    @Override
    public void update(RoleSpec current, List<Difference> differences) {
        for (Difference difference : differences) {
            switch (difference.field()) {
                case "trustPolicy" -> iam().updateAssumeRolePolicy(r -> r.roleName(name())
                        .policyDocument(Policies.toJson(desired().trustPolicy())));
                case "inlinePolicies" -> {
                    current.inlinePolicies().keySet().stream().filter(stale -> !desired().inlinePolicies().containsKey(stale))
                            .forEach(this::deletePolicy);
                    desired().inlinePolicies().forEach((policyName, policy) -> {
                        if (!policy.equals(current.inlinePolicies().get(policyName))) {
                            putPolicy(policyName, policy);
                        }
                    });
                }
                case "attachedPolicyArns" -> current.attachedPolicyArns().forEach(this::detachPolicy);
                default -> throw new IllegalStateException("no update for role field " + difference.field());
            }
        }
    }

    private void putPolicy(String policyName, JsonNode policy) {
        iam().putRolePolicy(r -> r.roleName(name()).policyName(policyName).policyDocument(Policies.toJson(policy)));
    }

    private void deletePolicy(String policyName) {
        iam().deleteRolePolicy(r -> r.roleName(name()).policyName(policyName));
    }

    private void detachPolicy(String policyArn) {
        iam().detachRolePolicy(r -> r.roleName(name()).policyArn(policyArn));
    }

    @Override
    public DeleteResult delete(boolean deleteData) {
        iam().listRolePoliciesPaginator(r -> r.roleName(name())).policyNames().forEach(this::deletePolicy);
        iam().listAttachedRolePoliciesPaginator(r -> r.roleName(name())).attachedPolicies().stream()
                .map(AttachedPolicy::policyArn).forEach(this::detachPolicy);
        iam().deleteRole(r -> r.roleName(name()));
        return DeleteResult.deleted();
    }
}
