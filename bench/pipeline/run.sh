#!/usr/bin/env bash
# Pipeline figures (issue 9): Parquet versus JSON size of a day of samples, and what a fleet costs
# per month in Firehose ingestion, format conversion and dynamic partitioning at list prices.
#   1. records real samples: the agent's file sink at interval=1s for RECORD_SECONDS under the
#      light workload of bench/agents/Workload.java (or reuses SAMPLES_DIR);
#   2. ParquetSize.java: one UTC day at INTERVAL s from those samples (only ts, seq, interval_ms
#      rewritten) as JSON lines, gzip JSON and Parquet (DuckDB; Snappy like Firehose's conversion,
#      and ZSTD), one file for the day and one file per 5-minute buffer;
#   3. fleet_cost.py: billed bytes per sample with and without aggregation (5 KB rounding per
#      record) and the monthly bill of FLEET JVMs.
# usage: bench/pipeline/run.sh     (from anywhere; after ./mvnw -B -q -o -pl agent -am package -DskipTests)
#   RECORD_SECONDS=870 INTERVAL=10 SAMPLES_DIR=  OUT=target/bench/pipeline/<UTC time>
#   FLEET=1000 FLUSH=60 SERVICES=50 BUFFER_SECONDS=300 (passed to fleet_cost.py)
# Raw output in OUT (env.txt, record.log, sample-line.json, sizes.txt); the samples and the day's
# files in bench/pipeline/target/. Prints the Markdown report at the end (also OUT/report.md).
# Needs: a JDK 17+, python3; the DuckDB JDBC jar (a test dependency of the agent) from ~/.m2.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(realpath -m "${OUT:-$ROOT/target/bench/pipeline/$(date -u +%Y%m%dT%H%M%SZ)}")
if [ -n "${SAMPLES_DIR:-}" ]; then SAMPLES_DIR=$(realpath -m "$SAMPLES_DIR"); fi
cd "$ROOT"
RECORD_SECONDS=${RECORD_SECONDS:-870}
INTERVAL=${INTERVAL:-10}
WORK=bench/pipeline/target
DUCKDB_VERSION=1.5.6.0
DUCKDB_JAR=$HOME/.m2/repository/org/duckdb/duckdb_jdbc/$DUCKDB_VERSION/duckdb_jdbc-$DUCKDB_VERSION.jar
ROXXANE_JAR=agent/target/roxxane.jar
mkdir -p "$WORK" "$OUT"

[ -f "$ROXXANE_JAR" ] || { echo "no $ROXXANE_JAR: ./mvnw -B -q -o -pl agent -am package -DskipTests" >&2; exit 2; }
[ -d schema/target/classes/io ] || ./mvnw -B -q -o -pl schema compile
[ -f "$DUCKDB_JAR" ] || ./mvnw -B -q dependency:get -Dartifact=org.duckdb:duckdb_jdbc:$DUCKDB_VERSION -Dtransitive=false

{
    echo "# bench/pipeline/run.sh $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit: $(git rev-parse HEAD)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/env.txt"

SAMPLES=${SAMPLES_DIR:-$WORK/samples}
if [ -z "${SAMPLES_DIR:-}" ]; then
    rm -rf "$SAMPLES"
    javac -d "$WORK/classes" bench/agents/Workload.java
    echo "== recording ${RECORD_SECONDS}s of samples at interval=1s"
    java "-javaagent:$ROXXANE_JAR=service=checkout-service,interval=1s,sink=file,dir=$SAMPLES,tags=env:prod;team:payments" \
        -cp "$WORK/classes" Workload "$RECORD_SECONDS" 2>&1 | tee "$OUT/record.log"
fi
first=$(find "$SAMPLES" -name '*.json.gz' | sort | head -1)
{ zcat "$first" | head -1 > "$OUT/sample-line.json"; } 2> /dev/null || true
echo "samples: $(find "$SAMPLES" -name '*.json.gz' -exec zcat {} + | wc -l) in $SAMPLES" | tee -a "$OUT/env.txt"

echo "== sizes of one day at ${INTERVAL}s"
java -cp "schema/target/classes:$DUCKDB_JAR" bench/pipeline/ParquetSize.java "$SAMPLES" "$WORK/day" "$INTERVAL" | tee "$OUT/sizes.txt"
echo "== fleet cost"
echo
python3 bench/pipeline/fleet_cost.py "$OUT/sizes.txt" "$WORK/day/day.json" | tee "$OUT/report.md"
echo
echo "raw output: $OUT"
