#!/usr/bin/env bash
# Cold start of the transform Lambda in fresh JVMs: ColdStartMain (test code) loads and constructs
# the handler by name from transform.jar, as the Lambda runtime does, then processes a realistic
# 500-record event twice; the script also times the whole process.
#
# usage, from the repository root:
#   bench/transform/cold-start.sh [runs] [JVM options...]
#   bench/transform/cold-start.sh 5 -XX:TieredStopAtLevel=1      # C1 only, as the Lambda runs
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/transform/cold-start.sh 5
# Builds schema and transform first (offline). Raw output: runs.txt, machine.txt and the event in
# target/bench/transform/<time>-cold-start/ (or $BENCH_OUT); a summary table at the end.
set -euo pipefail
source "$(dirname "$0")/common.sh"

runs=${1:-5}
shift || true
classpath=$(build_transform)
out=$(bench_out cold-start)
jar=$ROOT/transform/target/transform.jar
event=$out/event-500.json
"$JAVA" -cp "$classpath" io.roxxane.transform.bench.BenchEvents "$event" 500

{
    describe_machine
    echo "jvm options: $*"
    echo "jar: $(stat -c %s "$jar") bytes, $(unzip -Z1 "$jar" | grep -c '\.class$') classes"
    echo "event: $(stat -c %s "$event") bytes, 500 records"
} > "$out/machine.txt"
cat "$out/machine.txt"

# One line per run: ColdStartMain's key=value figures, then whole_process_ms.
for ((i = 1; i <= runs; i++)); do
    start=$(date +%s%N)
    line=$("$JAVA" "$@" -cp "$jar:$ROOT/transform/target/test-classes" io.roxxane.transform.bench.ColdStartMain "$event")
    end=$(date +%s%N)
    echo "$line whole_process_ms=$(( (end - start) / 1000000 ))" | tee -a "$out/runs.txt"
done

echo
echo "raw output: $out"
awk '
    { for (f = 1; f <= NF; f++) { split($f, kv, "="); v[kv[1], NR] = kv[2]; if (NR == 1) keys[++n] = kv[1] } }
    END {
        printf "%-34s %10s %10s %10s\n", "cold start, " NR " runs", "median", "min", "max"
        for (k = 1; k <= n; k++) {
            key = keys[k]
            if (key !~ /_ms$/) continue
            m = 0
            for (r = 1; r <= NR; r++) s[++m] = v[key, r] + 0
            for (i = 2; i <= m; i++) for (j = i; j > 1 && s[j - 1] > s[j]; j--) { t = s[j]; s[j] = s[j - 1]; s[j - 1] = t }
            median = m % 2 ? s[(m + 1) / 2] : (s[m / 2] + s[m / 2 + 1]) / 2
            printf "%-34s %10.1f %10.1f %10.1f\n", key, median, s[1], s[m]
        }
    }' "$out/runs.txt" | tee "$out/summary.txt"
