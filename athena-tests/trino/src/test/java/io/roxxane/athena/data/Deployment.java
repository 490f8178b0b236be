package io.roxxane.athena.data;

import java.util.Map;

/**
 * Where a schema-2 agent's JVM runs, and what goes wrong there.
 *
 * @param platform {@code aws_eks}, {@code aws_ecs}, or null for a plain Docker host (no fleet context)
 * @param namespace the Kubernetes namespace, or null
 * @param pod the Kubernetes pod, or null
 * @param containerName the container's name (ECS, Kubernetes), or null
 * @param gc the JVM's collector, which names its pools and collectors
 * @param cpuLimit the cgroup CPU quota in cores, as the JSON number the agent writes
 * @param memoryLimitBytes the cgroup memory limit
 * @param throttledShare the share of intervals in which the CFS throttles the container
 * @param oomKills kills in the container, by the seq of the sample that reports them
 * @param nearMaxPool a pool kept at 90 % of its max or more (besides what the collector does), or null
 */
public record Deployment(String platform, String namespace, String pod, String containerName, Gc gc, Number cpuLimit,
                         long memoryLimitBytes, double throttledShare, Map<Integer, Long> oomKills, String nearMaxPool) {

    /** The collector, with the names the JVM gives its memory pools and collector beans. */
    public enum Gc {
        G1("G1 Young Generation", "G1 Old Generation", "G1 Concurrent GC"),
        ZGC("ZGC Pauses", "ZGC Pauses", "ZGC Cycles"),
        PARALLEL("PS Scavenge", "PS MarkSweep", null);

        public final String youngPauses;
        public final String oldPauses;
        /** The concurrent-cycle collector, or null (Parallel has none: an empty map). */
        public final String concurrent;

        Gc(String youngPauses, String oldPauses, String concurrent) {
            this.youngPauses = youngPauses;
            this.oldPauses = oldPauses;
            this.concurrent = concurrent;
        }
    }
}
