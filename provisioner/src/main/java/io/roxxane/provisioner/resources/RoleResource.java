package io.roxxane.provisioner.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.roxxane.provisioner.engine.DeleteResult;
import io.roxxane.provisioner.engine.Difference;
import io.roxxane.provisioner.engine.Observation;
import io.roxxane.provisioner.engine.Planner;
import io.roxxane.provisioner.engine.Resource;
import io.roxxane.provisioner.stack.Policies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** An IAM role with inline policies only. */
public final class RoleResource implements Resource<RoleSpec> {
    private final StackContext context;
    private final String key;
    private final String roleName;
    private final String description;
    private final RoleSpec desired;

    public RoleResource(StackContext context, String key, String roleName, String description, JsonNode trust,
                        String policyName, JsonNode policy) {
        this.context = context;
        this.key = key;
        this.roleName = roleName;
        this.description = description;
        this.desired = new RoleSpec(trust, new TreeMap<>(Map.of(policyName, policy)), List.of());
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String type() {
        return "IAM role";
    }

    @Override
    public String name() {
        return roleName;
    }

    @Override
    public String arn() {
        return context.layout().roleArn(roleName);
    }

    @Override
    public List<String> dependsOn() {
        return List.of();
    }

    @Override
    public RoleSpec desired() {
        return desired;
    }

    private IamClient iam() {
        return context.clients().iam();
    }

    @Override
    public Observation<RoleSpec> read() {
        Role role;
        try {
            role = iam().getRole(r -> r.roleName(roleName)).role();
        } catch (NoSuchEntityException e) {
            return Observation.absent();
        }
        Map<String, JsonNode> inline = new TreeMap<>();
        for (String policyName : iam().listRolePoliciesPaginator(r -> r.roleName(roleName)).policyNames()) {
            inline.put(policyName, Policies.parse(iam().getRolePolicy(r -> r.roleName(roleName).policyName(policyName)).policyDocument()));
        }
        List<String> attached = new ArrayList<>();
        iam().listAttachedRolePoliciesPaginator(r -> r.roleName(roleName)).attachedPolicies().stream()
                .map(AttachedPolicy::policyArn).sorted().forEach(attached::add);
        String tag = iam().listRoleTags(r -> r.roleName(roleName)).tags().stream()
                .filter(t -> t.key().equals(Planner.STACK_TAG)).map(Tag::value).findFirst().orElse(null);
        return Observation.of(new RoleSpec(Policies.parse(role.assumeRolePolicyDocument()), inline, attached), tag);
    }

    @Override
    public void create() {
        List<Tag> tags = new ArrayList<>();
        context.tags().forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
        iam().createRole(r -> r.roleName(roleName).description(description)
                .assumeRolePolicyDocument(Policies.toJson(desired.trustPolicy())).tags(tags));
        desired.inlinePolicies().forEach(this::putPolicy);
    }

    @Override
    public void update(RoleSpec current, List<Difference> differences) {
        for (Difference difference : differences) {
            switch (difference.field()) {
                case "trustPolicy" -> iam().updateAssumeRolePolicy(r -> r.roleName(roleName)
                        .policyDocument(Policies.toJson(desired.trustPolicy())));
                case "inlinePolicies" -> {
                    for (String stale : current.inlinePolicies().keySet()) {
                        if (!desired.inlinePolicies().containsKey(stale)) {
                            iam().deleteRolePolicy(r -> r.roleName(roleName).policyName(stale));
                        }
                    }
                    desired.inlinePolicies().forEach((name, policy) -> {
                        if (!policy.equals(current.inlinePolicies().get(name))) {
                            putPolicy(name, policy);
                        }
                    });
                }
                case "attachedPolicyArns" -> current.attachedPolicyArns().forEach(policyArn ->
                        iam().detachRolePolicy(r -> r.roleName(roleName).policyArn(policyArn)));
                default -> throw new IllegalStateException("no update for role field " + difference.field());
            }
        }
    }

    private void putPolicy(String policyName, JsonNode policy) {
        iam().putRolePolicy(r -> r.roleName(roleName).policyName(policyName).policyDocument(Policies.toJson(policy)));
    }

    @Override
    public DeleteResult delete(boolean deleteData) {
        for (String policyName : iam().listRolePoliciesPaginator(r -> r.roleName(roleName)).policyNames()) {
            iam().deleteRolePolicy(r -> r.roleName(roleName).policyName(policyName));
        }
        iam().listAttachedRolePoliciesPaginator(r -> r.roleName(roleName)).attachedPolicies().forEach(policy ->
                iam().detachRolePolicy(r -> r.roleName(roleName).policyArn(policy.policyArn())));
        iam().deleteRole(r -> r.roleName(roleName));
        return DeleteResult.deleted();
    }
}
