package io.roxxane.provisioner.resources.spec;

/** The Glue database: only its description is ours to set. */
public record GlueDatabaseSpec(String description) {
}
