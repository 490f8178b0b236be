#!/usr/bin/env bash
# Application MBeans, side by side in one run: collection CPU and bytes of Roxxane's built-in sets on
# an embedded Tomcat 11 + HikariCP host (bench/jmx/BenchHost.java, light steady load), against
# jmx_exporter 1.0.1 (javaagent) reading the same MBeans (bench/jmx/jmx_exporter-sets.yaml) scraped
# with curl every second, against Roxxane with jmx_sets=off and against no agent. Configurations
# alternate, ROUNDS times; each JVM runs SECONDS.
# usage: bench/jmx/run.sh [SECONDS] [ROUNDS]     (defaults 120 and 2)
#   JAVA=java  OUT=target/bench/jmx/<UTC time>
# Needs the built agent and the test hosts' libraries:
#   ./mvnw -B -q -o -pl schema,agent -am verify -DskipTests
# (target/host-libs/apps: Tomcat, HikariCP, H2; target/host-libs/jmx-exporter: jmx_exporter 1.0.1).
# Prints the Markdown table at the end (also OUT/report.md).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(realpath -m "${OUT:-$ROOT/target/bench/jmx/$(date -u +%Y%m%dT%H%M%SZ)}")
RUN_SECONDS=${1:-120}
ROUNDS=${2:-2}
JAVA=${JAVA:-java}
JAVAC=${JAVAC:-$(dirname "$(readlink -f "$(command -v "$JAVA")")")/javac}
ROXXANE_JAR=$ROOT/agent/target/roxxane.jar
LIBS=$ROOT/agent/target/host-libs/apps
JMX_JAR=$ROOT/agent/target/host-libs/jmx-exporter/jmx_prometheus_javaagent-1.0.1.jar
for f in "$ROXXANE_JAR" "$JMX_JAR" "$LIBS"; do
    [ -e "$f" ] || { echo "no $f: ./mvnw -B -q -o -pl schema,agent -am verify -DskipTests" >&2; exit 2; }
done
mkdir -p "$OUT/classes"
CP="$OUT/classes:$(ls "$LIBS"/*.jar | tr '\n' ':')"
"$JAVAC" --release 17 -d "$OUT/classes" -cp "$CP" "$ROOT/bench/jmx/BenchHost.java"
{
    echo "# bench/jmx/run.sh $RUN_SECONDS $ROUNDS ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
    echo "commit: $(git -C "$ROOT" rev-parse HEAD 2> /dev/null || echo '?')"
    echo "java: $("$JAVA" -version 2>&1 | head -1)"
    echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/env.txt"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

run_one() { # config round
    local config=$1 dir=$OUT/$1-$2 port="" opts=()
    mkdir -p "$dir"
    case $config in
        none) ;;
        roxoff) opts=("-javaagent:$ROXXANE_JAR=sink=file,dir=$dir/data,interval=1s,service=bench,jmx_sets=off") ;;
        rox) opts=("-javaagent:$ROXXANE_JAR=sink=file,dir=$dir/data,interval=1s,service=bench") ;;
        jmx) port=$(free_port); opts=("-javaagent:$JMX_JAR=127.0.0.1:$port:$ROOT/bench/jmx/jmx_exporter-sets.yaml") ;;
    esac
    "$JAVA" "${opts[@]}" -cp "$CP" BenchHost "$RUN_SECONDS" > "$dir/out.txt" 2> "$dir/err.txt" &
    local pid=$! scrapes=0
    if [ "$config" = jmx ]; then
        while kill -0 "$pid" 2> /dev/null; do
            if curl -fs -o "$dir/metrics.txt" "http://127.0.0.1:$port/metrics"; then scrapes=$((scrapes + 1)); fi
            sleep 1
        done
    fi
    wait "$pid" || true
    echo "$scrapes" > "$dir/scrapes.txt"
    echo "$config round $2: $(grep '^cpu' "$dir/out.txt" | tr '\n' ' ')"
}

for round in $(seq 1 "$ROUNDS"); do
    for config in none roxoff rox jmx; do
        run_one "$config" "$round"
    done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/env.txt"
python3 "$ROOT/bench/jmx/report.py" "$OUT" "$RUN_SECONDS" | tee "$OUT/report.md"
echo "raw output: $OUT"
