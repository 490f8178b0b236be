package io.roxxane.provisioner.resources.spec;

import java.util.List;

/** The log group for Firehose delivery errors, its retention and the log streams Firehose writes to. */
public record LogGroupSpec(int retentionDays, List<String> logStreams) {
}
