/**
 * {@code jmx_config}: a jmx_exporter rules file, read with SnakeYAML as jmx_exporter 1.0.1 reads it
 * ({@link RulesFile}), and its rules matched the way it matches them ({@link RuleMatcher}): each
 * value an attribute holds (composite and tabular data walked as jmx_exporter walks them,
 * {@link Flattener}) is written {@code domain<key=value, …><path>attrName: value} and the first
 * rule whose pattern matches names it. A key or construct the agent does not support is a
 * configuration error naming it ({@link RulesFileException}).
 */
package io.roxxane.agent.collect.app.rules;
