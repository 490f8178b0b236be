package io.roxxane.agent;

import io.roxxane.agent.identity.AgentVersion;
import io.roxxane.agent.identity.Identity;

import io.roxxane.agent.collect.CollectorSet;
import io.roxxane.agent.config.AgentConfig;
import io.roxxane.agent.distress.DistressMonitor;
import io.roxxane.agent.config.ConfigException;
import io.roxxane.agent.config.ConfigResolver;
import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.sample.EncodedSample;
import io.roxxane.agent.sample.Sample;
import io.roxxane.agent.sample.SampleEncoder;
import io.roxxane.agent.sink.Sink;
import io.roxxane.agent.stats.AgentMBeanRegistrar;
import io.roxxane.agent.stats.AgentStats;
import io.roxxane.schema.Column;
import java.util.concurrent.TimeUnit;

/**
 * The agent's life: resolve configuration, start the sink and the collectors, then take one
 * sample per interval on the collector thread until the JVM shuts down, when the sink gets
 * {@code shutdown_timeout} to deliver what it holds.
 */
public final class AgentRuntime {
    /** The longest last-error text a sample carries. */
    static final int MAX_ERROR_CHARS = 200;
    /** The system property {@code RoxxaneAgent} sets when an agent starts in this JVM. */
    static final String STARTED_MARKER = "io.roxxane.agent.started";

    private final AgentConfig config;
    private final Identity identity;
    private final CollectorSet collectors;
    private final Sink sink;
    private final AgentStats stats;
    private final SampleEncoder encoder = new SampleEncoder();
    private final DistressMonitor distress;
    private volatile boolean stopping;
    private long seq;

    AgentRuntime(AgentConfig config, Identity identity, CollectorSet collectors, Sink sink, AgentStats stats) {
        this(config, identity, collectors, sink, stats, DistressMonitor.start());
    }

    AgentRuntime(AgentConfig config, Identity identity, CollectorSet collectors, Sink sink, AgentStats stats,
            DistressMonitor distress) {
        this.distress = distress;
        this.config = config;
        this.identity = identity;
        this.collectors = collectors;
        this.sink = sink;
        this.stats = stats;
    }

    /** Runs on the collector thread; returns when the agent stops. Never throws. */
    static void startAndRun(String agentArgs, boolean attachedAtRunTime) {
        AgentRuntime runtime;
        try {
            runtime = create(agentArgs);
        } catch (ConfigException e) {
            AgentLog.warn(e.getMessage());
            allowAnotherStart();
            return;
        } catch (Throwable t) {
            AgentLog.warn("agent not started: " + AgentLog.describe(t));
            allowAnotherStart();
            return;
        }
        runtime.registerShutdownHook();
        AgentMBeanRegistrar.registerLater(runtime.stats);
        AgentLog.info("started " + AgentVersion.get() + (attachedAtRunTime ? " (attached)" : "") + ": service="
                + runtime.identity.service() + ", instance=" + runtime.identity.instanceId() + ", sink=" + describeSink(runtime.config) + ", interval="
                + runtime.config.intervalMillis() + "ms");
        runtime.runLoop();
    }

    /**
     * Clears the bootstrap's once-per-JVM marker after a start that came to nothing, so that a
     * later attach with a corrected configuration is not refused as "already running".
     */
    private static void allowAnotherStart() {
        try {
            System.getProperties().remove(STARTED_MARKER);
        } catch (Throwable ignored) {
            // a security manager may refuse; then a second attach is refused, as before
        }
    }

    static AgentRuntime create(String agentArgs) throws ConfigException {
        AgentConfig config = ConfigResolver.resolve(agentArgs);
        for (String warning : config.warnings()) {
            AgentLog.warn(warning);
        }
        AgentStats stats = new AgentStats();
        String instanceId = Identity.newInstanceId();
        Sink sink = SinkFactory.create(config, stats, instanceId);
        // after the sink, which may still refuse the configuration: detection starts only for an agent that runs
        Identity identity = Identity.ofThisJvm(config.service(), config.tags(), config.intervalMillis(),
                config.detectContext(), instanceId);
        CollectorSet collectors = DefaultCollectors.create(config);
        return new AgentRuntime(config, identity, collectors, sink, stats);
    }

