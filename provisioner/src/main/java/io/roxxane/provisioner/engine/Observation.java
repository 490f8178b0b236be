package io.roxxane.provisioner.engine;

import java.util.Optional;

/**
 * What exists in AWS for one resource: its configuration in spec form, or nothing.
 *
 * @param spec     the current configuration, empty when the resource does not exist
 * @param stackTag the value of the stack tag it carries, empty when untagged
 */
public record Observation<S extends Record>(Optional<S> spec, Optional<String> stackTag) {

    public static <S extends Record> Observation<S> absent() {
        return new Observation<>(Optional.empty(), Optional.empty());
    }

    public static <S extends Record> Observation<S> of(S spec, String stackTag) {
        return new Observation<>(Optional.of(spec), Optional.ofNullable(stackTag));
    }

    public boolean exists() {
        return spec.isPresent();
    }

    /** Whether it carries the stack tag of {@code stackName}: only then may the stack change or delete it. */
    public boolean ownedBy(String stackName) {
        return stackTag.map(stackName::equals).orElse(false);
    }
}
