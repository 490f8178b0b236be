#!/usr/bin/env bash
# Collection cost: CPU per sample of the agent's collectors against a naive OSHI baseline, in one run.
#   1. whole process: CollectionCostMain collects N samples of each (alternating) and prints the
#      median and p90 thread CPU per sample, then the median per collector;
#   2. JMH: CollectionCostBenchmark, wall time per op, bytes allocated per op (-prof gc) and CPU
#      per op (this thread, the whole JVM, child processes: counters / ops).
# The Java classes are the agent's test code (agent/src/test/java/io/roxxane/agent/bench); the
# script compiles them (bench/agent-classpath.sh) and runs them on the test class path.
# usage: bench/collection/cost.sh [N] [extra JMH args...]   (N defaults to 2000; from anywhere)
#   JAVA=java                                       the JDK that runs both parts
#   OUT=target/bench/collection-cost/<UTC time>     raw output (whole-process.txt, jmh.txt, jmh.json)
# Prints the summary as a Markdown table at the end (also OUT/report.md).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(realpath -m "${OUT:-$ROOT/target/bench/collection-cost/$(date -u +%Y%m%dT%H%M%SZ)}")
cd "$ROOT"
N="${1:-2000}"
shift || true
JAVA="${JAVA:-java}"
mkdir -p "$OUT"
# shellcheck source=bench/agent-classpath.sh
. bench/agent-classpath.sh

{
    echo "# bench/collection/cost.sh $N $* ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
    echo "commit: $(git rev-parse HEAD 2> /dev/null || echo '?')"
    echo "java: $("$JAVA" -version 2>&1 | head -1)"
    echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/env.txt"

echo "== whole process: $N samples each"
"$JAVA" -cp "$CP" io.roxxane.agent.bench.CollectionCostMain "$N" | tee "$OUT/whole-process.txt"

echo "== JMH"
"$JAVA" -cp "$CP" org.openjdk.jmh.Main 'io.roxxane.agent.bench.CollectionCostBenchmark' \
    -jvm "$JAVA" -prof gc -rf json -rff "$OUT/jmh.json" "$@" | tee "$OUT/jmh.txt"

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/env.txt"
echo
python3 bench/collection/report.py "$OUT" | tee "$OUT/report.md"
echo
echo "raw output: $OUT"