    private static String describeSink(AgentConfig config) {
        switch (config.sink()) {
            case FIREHOSE:
                return "firehose stream " + config.stream();
            case LOG:
                return "log (stderr)";
            default:
                return "file " + config.dir().getAbsolutePath();
        }
    }

    private void registerShutdownHook() {
        Thread hook = new Thread(new Runnable() {
            @Override
            public void run() {
                shutdown();
            }
        }, "roxxane-shutdown");
        hook.setDaemon(true);
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException shuttingDownAlready) {
            stopping = true;
        }
    }

    /**
     * Takes samples at each multiple of the interval (aligned to the wall clock, the wait itself
     * timed by the monotonic clock) until stopped.
     */
    void runLoop() {
        long interval = config.intervalMillis();
        while (!stopping) {
            long now = System.currentTimeMillis();
            long next = (now / interval + 1) * interval;
            if (!sleepFor(next - now)) {
                return;
            }
            try {
                takeSample(System.currentTimeMillis());
            } catch (Throwable t) {
                AgentLog.warnLimited("sample", "sample skipped: " + AgentLog.describe(t));
            }
        }
    }

    /** Collects one sample and hands it to the sink. */
    void takeSample(long tsMillis) {
        Sample sample = new Sample();
        sample.set(Column.TS, tsMillis).set(Column.SEQ, seq++);
        identity.writeTo(sample);
        long start = System.nanoTime();
        collectors.collectInto(sample);
        sample.set(Column.AGENT_COLLECT_US, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
        stats.sampleCollected();
        sample.set(Column.AGENT_DROPPED_SAMPLES, stats.droppedSamples())
                .set(Column.AGENT_SENT_RECORDS, stats.sentRecords())
                .set(Column.AGENT_SENT_BYTES, stats.sentBytes())
                .set(Column.AGENT_RETRIES, stats.retries())
                .set(Column.AGENT_FAILURES, stats.failures())
                .set(Column.AGENT_DISABLED_COLLECTORS, collectors.disabledCount())
                .set(Column.AGENT_SAMPLES_COLLECTED, stats.samplesCollected())
                .set(Column.AGENT_DISTRESS, distress.evaluate(sample));
        if (config.spoolDir() != null) {
            sample.set(Column.AGENT_SPOOL_FAILED_WRITES, stats.spoolFailedWrites())
                    .set(Column.AGENT_SPOOL_DAMAGED, stats.spoolDamaged())
                    .set(Column.AGENT_SPOOL_RECOVERED, stats.spoolRecovered());
        }
        long lastSuccess = stats.lastSuccessMillis();
        if (lastSuccess > 0) {
            sample.set(Column.AGENT_LAST_SUCCESS_TS, lastSuccess);
        }
        String lastError = stats.lastError();
        if (lastError != null && !lastError.isEmpty()) {
            sample.set(Column.AGENT_LAST_ERROR, lastError.length() > MAX_ERROR_CHARS
                    ? lastError.substring(0, MAX_ERROR_CHARS) : lastError)
                    .set(Column.AGENT_LAST_ERROR_TS, stats.lastErrorMillis());
        }
        EncodedSample encoded = encoder.encodeForSink(sample);
        if (AgentLog.debugEnabled()) {
            AgentLog.debug("sample " + sample.getLong(Column.SEQ, -1) + " taken, " + encoded.size() + " bytes");
        }
        sink.accept(encoded);
        sink.tick(System.currentTimeMillis());
    }

    /** Stops sampling and gives the sink {@code shutdown_timeout} to deliver what it holds. */
    void shutdown() {
        stopping = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.shutdownTimeoutMillis());
        sink.close(deadline);
    }

    /**
     * Sleeps {@code millis} by the monotonic clock: a wall clock stepped back (NTP, a VM resumed)
     * must not stall sampling. Returns false when stopping.
     */
    private boolean sleepFor(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try {
            long remaining;
            while (!stopping && (remaining = deadline - System.nanoTime()) > 0) {
                Thread.sleep(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(remaining), 1_000)));
            }
            return !stopping;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    AgentStats stats() {
        return stats;
    }
}
