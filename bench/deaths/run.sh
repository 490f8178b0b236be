#!/usr/bin/env bash
# Samples lost per way to die, with and without spool=, at 1 s and 10 s, and the spool's cost:
# runs DeathBench (agent/src/test/.../sink/firehose/DeathBench.java) through failsafe on the built
# jar and prints the tables. About 40 minutes with the defaults.
#   INTERVALS=1,10   COST_SECONDS=120   OUT=target/bench/deaths/<UTC time>
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
OUT=$(realpath -m "${OUT:-$ROOT/target/bench/deaths/$(date -u +%Y%m%dT%H%M%SZ)}")
mkdir -p "$OUT"
./mvnw -B -o -pl schema,agent -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=DeathBench -Dfailsafe.failIfNoSpecifiedTests=false \
    -DargLine="-Ddeaths.intervals=${INTERVALS:-1,10} -Ddeaths.costSeconds=${COST_SECONDS:-120}" \
    > "$OUT/build.log" 2>&1 || { echo "benchmark failed: see $OUT/build.log" >&2; exit 1; }
cp agent/target/failsafe-reports/*DeathBench* "$OUT/"
lines() { grep -ho "$1.*" "$OUT"/*DeathBench* | sort -u; }
{
    echo "| way to die | interval | spool | samples taken | samples lost |"
    echo "| --- | ---: | --- | ---: | ---: |"
    lines DEATH-BENCH | sort -t$'\t' -k3,3n -k2,2 -k4,4 | awk -F'\t' '{printf "| %s | %s s | %s | %s | %s |\n", $2, $3, $4, $5, $6}'
    echo
    echo "| spool | samples | collector CPU per sample (µs) | sender CPU per sample (µs) | bytes written | fsyncs |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
    lines SPOOL-COST | awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7}'
} | tee "$OUT/table.md"
echo "raw output: $OUT"
