package io.roxxane.registrar;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * One record of an S3 event notification, as delivered: the key still URL-encoded
 * ({@code +} for a space, {@code %XX} for other bytes).
 */
public record S3EventRecord(String eventName, String bucket, String encodedKey) {

    /** True for {@code ObjectCreated:*} events, the only ones that can bring a new partition. */
    public boolean isObjectCreated() {
        return eventName != null && eventName.startsWith("ObjectCreated:");
    }

    /**
     * The object key as stored in S3.
     *
     * @throws UnrecognisedKeyException if the key is not valid URL encoding
     */
    public String decodedKey() {
        try {
            return URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UnrecognisedKeyException("key is not valid URL encoding: " + e.getMessage());
        }
    }

    /** {@code s3://bucket/key} as delivered, for log lines. */
    public String describe() {
        return "s3://" + bucket + "/" + encodedKey;
    }
}
