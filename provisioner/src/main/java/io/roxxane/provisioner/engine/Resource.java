package io.roxxane.provisioner.engine;

import java.util.List;
import java.util.Set;

/**
 * One AWS resource the stack owns: its desired configuration as an immutable spec record, and
 * how to read, create, update and delete it. Implementations hold no mutable state.
 *
 * @param <S> the spec record; {@link #read()} returns what exists in the same shape, so that
 *            {@link Differences#between} can compare the two field by field
 */
public interface Resource<S extends Record> {
    /** Unique key in the stack's graph, e.g. {@code "bucket"}. */
    String key();

    /** What kind of thing this is, for people: {@code "S3 bucket"}. */
    String type();

    /** The physical name. */
    String name();

    /** Kind and name, as progress lines name the resource: {@code "S3 bucket shop-data-..."}. */
    default String label() {
        return type() + " " + name();
    }

    /** The ARN, known before the resource exists (names and account decide it). */
    String arn();

    /** Keys of the resources that must exist before this one. */
    List<String> dependsOn();

    S desired();

    /** What exists now, with the stack tag it carries. */
    Observation<S> read();

    void create();

    /** Brings an existing resource to {@link #desired()}; {@code differences} say what differs. */
    void update(S current, List<Difference> differences);

    /** Deletes the resource (only called when it carries this stack's tag). */
    DeleteResult delete(boolean deleteData);

    /** Spec fields that cannot change in place: a difference in one of them means delete and create. */
    default Set<String> replacedOnChange() {
        return Set.of();
    }
}
