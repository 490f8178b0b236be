#!/usr/bin/env bash
# Collection cost: CPU per sample of the agent's collectors against a naive OSHI baseline, in one run.
#   1. whole process: CollectionCostMain collects N samples of each (alternating) and prints the
#      median and p90 thread CPU per sample, then the median per collector;
#   2. JMH: CollectionCostBenchmark, wall time per op, bytes allocated per op (-prof gc) and CPU
#      per op (this thread, the whole JVM, child processes: counters / ops, printed at the end).
# Usage: bench/collection-cost.sh [N] [extra JMH args...]   (N defaults to 2000)
# JAVA selects the JDK (default: java on PATH). Results: docs/BENCHMARKS.md ("Cost of collection").
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-2000}"
shift || true
JAVA="${JAVA:-java}"
# shellcheck source=bench/agent-test-classpath.sh
. bench/agent-test-classpath.sh

echo "== whole process: $N samples each ($("$JAVA" -version 2>&1 | head -1))"
"$JAVA" -cp "$CP" io.roxxane.agent.bench.CollectionCostMain "$N" | tee "$OUT/whole-process.txt"

echo "== JMH"
"$JAVA" -cp "$CP" org.openjdk.jmh.Main 'io.roxxane.agent.bench.CollectionCostBenchmark' \
    -jvm "$JAVA" -prof gc -rf json -rff "$OUT/jmh.json" "$@" | tee "$OUT/jmh.txt"

echo "== JMH: this thread's CPU per op"
python3 - "$OUT/jmh.json" <<'PY'
import json, sys
for run in json.load(open(sys.argv[1])):
    secondary = run["secondaryMetrics"]
    ops = secondary["ops"]["score"]
    per_op = lambda key: secondary[key]["score"] / ops / 1000
    alloc = secondary.get("gc.alloc.rate.norm", {}).get("score", float("nan"))
    name = run["benchmark"].rsplit(".", 1)[1]
    print(f"{name:16s} CPU us/op: thread {per_op('cpuNanos'):7.1f}, whole JVM {per_op('jvmCpuNanos'):7.1f}, "
          f"children {per_op('childCpuNanos'):7.1f}; wall {run['primaryMetric']['score']:7.1f} us/op; "
          f"alloc {alloc:8.0f} B/op")
PY
