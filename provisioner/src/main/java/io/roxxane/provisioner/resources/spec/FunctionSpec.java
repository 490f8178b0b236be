package io.roxxane.provisioner.resources.spec;

import java.util.List;
import java.util.Map;

/**
 * A Lambda function's configuration, the SHA-256 (base64, as Lambda reports it) of its code, the
 * statements of its resource policy this stack did not add (desired: none), and its health:
 * {@code state} ({@value #ACTIVE} unless Lambda reports {@code Failed}) and {@code lastUpdate}
 * ({@value #SUCCESSFUL} unless the last update failed).
 */
public record FunctionSpec(String runtime, String handler, String roleArn, int memoryMb, int timeoutSeconds,
                           Map<String, String> environment, String codeSha256, List<String> foreignPolicyStatements,
                           String state, String lastUpdate) {
    public static final String ACTIVE = "Active";
    public static final String SUCCESSFUL = "Successful";

    /** A healthy function with no foreign policy statements. */
    public FunctionSpec(String runtime, String handler, String roleArn, int memoryMb, int timeoutSeconds,
                        Map<String, String> environment, String codeSha256) {
        this(runtime, handler, roleArn, memoryMb, timeoutSeconds, environment, codeSha256, List.of(), ACTIVE, SUCCESSFUL);
    }
}
