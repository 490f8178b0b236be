package io.roxxane.provisioner.resources.spec;

import java.util.List;

/** The bucket's notification to the partition registrar: which function, on which events, under which prefix. */
public record BucketNotificationSpec(String functionArn, List<String> events, String filterPrefix) {
}
