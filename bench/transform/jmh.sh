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
# output: jmh.txt, jmh.json and machine.txt in target/bench/transform/<time>-jmh/ (or $BENCH_OUT);
# a summary table at the end (needs jq).
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
    -prof gc "${options[@]}" -rf json -rff "$out/jmh.json" | tee "$out/jmh.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"

echo "raw output: $out"
# Mean ± JMH's 99.9% error, and the median and best iteration, which a busy shared machine
# disturbs less than the mean.
summary='
    (map({key: (.benchmark | sub(".*\\."; "")), value: .primaryMetric}) | from_entries) as $p
    | (map({key: (.benchmark | sub(".*\\."; "")), value: (.secondaryMetrics["gc.alloc.rate.norm"].score // null)})
       | from_entries) as $alloc
    | def r: if type == "number" then round else "-" end;
      def ratio(f; t): (f / t * 10 | round / 10 | tostring) + "×";
    if $mode == "table" then
        (["benchmark (per record)", "mean rec/s", "± error", "median", "best", "µs (median)", "B alloc"] | @tsv),
        ($p | to_entries[] | [.key, (.value.score | r), (.value.scoreError | r),
            (.value.scorePercentiles["50.0"] | r), (.value.scorePercentiles["100.0"] | r),
            (1e6 / .value.scorePercentiles["50.0"] * 100 | round / 100), ($alloc[.key] | r)] | @tsv)
    elif $p.transform and $p.floorBase64DecodeEncode then
        "transform time ÷ floor time: " + ratio($p.floorBase64DecodeEncode.score; $p.transform.score) + " (means), "
        + ratio($p.floorBase64DecodeEncode.scorePercentiles["50.0"]; $p.transform.scorePercentiles["50.0"]) + " (medians)"
    else empty end'
{
    jq -r --arg mode table "$summary" "$out/jmh.json" | column -t -s $'\t'
    jq -r --arg mode ratio "$summary" "$out/jmh.json"
} | tee "$out/summary.txt"
