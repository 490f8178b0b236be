#!/usr/bin/env bash
# Which classes Roxxane loads with the file sink and with the Firehose sink (to a local moto_server),
# by package, after SECONDS (default 20) of bench/agents/Workload.java at interval=1s, flush=5s:
# -Xlog:class+load, counted by the first 4 (agent classes: 5) package components.
# Then the classes only the Firehose sink loads, by origin (AWS SDK, JDK TLS and crypto, ...), and
# the file sink's own classes by origin (OSHI and SLF4J, Jackson, Roxxane).
# usage: bench/agents/class-packages.sh [SECONDS]   (after ./mvnw -B -q -o -pl agent -am package -DskipTests)
#   OUT=target/bench/class-packages/<UTC time>   where the report (class-packages.txt) and both runs'
#                                                -Xlog:class+load logs (file.log, fh.log) are kept
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(realpath -m "${OUT:-$ROOT/target/bench/class-packages/$(date -u +%Y%m%dT%H%M%SZ)}")
cd "$ROOT"
SECS=${1:-20}
mkdir -p "$OUT"
work=$(mktemp -d /tmp/roxxane-classes.XXXXXX)
moto=
cleanup() { [ -n "$moto" ] && kill "$moto" 2> /dev/null; wait 2> /dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
javac -d "$work/classes" bench/agents/Workload.java
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$port" > "$work/moto.log" 2>&1 &
moto=$!
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1
for ((i = 0; i < 100; i++)); do (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null && break; sleep 0.1; done
aws --endpoint-url "http://127.0.0.1:$port" s3api create-bucket --bucket roxxane-classes > /dev/null
aws --endpoint-url "http://127.0.0.1:$port" firehose create-delivery-stream --delivery-stream-name classes \
    --delivery-stream-type DirectPut --extended-s3-destination-configuration \
    "RoleARN=arn:aws:iam::123456789012:role/firehose,BucketARN=arn:aws:s3:::roxxane-classes" > /dev/null
java -Xlog:class+load:file="$work/file.log" \
    "-javaagent:agent/target/roxxane.jar=service=bench,interval=1s,sink=file,dir=$work/data" -cp "$work/classes" Workload "$SECS" 2> /dev/null
java -Xlog:class+load:file="$work/fh.log" \
    "-javaagent:agent/target/roxxane.jar=service=bench,interval=1s,stream=classes,endpoint=http://127.0.0.1:$port,region=us-east-1,flush=5s" \
    -cp "$work/classes" Workload "$SECS" 2> /dev/null
loaded() { # class+load log -> the name of every class loaded, one per line
    awk '{ for (f = 1; f <= NF; f++) if ($(f + 1) == "source:") { print $f; break } }' "$1"
}
packages() { # log -> "count package" lines (named classes only: hidden classes' names hold a '/')
    loaded "$1" | grep -E '^[a-zA-Z_$][a-zA-Z0-9_$]*(\.[a-zA-Z0-9_$]+)+$' \
        | awk -F. '{ n = ($1 == "io" && $2 == "roxxane") ? 5 : 4; p = $1; for (i = 2; i < NF && i <= n; i++) p = p "." $i; print p }' \
        | sort | uniq -c | sort -rn
}
{
echo "classes loaded after ${SECS}s: file sink $(grep -c 'source:' "$work/file.log"), Firehose sink $(grep -c 'source:' "$work/fh.log")"
packages "$work/file.log" > "$work/file.pk"
packages "$work/fh.log" > "$work/fh.pk"
echo "packages with more classes under the Firehose sink than under the file sink (difference, Firehose, file):"
join -1 2 -2 2 -a 1 -e 0 -o 0,1.1,2.1 <(sort -k2 "$work/fh.pk") <(sort -k2 "$work/file.pk") \
    | awk '$2 > $3 { print $2 - $3, $2, $3, $1 }' | sort -rn | head -25
loaded "$work/fh.log" | sort -u > "$work/fh.classes"
loaded "$work/file.log" | sort -u > "$work/file.classes"
comm -23 "$work/fh.classes" "$work/file.classes" > "$work/extra.classes"
echo "classes loaded only under the Firehose sink, by origin:"
printf '  %5d AWS SDK (software.amazon.awssdk.*)\n' "$(grep -c '^software\.amazon\.awssdk\.' "$work/extra.classes" || true)"
printf '  %5d JDK TLS and crypto (sun.security.*, javax.net.ssl.*, javax.crypto.*, com.sun.crypto.*, java.security.*)\n' \
    "$(grep -cE '^(sun\.security|javax\.net\.ssl|javax\.crypto|com\.sun\.crypto|java\.security)\.' "$work/extra.classes" || true)"
printf '  %5d Roxxane and its Jackson (io.roxxane.*, com.fasterxml.*)\n' "$(grep -cE '^(io\.roxxane|com\.fasterxml)\.' "$work/extra.classes" || true)"
printf '  %5d other (JDK lambdas and method handles, HTTP, logging; classes the two runs load at different moments)\n' \
    "$(grep -cvE '^(software\.amazon\.awssdk|sun\.security|javax\.net\.ssl|javax\.crypto|com\.sun\.crypto|java\.security|io\.roxxane|com\.fasterxml)\.' "$work/extra.classes" || true)"
echo "classes the file sink loads through the agent's own class loader, by origin (the JDK's not counted):"
printf '  %5d OSHI and SLF4J (oshi.*, org.slf4j.*)\n' "$(grep -cE '^(oshi|org\.slf4j)\.' "$work/file.classes" || true)"
printf '  %5d Jackson (com.fasterxml.*)\n' "$(grep -c '^com\.fasterxml\.' "$work/file.classes" || true)"
printf '  %5d Roxxane (io.roxxane.*)\n' "$(grep -c '^io\.roxxane\.' "$work/file.classes" || true)"
} | tee "$OUT/class-packages.txt"
cp "$work/file.log" "$work/fh.log" "$OUT/"
echo "raw output: $OUT"
