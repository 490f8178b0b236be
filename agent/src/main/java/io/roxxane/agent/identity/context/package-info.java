/**
 * The fleet context: where this JVM runs (EC2 instance, ECS task, Kubernetes pod) and what the
 * OpenTelemetry variables say about it, detected once at start on the agent's own threads, held
 * to {@code ContextEnvironment.BUDGET_MILLIS}, and cached ({@code ContextDetection}). Never
 * depends on the AWS SDK, the sinks or the credentials: the metadata endpoints are asked over the
 * JDK's {@code HttpURLConnection} ({@code MetadataHttp}).
 */
package io.roxxane.agent.identity.context;
