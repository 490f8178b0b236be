package io.roxxane.athena.queries;

/**
 * One {@code AWS::Athena::NamedQuery} of the Athena template, its {@code Fn::Sub} resolved with the
 * stack's parameters, as Athena runs it in the named query's {@code Database}.
 */
public record NamedQuery(String name, String database, String sql) {
}
