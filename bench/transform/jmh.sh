#!/usr/bin/env bash
# Throughput and allocation of the transform Lambda (TransformBenchmark, test code): the whole
# handler on a realistic 500-record event, next to the floor (java.util.Base64 decode + encode of
# the same records' data) and a yardstick (the floor plus one Jackson token pass per sample).
# Scores are per record.
#
# usage, from the repository root:
#   bench/transform/jmh.sh [JMH options...]      default: -f 3 -wi 3 -w 2s -i 3 -r 2s
#   JVM_ARGS=-XX:TieredStopAtLevel=1 bench/transform/jmh.sh      # C1 only, as the Lambda runs
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/transform/jmh.sh
#   bench/transform/jmh.sh -f 1 -wi 5 -i 5 -prof stack          # any JMH option; -h lists them
# JVM_ARGS go to the benchmark's forked JVMs. Builds schema and transform first (offline). Raw
# output: jmh.txt, jmh.csv and machine.txt in target/bench/transform/<time>-jmh/ (or $BENCH_OUT);
# a summary table at the end.
set -euo pipefail
source "$(dirname "$0")/common.sh"

options=("$@")
if ((${#options[@]} == 0)); then
    options=(-f 3 -wi 3 -w 2s -i 3 -r 2s)
fi
if [[ -n "${JVM_ARGS:-}" ]]; then
    options+=(-jvmArgsAppend "$JVM_ARGS")
fi
classpath=$(build_transform)
out=$(bench_out jmh)
{
    describe_machine
    echo "jmh options: ${options[*]} -prof gc"
} > "$out/machine.txt"
cat "$out/machine.txt"

"$JAVA" -cp "$classpath" org.openjdk.jmh.Main io.roxxane.transform.bench.TransformBenchmark \
    -prof gc "${options[@]}" -rf csv -rff "$out/jmh.csv" | tee "$out/jmh.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"

echo "raw output: $out"
# jmh.csv: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"
awk -F, '
    NR > 1 {
        gsub(/"/, "")
        name = $1; sub(/^.*TransformBenchmark\./, "", name)
        if (name ~ /:gc\.alloc\.rate\.norm$/) { sub(/:.*/, "", name); bytes[name] = $5 }
        else if (name !~ /:/) { names[++n] = name; score[name] = $5; error[name] = $6 }
    }
    END {
        printf "%-34s %12s %10s %10s %10s\n", "benchmark (per record)", "records/s", "± error", "µs", "B alloc"
        for (i = 1; i <= n; i++) {
            b = names[i]
            printf "%-34s %12.0f %10.0f %10.2f %10.0f\n", b, score[b], error[b], 1e6 / score[b], bytes[b]
        }
        f = "floorBase64DecodeEncode"
        if (("transform" in score) && (f in score))
            printf "transform time ÷ floor time: %.1f×\n", score[f] / score["transform"]
    }' "$out/jmh.csv" | tee "$out/summary.txt"
