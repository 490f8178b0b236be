#!/usr/bin/env bash
# The JIT compilations in a JVM that runs the agent (file sink, interval=1s) and nothing else, from
# JFR's jdk.Compilation events: which methods the JIT compiles, when, at which tier, how big and for
# how long. This is how the encoder's one 0.3 s C2 compilation was found (commit 11b7409).
# usage: bench/jit/compilations.sh [SECONDS] [THRESHOLD_MS]   (defaults 170 and 3)
#   JAVA=java                              the JDK (its jfr tool prints the recording)
#   OUT=target/bench/jit/<UTC time>        raw output (rec.jfr, compilations.txt, stdout.txt)
# Build the agent first: ./mvnw -B -q -o -pl agent -am package -DskipTests
# Prints the compilations over the threshold, longest first.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(realpath -m "${OUT:-$ROOT/target/bench/jit/$(date -u +%Y%m%dT%H%M%SZ)}")
RUN_SECONDS="${1:-170}"
THRESHOLD_MS="${2:-3}"
JAVA="${JAVA:-java}"
JFR="$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jfr"
mkdir -p "$OUT/classes"
cat > "$OUT/Idle.java" <<'JAVA'
public class Idle {
    public static void main(String[] args) throws Exception {
        long end = System.currentTimeMillis() + Long.parseLong(args[0]) * 1000;
        while (System.currentTimeMillis() < end) {
            Thread.sleep(200);
        }
    }
}
JAVA
"$(dirname "$JFR")/javac" -d "$OUT/classes" "$OUT/Idle.java"
echo "# bench/jit/compilations.sh $RUN_SECONDS $THRESHOLD_MS ($(date -u +%Y-%m-%dT%H:%M:%SZ)), commit $(git -C "$ROOT" rev-parse --short HEAD 2> /dev/null || echo '?'), $("$JAVA" -version 2>&1 | head -1)"
AWS_EC2_METADATA_DISABLED=true "$JAVA" \
    "-XX:StartFlightRecording=filename=$OUT/rec.jfr,settings=profile,+jdk.Compilation#threshold=${THRESHOLD_MS}ms" \
    "-javaagent:$ROOT/agent/target/roxxane.jar=service=jit-probe,interval=1s,dir=$OUT/data" \
    -cp "$OUT/classes" Idle "$RUN_SECONDS" > "$OUT/stdout.txt" 2>&1
"$JFR" print --events jdk.Compilation "$OUT/rec.jfr" > "$OUT/compilations.txt"
python3 - "$OUT/compilations.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rows = []
for event in text.split("jdk.Compilation {")[1:]:
    field = lambda name: (re.search(r"\b" + name + r" = (.+)", event) or [None, "?"])[1].strip()
    duration = field("duration")
    ms = float(duration.split()[0]) * (1000 if duration.endswith(" s") else 1)
    rows.append((ms, field("startTime"), field("compileLevel"), field("codeSize"), field("method")))
print("| C-time ms | at | tier | code | method |")
print("| ---: | --- | ---: | ---: | --- |")
for ms, at, level, size, method in sorted(rows, reverse=True)[:20]:
    print(f"| {ms:.1f} | {at} | {level} | {size} | {method} |")
PY
echo
echo "raw output: $OUT"
