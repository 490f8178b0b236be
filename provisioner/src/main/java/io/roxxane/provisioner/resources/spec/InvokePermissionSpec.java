package io.roxxane.provisioner.resources.spec;

/** One statement of a function's resource policy: who may invoke it, from which bucket of which account. */
public record InvokePermissionSpec(String principal, String action, String sourceArn, String sourceAccount) {
}
