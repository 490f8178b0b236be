#!/usr/bin/env bash
# Collection cost at the agent's real cadence: one sample (every collector, then the JSON encoding)
# per interval from the first sample on, this thread's CPU per collector, medians over windows of
# the run. Back-to-back loops (bench/collection-cost.sh) keep code compiled and caches warm; one
# sample a second does not, and that is what a host pays.
# Usage: bench/collection-cost-paced.sh [SAMPLES] [PACE_MS]   (defaults 240 and 1000: 4 minutes)
# JAVA selects the JDK (default: java on PATH). Results: docs/BENCHMARKS.md ("Cost of collection").
set -euo pipefail
cd "$(dirname "$0")/.."
SAMPLES="${1:-240}"
PACE_MS="${2:-1000}"
JAVA="${JAVA:-java}"
# shellcheck source=bench/agent-test-classpath.sh
. bench/agent-test-classpath.sh

echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -cp "$CP" io.roxxane.agent.bench.PacedCollectionCostMain "$SAMPLES" "$PACE_MS" | tee "$OUT/paced.txt"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
