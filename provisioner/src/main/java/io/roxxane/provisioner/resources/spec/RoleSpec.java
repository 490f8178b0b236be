package io.roxxane.provisioner.resources.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * An IAM role: who may assume it, and its inline policies by name (nothing attached: every
 * permission is written out and scoped to this stack's resources).
 */
public record RoleSpec(JsonNode trustPolicy, Map<String, JsonNode> inlinePolicies, java.util.List<String> attachedPolicyArns) {
}
