package io.roxxane.provisioner.resources;

import java.util.Map;

/** A Lambda function's configuration and the SHA-256 (base64, as Lambda reports it) of its code. */
public record FunctionSpec(String runtime, String handler, String roleArn, int memoryMb, int timeoutSeconds,
                           Map<String, String> environment, String codeSha256) {
}
