/**
 * The built-in sets: which MBeans of common libraries the agent reads with no configuration, and the
 * names their figures get. Names and attributes follow the OpenTelemetry JMX rule sets
 * ({@code instrumentation/jmx-metrics/.../rules/tomcat.yaml}, {@code jetty.yaml}; the jmx-scraper's
 * {@code kafka-consumer.yaml}, {@code kafka-producer.yaml}) and, for HikariCP, OpenTelemetry's
 * database connection pool conventions ({@code db.client.connection.*}). Each set is active only
 * where its MBeans exist.
 */
package io.roxxane.agent.collect.app.builtin;
