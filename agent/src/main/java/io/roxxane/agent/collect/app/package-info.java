/**
 * The application's own figures from its MBeans: the built-in sets ({@code builtin}: Tomcat, Jetty,
 * HikariCP, Kafka clients) and the rules of a jmx_exporter file ({@code rules}, {@code jmx_config}),
 * into the {@code app_metrics} column.
 *
 * <p>Never on the sampling thread: every MBeanServer call (queries, {@code getMBeanInfo},
 * {@code getAttributes}: the application's code, which may block, throw or be slow) runs on a
 * daemon {@code roxxane-jmx} thread ({@link JmxWorkers}); the collector takes what is done within
 * {@link AppSettings#budgetMillis()} and counts the rest in {@code agent_jmx_skipped}. An MBean
 * whose call has not returned is not called again until it does ({@link InFlight}). Which MBeans
 * exist is asked again only when the MBean set changed ({@link MBeanSetWatch}), at most every few
 * seconds; what a rule makes of an attribute is decided once per MBean ({@link BeanView}).
 */
package io.roxxane.agent.collect.app;
