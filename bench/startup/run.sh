#!/usr/bin/env bash
# Start-up cost of the agent: wall and CPU time of a hello-world JVM with and without
# -javaagent:roxxane.jar, run alternately N times each, plus premain's own duration.
#
# usage: bench/startup/run.sh [RUNS]     (from anywhere; builds nothing: build the agent first with
#                                        ./mvnw -B -q -o -pl agent -am package -DskipTests)
#   JAVA=/path/to/bin/java   the JVM to measure (default: java on PATH)
#   AGENT_ARGS=...           agent arguments (default: sink=file,dir=<fresh temp dir>)
#   JAR=agent/target/roxxane.jar
#   OUT=target/bench/startup/<UTC time>   raw output: one line per run (without.txt, with.txt:
#                            wall and CPU seconds; premain.txt: premain's duration in us)
# Needs: GNU time (/usr/bin/time), awk, javac. Prints a Markdown table (also OUT/report.md).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(realpath -m "${OUT:-$ROOT/target/bench/startup/$(date -u +%Y%m%dT%H%M%SZ)}")
JAR=$(realpath -m "${JAR:-$ROOT/agent/target/roxxane.jar}")
cd "$ROOT"

RUNS=${1:-20}
JAVA=${JAVA:-java}
JAVAC=${JAVAC:-$(dirname "$(readlink -f "$(command -v "$JAVA")")")/javac}
[ -f "$JAR" ] || { echo "no $JAR: build it first (./mvnw -B -q -o -pl agent -am package -DskipTests)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time" >&2; exit 2; }
mkdir -p "$OUT"
rm -f "$OUT/without.txt" "$OUT/with.txt" "$OUT/premain.txt"

work=$(mktemp -d /tmp/roxxane-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
AGENT_ARGS=${AGENT_ARGS:-sink=file,dir=$work/data}
cat > "$work/Hello.java" <<'JAVA'
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
JAVA
"$JAVAC" -d "$work" "$work/Hello.java"

# one run: appends "wall cpu" (seconds) to the given file; wall from the nanosecond clock,
# CPU (user + sys of the JVM, all threads) from GNU time, which reports centiseconds
run() {
    local out=$1; shift
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f "%U %S" -o "$work/time" "$JAVA" "$@" -cp "$work" Hello > /dev/null 2> "$work/stderr"
    end=$(date +%s%N)
    awk -v w=$(( (end - start) / 1000 )) '{ printf "%.4f %.3f\n", w / 1e6, $1 + $2 }' "$work/time" >> "$out"
}

# warm the page cache once each
run /dev/null; run /dev/null "-javaagent:$JAR=$AGENT_ARGS"

for ((i = 0; i < RUNS; i++)); do
    if ((i % 2 == 0)); then
        run "$OUT/without.txt"; run "$OUT/with.txt" "-javaagent:$JAR=$AGENT_ARGS"
    else
        run "$OUT/with.txt" "-javaagent:$JAR=$AGENT_ARGS"; run "$OUT/without.txt"
    fi
done

# premain's own duration, printed by the bootstrap under -Droxxane.debug=true
for ((i = 0; i < RUNS; i++)); do
    "$JAVA" -Droxxane.debug=true "-javaagent:$JAR=$AGENT_ARGS" -cp "$work" Hello 2>&1 >/dev/null \
        | awk '/premain returned after/ { for (f = 1; f <= NF; f++) if ($f == "us") print $(f - 1) }' >> "$OUT/premain.txt"
done

# median and min-max of column $2 of file $1
stats() {
    sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%.4f %.4f %.4f\n", m, v[1], v[NR] }'
}
read -r w0 w0min w0max < <(stats "$OUT/without.txt" 1)
read -r w1 w1min w1max < <(stats "$OUT/with.txt" 1)
read -r c0 c0min c0max < <(stats "$OUT/without.txt" 2)
read -r c1 c1min c1max < <(stats "$OUT/with.txt" 2)
read -r p pmin pmax < <(stats "$OUT/premain.txt" 1)

{
echo "# bench/startup/run.sh $RUNS ($(date -u +%Y-%m-%dT%H:%M:%SZ)), commit $(git rev-parse HEAD 2> /dev/null || echo '?')"
echo "JVM: $("$JAVA" -version 2>&1 | head -1); runs: $RUNS each, alternating; agent: $AGENT_ARGS"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| measure | without agent: median (min-max) | with agent: median (min-max) | ratio of medians |"
echo "| --- | --- | --- | --- |"
awk -v a="$w0" -v b="$w1" -v r="$w0min-$w0max" -v s="$w1min-$w1max" \
    'BEGIN { printf "| wall time, s | %.3f (%s) | %.3f (%s) | %.2f |\n", a, r, b, s, b / a }'
awk -v a="$c0" -v b="$c1" -v r="$c0min-$c0max" -v s="$c1min-$c1max" \
    'BEGIN { printf "| CPU time (user+sys), s | %.3f (%s) | %.3f (%s) | %.2f |\n", a, r, b, s, b / a }'
awk -v p="$p" -v a="$pmin" -v b="$pmax" \
    'BEGIN { printf "| premain entry to return, ms | - | %.2f (%.2f-%.2f) | - |\n", p / 1000, a / 1000, b / 1000 }'
} | tee "$OUT/report.md"
echo
echo "raw output: $OUT"
