#!/usr/bin/env bash
# Collection cost at the agent's real cadence: one sample (every collector, then the JSON encoding)
# per interval from the first sample on, this thread's CPU per collector, medians over windows of
# the run. Back-to-back loops (bench/collection/cost.sh) keep code compiled and caches warm; one
# sample a second does not, and that is what a host pays.
# The Java class is the agent's test code (io.roxxane.agent.bench.PacedCollectionCostMain); the
# script compiles it (bench/agent-classpath.sh) and runs it on the test class path.
# usage: bench/collection/cost-paced.sh [SAMPLES] [PACE_MS]   (defaults 240 and 1000: 4 minutes)
#   JAVA=java                                            the JDK
#   OUT=target/bench/collection-cost-paced/<UTC time>    raw output (paced.txt, env.txt)
# Prints the medians as a Markdown table at the end (also OUT/report.md).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(realpath -m "${OUT:-$ROOT/target/bench/collection-cost-paced/$(date -u +%Y%m%dT%H%M%SZ)}")
cd "$ROOT"
SAMPLES="${1:-240}"
PACE_MS="${2:-1000}"
JAVA="${JAVA:-java}"
mkdir -p "$OUT"
# shellcheck source=bench/agent-classpath.sh
. bench/agent-classpath.sh

{
    echo "# bench/collection/cost-paced.sh $SAMPLES $PACE_MS ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
    echo "commit: $(git rev-parse HEAD 2> /dev/null || echo '?')"
    echo "java: $("$JAVA" -version 2>&1 | head -1)"
    echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/env.txt"
"$JAVA" -cp "$CP" io.roxxane.agent.bench.PacedCollectionCostMain "$SAMPLES" "$PACE_MS" | tee "$OUT/paced.txt"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/env.txt"
echo
python3 bench/collection/report.py "$OUT" | tee "$OUT/report.md"
echo
echo "raw output: $OUT"
