#!/usr/bin/env bash
# Samples delivered per Firehose fault scenario, with the agent's production timings: runs the
# child-JVM tests that script the faults (ShutdownAfterOutageIT) and prints their table.
#   OUT=target/bench/faults/<UTC time>     raw output (the tests' output and reports)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
OUT=$(realpath -m "${OUT:-$ROOT/target/bench/faults/$(date -u +%Y%m%dT%H%M%SZ)}")
mkdir -p "$OUT"
./mvnw -B -o -pl schema,agent -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=ShutdownAfterOutageIT -Dfailsafe.failIfNoSpecifiedTests=false > "$OUT/build.log" 2>&1 \
    || { echo "tests failed: see $OUT/build.log" >&2; exit 1; }
cp agent/target/failsafe-reports/*ShutdownAfterOutageIT* "$OUT/"
{
    echo "| scenario (interval=1s, flush=2s, shutdown_timeout=5s) | samples taken | samples delivered |"
    echo "| --- | ---: | ---: |"
    grep -ho 'FAULT-TABLE.*' "$OUT"/*ShutdownAfterOutageIT* | sort -u | awk -F'\t' '{printf "| %s | %s | %s |\n", $2, $3, $4}'
} | tee "$OUT/table.md"
echo "raw output: $OUT"
