#!/usr/bin/env bash
# Firehose billed bytes per sample, aggregated (the agent's RecordPacker) against one record per
# sample, for one simulated hour per interval and flush: FirehoseCostReport, test code of the agent
# (agent/src/test/java/io/roxxane/agent/sink/firehose/FirehoseCostReport.java; FirehoseCostReportTest
# checks the model's invariants). Deterministic: no load dependence, seconds to run.
# usage: bench/pipeline/firehose-cost.sh     (from anywhere; compiles what it needs)
#   JAVA=java  OUT=target/bench/firehose-cost/<UTC time>
# Prints the Markdown tables (also OUT/report.md).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(realpath -m "${OUT:-$ROOT/target/bench/firehose-cost/$(date -u +%Y%m%dT%H%M%SZ)}")
cd "$ROOT"
JAVA="${JAVA:-java}"
mkdir -p "$OUT"
# shellcheck source=bench/agent-classpath.sh
. bench/agent-classpath.sh
echo "# bench/pipeline/firehose-cost.sh ($(date -u +%Y-%m-%dT%H:%M:%SZ)), commit $(git rev-parse HEAD 2> /dev/null || echo '?')" > "$OUT/env.txt"
"$JAVA" -cp "$CP" io.roxxane.agent.sink.firehose.FirehoseCostReport | tee "$OUT/report.md"
echo
echo "raw output: $OUT"
