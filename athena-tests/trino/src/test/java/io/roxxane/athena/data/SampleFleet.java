package io.roxxane.athena.data;

import io.roxxane.athena.data.Deployment.Gc;
import io.roxxane.schema.Column;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Crafted agent traffic around a UTC day, a fleet in the middle of the upgrade to schema 2, with
 * deliberate faults so that every query has rows to find. The stack (Glue table, stream) is
 * upgraded at {@link #stackUpgradedAt()}, 23:05 UTC before {@code day}.
 * <ul>
 *   <li>four schema-1 agents of two services on three hosts, one sample a minute for four hours
 *       across the midnight that starts {@code day}, before and after the stack upgrade;</li>
 *   <li>{@code ck-a}: seq 50-52 and 120 lost, and the agent says it dropped them; tag keys
 *       {@code Env} and {@code team} (a map key's case must survive);</li>
 *   <li>{@code ck-b}: live threads grow every hour; tags {@code env} and {@code Env} (distinct keys
 *       that differ only in case);</li>
 *   <li>{@code bl-b}: metaspace grows every hour; seq 150 lost in transit (no drop counted); no tags key;</li>
 *   <li>{@code bl-c}: seq 10 and 11 re-sent once, seq 200 twice (a retried batch); its JVM has no
 *       GC pause figure (key absent); empty tags;</li>
 *   <li>four schema-2 agents started after the upgrade (23:10, two hours): checkout and billing
 *       pods on Kubernetes, a checkout task on ECS Fargate (ZGC), a billing container on a plain
 *       Docker host (Parallel GC, no fleet context); throttling, OOM kills on both days, pools at
 *       90 % of their max ({@link Deployment}); the application's MBeans in {@code app_metrics}: a
 *       saturated Tomcat pool and a HikariCP pool with threads waiting in the checkout pod, a Kafka
 *       consumer falling behind in the billing pod, a rule's Tomcat series without the pool label on
 *       the Docker host, none at all in the ECS task ({@link AppMetricsFigures});</li>
 *   <li>a checkout pod whose agent was upgraded before the stack (22:25 to 22:55): schema-2 samples
 *       converted with the schema-1 table, so their schema-2 values never reach the table;</li>
 *   <li>an old instance 20 days back and two at 14 and 15 days back (around QuickSight's window),
 *       schema 1, with a key no column has;</li>
 *   <li>one sample whose every key is null, {@code ts} and {@code service} included.</li>
 * </ul>
 * Samples are sent three to a record (the agent packs them), two seconds after the last one's
 * {@code ts}; a re-sent sample travels alone a minute later.
 */
public final class SampleFleet {
    public static final String CHECKOUT = "Checkout Service";
    public static final String BILLING = "billing";
    public static final long INTERVAL_MS = 60_000;
    public static final int SAMPLES = 240;
    private static final int PER_RECORD = 3;
    private static final long HOUR = 3_600_000L;
    private static final long GIB = 1024L * 1024 * 1024;

    /** One agent start; {@code deployment} is where a schema-2 agent runs (null for the schema-1 hosts). */
    public record Instance(String service, String host, String id, long pid, long startMillis, int samples, int schemaVersion,
                           Deployment deployment) {
        public long tsOf(long seq) {
            return startMillis + seq * INTERVAL_MS;
        }
    }

    private final LocalDate day;
    private final long stackUpgradedAt;
    public final Instance ckA;
    public final Instance ckB;
    public final Instance blB;
    public final Instance blC;
    public final Instance ckPod;
    public final Instance blPod;
    public final Instance ckEcs;
    public final Instance blDocker;
    public final Instance ckEarly;
    public final Instance old;
    public final Instance edge14;
    public final Instance edge15;
    private final long nullSampleArrival;

    /** @param day the UTC day whose midnight the main instances run across (e.g. yesterday) */
    public SampleFleet(LocalDate day) {
        this.day = day;
        long midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long start = midnight - 2 * HOUR;
        stackUpgradedAt = midnight - 55 * 60_000L;
        ckA = schemaOne(CHECKOUT, "host-a", "ck-a-0001", 4101, start + 1_000, SAMPLES);
        ckB = schemaOne(CHECKOUT, "host-b", "ck-b-0002", 4102, start + 2_000, SAMPLES);
        blB = schemaOne(BILLING, "host-b", "bl-b-0003", 5103, start + 3_000, SAMPLES);
        blC = schemaOne(BILLING, "host-c", "bl-c-0004", 5104, start + 4_000, SAMPLES);
        long upgraded = midnight - 50 * 60_000L;
        String node1 = "ip-10-0-1-23.eu-west-1.compute.internal";
        ckPod = new Instance(CHECKOUT, node1, "ck-k8s-0008", 1, upgraded + 5_000, 120, 2, new Deployment("aws_eks", "shop",
                "checkout-7d9f8b6c5d-x2lqp", "checkout", Gc.G1, 2.0, 2 * GIB, 0.8, Map.of(40, 1L, 80, 1L, 100, 2L),
                "G1 Old Gen"));
        blPod = new Instance(BILLING, "ip-10-0-2-41.eu-west-1.compute.internal", "bl-k8s-0009", 1, upgraded + 6_000, 120, 2,
                new Deployment("aws_eks", "finance", "billing-5f6d7c8b9a-k4m2n", "billing", Gc.G1, 1.0, GIB, 0, Map.of(),
                        "Compressed Class Space"));
        ckEcs = new Instance(CHECKOUT, "ip-10-0-3-7.eu-west-1.compute.internal", "ck-ecs-0010", 7, upgraded + 7_000, 120, 2,
                new Deployment("aws_ecs", null, null, "checkout", Gc.ZGC, 1, 3 * GIB, 0.3, Map.of(), null));
        blDocker = new Instance(BILLING, "host-f", "bl-dkr-0011", 6011, upgraded + 8_000, 120, 2, new Deployment(null, null,
                null, null, Gc.PARALLEL, 0.5, GIB, 0.5, Map.of(60, 1L), SchemaTwoFigures.CODE_HEAP));
        ckEarly = new Instance(CHECKOUT, node1, "ck-k8s-0012", 1, stackUpgradedAt - 40 * 60_000L, 30, 2, new Deployment(
                "aws_eks", "shop", "checkout-6c4b9d8f7-q8w2e", "checkout", Gc.G1, 2.0, 2 * GIB, 0.8, Map.of(20, 1L), "G1 Old Gen"));
        old = schemaOne("Legacy Batch", "host-d", "old-0005", 6105, noonOf(day.minusDays(19)), 20);
        edge14 = schemaOne("edge", "host-e", "edge14-0006", 7106, noonOf(day.minusDays(13)), 10);
        edge15 = schemaOne("edge", "host-e", "edge15-0007", 7107, noonOf(day.minusDays(14)), 10);
        nullSampleArrival = noonOf(day) + 30_000;
    }

    private static Instance schemaOne(String service, String host, String id, long pid, long start, int samples) {
        return new Instance(service, host, id, pid, start, samples, 1, null);
    }

    public LocalDate day() {
        return day;
    }

    /** When the stack (Glue table and stream) went from schema 1 to schema 2. */
    public long stackUpgradedAt() {
        return stackUpgradedAt;
    }

    public List<Instance> instances() {
        return List.of(ckA, ckB, blB, blC, old, edge14, edge15, ckPod, blPod, ckEcs, blDocker, ckEarly);
    }

    public List<Instance> schemaTwoInstances() {
        return instances().stream().filter(i -> i.schemaVersion() == 2).toList();
    }

    public List<Send> sends() {
        Random random = new Random(20261205);
        SampleFigures figures = new SampleFigures(this);
        List<Send> sends = new ArrayList<>();
        for (Instance instance : instances()) {
            List<Map<String, Object>> pending = new ArrayList<>();
            for (int seq = 0; seq < instance.samples(); seq++) {
                Map<String, Object> sample = figures.sample(instance, seq, random);
                if (lost(instance, seq)) {
                    continue;
                }
                pending.add(sample);
                for (int copy = 1; copy < copies(instance, seq); copy++) {
                    sends.add(new Send(List.of(sample), instance.tsOf(seq) + copy * 60_000L));
                }
                if (pending.size() == PER_RECORD) {
                    sends.add(send(pending));
                    pending = new ArrayList<>();
                }
            }
            if (!pending.isEmpty()) {
                sends.add(send(pending));
            }
        }
        Map<String, Object> nothing = new LinkedHashMap<>();
        for (Column column : Column.values()) {
            if (column != Column.ARRIVAL_TS) {
                nothing.put(column.columnName(), null);
            }
        }
        sends.add(new Send(List.of(nothing), nullSampleArrival));
        return sends;
    }

    private static Send send(List<Map<String, Object>> samples) {
        long lastTs = ((Number) samples.get(samples.size() - 1).get("ts")).longValue();
        return new Send(List.copyOf(samples), lastTs + 2_000);
    }

    private static long noonOf(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 12 * HOUR;
    }

    private boolean lost(Instance instance, int seq) {
        return instance == ckA && (seq >= 50 && seq <= 52 || seq == 120) || instance == blB && seq == 150;
    }

    private int copies(Instance instance, int seq) {
        if (instance == blC && (seq == 10 || seq == 11)) {
            return 2;
        }
        return instance == blC && seq == 200 ? 3 : 1;
    }
}
