/**
 * The fleet context: where this JVM runs (EC2 instance, ECS task, Kubernetes pod) and what the
 * OpenTelemetry variables say about it, detected once at start on the agent's own thread, held to
 * {@code ContextEnvironment.BUDGET_MILLIS}, and cached ({@code ContextDetection}). Depends on no
 * sink, AWS plumbing or credentials, and not on the AWS SDK: the metadata endpoints are asked over
 * a plain socket ({@code MetadataHttp}).
 */
package io.roxxane.agent.identity.context;
