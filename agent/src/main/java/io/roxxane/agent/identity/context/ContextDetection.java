package io.roxxane.agent.identity.context;

import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.log.AgentThreads;
import io.roxxane.schema.Column;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The fleet context of this JVM, detected once at start and then cached.
 *
 * <p>{@link #start} reads what is local at once, on the calling (agent) thread: the OpenTelemetry
 * variables, the Kubernetes service account namespace file, whether DMI says EC2. When an
 * endpoint is to be asked (ECS task metadata, EC2 instance metadata) it starts the daemon thread
 * {@value #THREAD_NAME} for the HTTP exchanges, each held to the deadline
 * {@link ContextEnvironment#BUDGET_MILLIS} after start ({@link MetadataHttp}); what is known at
 * the deadline is final, and the thread ends then.
 *
 * <p>Nothing waits for detection: {@link #current()} returns what is known so far, so a sample
 * taken before detection ends carries the local context, and later samples the rest. Problems
 * are reported once, in one {@code [roxxane]} line, when detection ends.
 *
 * <p>Precedence, highest first, per column: {@code OTEL_RESOURCE_ATTRIBUTES} (as the
 * OpenTelemetry SDK merges the environment resource over detected ones), the Kubernetes namespace
 * file, ECS task metadata, EC2 instance metadata. EC2 is not asked for an ECS task on Fargate,
 * which has no instance metadata; on Kubernetes, an EC2 instance's platform is {@code aws_eks}.
 */
public final class ContextDetection {
    public static final String THREAD_NAME = "roxxane-context";
    static final String KUBERNETES_NAMESPACE_FILE = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";
    static final String KUBERNETES_HOST_VARIABLE = "KUBERNETES_SERVICE_HOST";
    private static final int MAX_NAMESPACE_CHARS = 253;

    private final String serviceName;
    private final OtelResource otel;
    private final String namespace;
    private final boolean kubernetes;
    private final Problems problems;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile FleetContext current;
    private boolean closed;
    /** When {@link #fetchInBackground} runs: nothing is published after it. */
    private long deadline;

    private ContextDetection(OtelResource otel, String namespace, boolean kubernetes, Problems problems) {
        this.serviceName = otel == null ? null : otel.serviceName;
        this.otel = otel;
        this.namespace = namespace;
        this.kubernetes = kubernetes;
        this.problems = problems;
        this.current = otel == null ? FleetContext.EMPTY : compose(noValues(), noValues());
    }

    /** No detection ({@code context=off}): no context, no service name, nothing read. */
    public static ContextDetection off() {
        ContextDetection off = new ContextDetection(null, null, false, new Problems());
        off.finished.countDown();
        return off;
    }

    /** Starts detection in this JVM's environment; returns at once, never throws. */
    public static ContextDetection startInThisJvm() {
        ContextEnvironment env;
        try {
            env = ContextEnvironment.ofThisJvm();
        } catch (Throwable t) { // a security manager that keeps the environment to itself
            AgentLog.warn("fleet context not detected: " + AgentLog.describe(t));
            return off();
        }
        return start(env);
    }

    /** Starts detection in {@code env}; returns at once, never throws. */
    public static ContextDetection start(ContextEnvironment env) {
        try {
            Problems problems = new Problems();
            OtelResource otel = OtelResource.fromEnvironment(env, problems);
            String namespace = env.readSmallFile(KUBERNETES_NAMESPACE_FILE);
            if (namespace != null && (namespace.isEmpty() || namespace.length() > MAX_NAMESPACE_CHARS
                    || namespace.matches(".*\\s.*"))) {
                namespace = null;
            }
            boolean kubernetes = namespace != null || env.exists(KUBERNETES_NAMESPACE_FILE)
                    || env.variable(KUBERNETES_HOST_VARIABLE) != null;
            ContextDetection detection = new ContextDetection(otel, namespace, kubernetes, problems);
            EcsDetector ecs = EcsDetector.forEnvironment(env, problems);
            Ec2Detector ec2 = Ec2Detector.forEnvironment(env, problems);
            if (ecs == null && ec2 == null) {
                detection.finish();
            } else {
                detection.fetchInBackground(ecs, ec2, env.budgetMillis());
            }
            return detection;
        } catch (Throwable t) {
            AgentLog.warn("fleet context not detected: " + AgentLog.describe(t));
            return off();
        }
    }

    /** {@code OTEL_SERVICE_NAME}, else {@code service.name} in {@code OTEL_RESOURCE_ATTRIBUTES}; null when neither. */
    public String serviceName() {
        return serviceName;
    }

    /** What is known now; never null, never waits. */
    public FleetContext current() {
        return current;
    }

    /** Waits until detection has ended; true if it has. */
    public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    private void fetchInBackground(final EcsDetector ecs, final Ec2Detector ec2, long budgetMillis) {
        long start = System.nanoTime();
        final long deadline = start + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
        // When both are asked, ECS (the more specific) gets half the time, so that a hanging
        // ECS endpoint leaves EC2 its turn.
        final long ecsDeadline = ec2 == null ? deadline : start + TimeUnit.MILLISECONDS.toNanos(budgetMillis / 2);
        this.deadline = deadline;
        Thread thread = AgentThreads.daemon(THREAD_NAME, Thread.NORM_PRIORITY - 1, new Runnable() {
            @Override
            public void run() {
                try {
                    MetadataHttp http = new MetadataHttp();
                    Map<Column, String> ecsFound = noValues();
                    if (ecs != null) {
                        ecsFound = ecs.detect(http, ecsDeadline, problems);
                        publish(ecsFound, noValues());
                    }
                    if (ec2 != null && !"fargate".equals(ecsFound.get(Column.AWS_ECS_LAUNCHTYPE))) {
                        publish(ecsFound, ec2.detect(http, deadline, problems));
                    }
                } catch (Throwable t) {
                    problems.add(AgentLog.describe(t));
                } finally {
                    finish();
                }
            }
        });
        thread.start();
    }

    /** What is known now becomes the context, unless detection is over (its deadline passed). */
    private synchronized void publish(Map<Column, String> ecsFound, Map<Column, String> ec2Found) {
        if (!closed && System.nanoTime() - deadline < 0) {
            current = compose(ecsFound, ec2Found);
        }
    }

    /** Ends detection: what is known is final, and the problems are reported in one line. */
    private void finish() {
        synchronized (this) {
            closed = true;
        }
        String line = Problems.line(problems.close());
        if (line != null) {
            AgentLog.warn(line);
        }
        if (AgentLog.debugEnabled()) {
            AgentLog.debug("fleet context: " + current);
        }
        finished.countDown();
    }

    private FleetContext compose(Map<Column, String> ecsFound, Map<Column, String> ec2Found) {
        EnumMap<Column, String> values = new EnumMap<Column, String>(Column.class);
        values.putAll(ec2Found);
        if (kubernetes && !ec2Found.isEmpty()) {
            values.put(Column.CLOUD_PLATFORM, "aws_eks");
        }
        values.putAll(ecsFound);
        if (namespace != null) {
            values.put(Column.K8S_NAMESPACE_NAME, namespace);
        }
        values.putAll(otel.columns);
        return new FleetContext(values, otel.others);
    }

    private static Map<Column, String> noValues() {
        return Collections.emptyMap();
    }

}
