#!/usr/bin/env bash
# Draws the Tomcat picture of docs/quicksight.md from real local data: runs two pods' worth of a
# small web service on embedded Tomcat (TomcatWorkload.java) with the Roxxane agent and the local
# file sink for a few minutes, each pod's clients rising to their peak at mid-run and falling back
# (one pod past its 20 threads, one well below), reads what the agent wrote with DuckDB
# (TomcatChartData.java, the guide's Tomcat data set SQL in DuckDB's dialect) and draws with gnuplot:
#   docs/images/quicksight-tomcat-busy-by-pod.png
#
# Prerequisites (none of them is needed by the Maven build): those of render.sh, and Tomcat 11's
# tomcat-embed-core and tomcat-annotations-api jars in ~/.m2 (the agent's tests fetch them), or
# TOMCAT_JARS=/path/to/core.jar:/path/to/annotations.jar.
#
# Usage: docs/quicksight/render-tomcat.sh [SECONDS] [SINK_DIR]
#   SECONDS   how long the pods run (default 240); SINK_DIR the file sink directory
#             (default: a new temporary directory). With SECONDS=0 it only re-draws from SINK_DIR.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
seconds=${1:-240}
sink=${2:-$(mktemp -d -t roxxane-qs-tomcat-XXXXXX)}
agent=$repo/agent/target/roxxane.jar
duckdb_version=$(sed -n 's:.*<duckdb.version>\(.*\)</duckdb.version>.*:\1:p' "$repo/pom.xml" | head -1)
duckdb_jar=${DUCKDB_JAR:-$HOME/.m2/repository/org/duckdb/duckdb_jdbc/$duckdb_version/duckdb_jdbc-$duckdb_version.jar}
tomcat_repo=$HOME/.m2/repository/org/apache/tomcat
tomcat_version=11.0.29
tomcat_jars=${TOMCAT_JARS:-$tomcat_repo/embed/tomcat-embed-core/$tomcat_version/tomcat-embed-core-$tomcat_version.jar:$tomcat_repo/tomcat-annotations-api/$tomcat_version/tomcat-annotations-api-$tomcat_version.jar}
images=$repo/docs/images

for tool in java gnuplot; do
  command -v "$tool" >/dev/null || { echo "render-tomcat.sh: $tool not found (see render.sh's prerequisites)" >&2; exit 2; }
done
[ -f "$agent" ] || { echo "render-tomcat.sh: $agent missing: ./mvnw -B -q -pl agent -am package -DskipTests" >&2; exit 2; }
[ -f "$duckdb_jar" ] || { echo "render-tomcat.sh: DuckDB JDBC jar not found at $duckdb_jar (set DUCKDB_JAR)" >&2; exit 2; }
for jar in ${tomcat_jars//:/ }; do
  [ -f "$jar" ] || { echo "render-tomcat.sh: Tomcat jar not found: $jar (set TOMCAT_JARS)" >&2; exit 2; }
done

if [ "$seconds" -gt 0 ]; then
  echo "render-tomcat.sh: two pods for ${seconds}s, samples every 2s into $sink"
  # Two pods of one service (k8s.pod.name as Kubernetes' downward API would set it), 20 threads each:
  # the first gets up to 40 clients at once, the second up to 12.
  OTEL_RESOURCE_ATTRIBUTES=k8s.namespace.name=shop,k8s.pod.name=checkout-7d9f8b6c5d-x2lqp \
    java -Xmx128m -javaagent:"$agent"=sink=file,dir="$sink",interval=2s,service=checkout,roll_time=1m \
    -cp "$tomcat_jars" "$here/TomcatWorkload.java" "$seconds" 20 40 >/dev/null 2>&1 &
  first=$!
  OTEL_RESOURCE_ATTRIBUTES=k8s.namespace.name=shop,k8s.pod.name=checkout-7d9f8b6c5d-q8r4t \
    java -Xmx128m -javaagent:"$agent"=sink=file,dir="$sink",interval=2s,service=checkout,roll_time=1m \
    -cp "$tomcat_jars" "$here/TomcatWorkload.java" "$seconds" 20 12 >/dev/null 2>&1 &
  second=$!
  wait "$first" "$second"
fi

work=$(mktemp -d -t roxxane-qs-tomcat-data-XXXXXX)
trap 'rm -rf "$work"' EXIT
java -cp "$duckdb_jar" "$here/TomcatChartData.java" "$sink" "$work" 10
mkdir -p "$images"
gnuplot -e "datadir='$work'; outdir='$work'" "$here/tomcat.gp"
cp "$work/tomcat-busy-by-pod.png" "$images/quicksight-tomcat-busy-by-pod.png"
ls -l "$images"/quicksight-tomcat-*.png
echo "render-tomcat.sh: samples kept in $sink"
