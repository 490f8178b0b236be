#!/usr/bin/env bash
# Draws the pictures of docs/quicksight.md from real local data: runs two small services
# (Workload.java) with the Roxxane agent and the local file sink for a few minutes, reads what the
# agent wrote with DuckDB (ChartData.java, the guide's data set SQL in DuckDB's dialect) and draws
# the analysis' charts with gnuplot:
#   docs/images/quicksight-heap-gc-by-service.png   heap used and share of time in GC, per service
#   docs/images/quicksight-cpu-by-host.png          host CPU use, per host
#
# Prerequisites (none of them is needed by the Maven build):
#   - a JDK 17+ (java on the PATH; the .java files run with the source launcher)
#   - the agent built:          ./mvnw -B -q -pl agent -am install -DskipTests   (agent/target/roxxane.jar)
#   - DuckDB JDBC in ~/.m2:     org.duckdb:duckdb_jdbc, the version pinned in the parent pom
#                               (any ./mvnw build of glue-templates fetches it), or DUCKDB_JAR=/path/to.jar
#   - gnuplot with pngcairo:    apt-get install -y gnuplot-nox
#
# Usage: docs/quicksight/render.sh [SECONDS] [SINK_DIR]
#   SECONDS   how long the services run (default 240); SINK_DIR the file sink directory
#             (default: a new temporary directory). With SECONDS=0 it only re-draws from SINK_DIR.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
seconds=${1:-240}
sink=${2:-$(mktemp -d -t roxxane-qs-XXXXXX)}
agent=$repo/agent/target/roxxane.jar
duckdb_version=$(sed -n 's:.*<duckdb.version>\(.*\)</duckdb.version>.*:\1:p' "$repo/pom.xml" | head -1)
duckdb_jar=${DUCKDB_JAR:-$HOME/.m2/repository/org/duckdb/duckdb_jdbc/$duckdb_version/duckdb_jdbc-$duckdb_version.jar}
images=$repo/docs/images

for tool in java gnuplot; do
  command -v "$tool" >/dev/null || { echo "render.sh: $tool not found (see the prerequisites at the top)" >&2; exit 2; }
done
[ -f "$agent" ] || { echo "render.sh: $agent missing: ./mvnw -B -q -pl agent -am install -DskipTests" >&2; exit 2; }
[ -f "$duckdb_jar" ] || { echo "render.sh: DuckDB JDBC jar not found at $duckdb_jar (set DUCKDB_JAR)" >&2; exit 2; }

if [ "$seconds" -gt 0 ]; then
  echo "render.sh: two services for ${seconds}s, samples every 2s into $sink"
  # checkout: steady garbage, small cache; orders-api: more garbage and a cache that grows to 60 MiB, then is halved.
  java -Xmx128m -javaagent:"$agent"=sink=file,dir="$sink",interval=2s,service=checkout,roll_time=1m \
    "$here/Workload.java" "$seconds" 20 64 8 >/dev/null &
  first=$!
  java -Xmx128m -javaagent:"$agent"=sink=file,dir="$sink",interval=2s,service=orders-api,roll_time=1m \
    "$here/Workload.java" "$seconds" 60 512 60 >/dev/null &
  second=$!
  wait "$first" "$second"
fi

work=$(mktemp -d -t roxxane-qs-data-XXXXXX)
trap 'rm -rf "$work"' EXIT
java -cp "$duckdb_jar" "$here/ChartData.java" "$sink" "$work" 10
mkdir -p "$images"
gnuplot -e "datadir='$work'; outdir='$work'" "$here/charts.gp"
cp "$work/heap-gc-by-service.png" "$images/quicksight-heap-gc-by-service.png"
cp "$work/cpu-by-host.png" "$images/quicksight-cpu-by-host.png"
ls -l "$images"/quicksight-*.png
echo "render.sh: samples kept in $sink"
