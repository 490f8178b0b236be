package io.roxxane.provisioner.resources.spec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bucket's configuration: default encryption, public access block, object ownership, the
 * TLS-only policy and the optional expiry (0 = none).
 */
public record BucketSpec(String encryption, boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
                         boolean restrictPublicBuckets, String objectOwnership, JsonNode policy, int expiryDays) {
}
