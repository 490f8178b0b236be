#!/usr/bin/env bash
# Roxxane against the agents users would pick instead, side by side in one run (issue 9):
#   none     no agent
#   roxfile  Roxxane, file sink                  (interval=1s)
#   roxfh    Roxxane, Firehose sink -> moto_server (interval=1s, flush=10s), keys in the environment
#   roxfh-imds  the same, credentials from a local EC2 instance metadata service (fake_imds.py), as
#            on an EC2 instance with a role: not in the default CONFIGS
#   roxfh-irsa  the same, credentials from STS AssumeRoleWithWebIdentity (moto) with a token file,
#            as on EKS with IAM roles for service accounts: not in the default CONFIGS
#   otel     OpenTelemetry Java agent 2.33.1, JVM runtime metrics only, OTLP/HTTP every 1 s
#            to a local sink (otlp_sink.py)
#   jmx      Prometheus jmx_exporter java agent 1.0.1, minimal config, scraped every 1 s (curl)
# Phases, each alternating the configurations (A B C D E, A B C D E, ...):
#   1. start-up: wall and CPU (GNU time) of a hello-world JVM, RUNS times each;
#   2. steady state: STEADY_SECONDS of a light workload (Workload.java), STEADY_RUNS times each:
#      CPU and peak RSS (GNU time), per-thread CPU (/proc/PID/task/*/schedstat every 5 s),
#      Roxxane's samples (file sink output / the objects moto's Firehose wrote to S3);
#   3. native memory tracking: NMT_RUNS times each, -XX:NativeMemoryTracking=summary, after
#      NMT_SECONDS of the workload: jcmd VM.native_memory summary, GC.run, GC.heap_info, and
#      (kept raw, not in the report) GC.class_histogram and VM.metaspace show-loaders.
# Then report.py prints Markdown tables (also written to $OUT/report.md); the raw output stays in $OUT.
#
# usage: bench/agents/run.sh        (from anywhere; builds nothing: build the agent first with
#                                    ./mvnw -B -q -o -pl agent -am package -DskipTests)
#   RUNS=15 STEADY_RUNS=3 STEADY_SECONDS=60 NMT_RUNS=3 NMT_SECONDS=35
#   CONFIGS="none roxfile roxfh otel jmx"  JAVA=java  OUT=target/bench/agents/<UTC time>
#   PHASES="startup steady nmt"   JVM_OPTS="-Xms256m -Xmx256m -XX:+AlwaysPreTouch" (added to every JVM)
# Needs: a JDK (java, javac, jcmd), GNU time, curl, python3, moto_server and the aws CLI.
# Fetches the OTel and jmx_exporter agent jars from Maven Central into bench/agents/target/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(realpath -m "${OUT:-$ROOT/target/bench/agents/$(date -u +%Y%m%dT%H%M%SZ)}")
cd "$ROOT"

RUNS=${RUNS:-15}
STEADY_RUNS=${STEADY_RUNS:-3}
STEADY_SECONDS=${STEADY_SECONDS:-60}
NMT_RUNS=${NMT_RUNS:-3}
NMT_SECONDS=${NMT_SECONDS:-35}
CONFIGS=${CONFIGS:-"none roxfile roxfh otel jmx"}
PHASES=${PHASES:-"startup steady nmt"}
read -r -a JVM_OPTS <<< "${JVM_OPTS:-}"
JAVA=${JAVA:-java}
JAVA_BIN=$(dirname "$(readlink -f "$(command -v "$JAVA")")")
JCMD=${JCMD:-$JAVA_BIN/jcmd}
JAVAC=${JAVAC:-$JAVA_BIN/javac}
CACHE=$ROOT/bench/agents/target/cache
ROXXANE_JAR=$(realpath -m "${ROXXANE_JAR:-$ROOT/agent/target/roxxane.jar}")
# prevfile / prevfh: the same runs with another build of the agent (the last release, say), side by side
PREV_JAR=$(realpath -m "${PREV_JAR:-$ROOT/target/bench/prev/roxxane.jar}")
OTEL_VERSION=2.33.1
JMX_VERSION=1.0.1
OTEL_JAR=$CACHE/opentelemetry-javaagent-$OTEL_VERSION.jar
JMX_JAR=$CACHE/jmx_prometheus_javaagent-$JMX_VERSION.jar

[ -f "$ROXXANE_JAR" ] || { echo "no $ROXXANE_JAR: ./mvnw -B -q -o -pl agent -am package -DskipTests" >&2; exit 2; }
for tool in /usr/bin/time curl python3 moto_server aws "$JCMD" "$JAVAC"; do
    command -v "$tool" > /dev/null || { echo "needs $tool" >&2; exit 2; }
done
mkdir -p "$CACHE" "$OUT"

fetch() { # path-in-Maven-Central file
    [ -s "$2" ] && return 0
    curl -fsSL -o "$2.part" "https://repo1.maven.org/maven2/$1"
    mv "$2.part" "$2"
}
fetch "io/opentelemetry/javaagent/opentelemetry-javaagent/$OTEL_VERSION/opentelemetry-javaagent-$OTEL_VERSION.jar" "$OTEL_JAR"
fetch "io/prometheus/jmx/jmx_prometheus_javaagent/$JMX_VERSION/jmx_prometheus_javaagent-$JMX_VERSION.jar" "$JMX_JAR"

work=$(mktemp -d /tmp/roxxane-agents.XXXXXX)
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
    wait 2> /dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
wait_port() { # port: up to 30 s
    local i
    for ((i = 0; i < 300; i++)); do
        (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null && return 0
        sleep 0.1
    done
    echo "port $1 did not open" >&2
    return 1
}

"$JAVAC" -d "$work/classes" bench/agents/Workload.java

# the emulator and the OTLP sink, for the whole run
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
MOTO_PORT=$(free_port)
moto_server -H 127.0.0.1 -p "$MOTO_PORT" > "$work/moto.log" 2>&1 &
PIDS+=($!)
OTLP_PORT=$(free_port)
python3 bench/agents/otlp_sink.py "$OTLP_PORT" "$work/otlp-counts" &
PIDS+=($!)
IMDS_PORT=$(free_port)
python3 bench/agents/fake_imds.py "$IMDS_PORT" "$work/imds-counts" &
PIDS+=($!)
: > "$work/no-aws-files"
echo "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyb3h4YW5lLWJlbmNoIn0.c2lnbmF0dXJl" > "$work/web-identity-token"
wait_port "$MOTO_PORT"
wait_port "$OTLP_PORT"
wait_port "$IMDS_PORT"
MOTO=http://127.0.0.1:$MOTO_PORT
awsl() { aws --endpoint-url "$MOTO" "$@"; }
awsl s3api create-bucket --bucket roxxane-bench > /dev/null
new_stream() { # name: a DirectPut stream writing to s3://roxxane-bench/NAME/
    awsl firehose create-delivery-stream --delivery-stream-name "$1" --delivery-stream-type DirectPut \
        --extended-s3-destination-configuration \
        "RoleARN=arn:aws:iam::123456789012:role/firehose,BucketARN=arn:aws:s3:::roxxane-bench,Prefix=$1/" > /dev/null
}

# OPTS: the JVM options of configuration $1 for run directory $2 (stream $3 for roxfh*);
# RUN_ENV: the command that starts the JVM with its environment changed (roxfh-imds), or nothing
set_opts() {
    local cfg=$1 dir=$2 stream=${3:-}
    RUN_ENV=()
    case $cfg in
        none) OPTS=() ;;
        roxfile) OPTS=("-javaagent:$ROXXANE_JAR=service=bench,interval=1s,sink=file,dir=$dir/data") ;;
        roxfh) OPTS=("-javaagent:$ROXXANE_JAR=service=bench,interval=1s,stream=$stream,endpoint=$MOTO,region=us-east-1,flush=10s") ;;
        prevfile) OPTS=("-javaagent:$PREV_JAR=service=bench,interval=1s,sink=file,dir=$dir/data") ;;
        prevfh) OPTS=("-javaagent:$PREV_JAR=service=bench,interval=1s,stream=$stream,endpoint=$MOTO,region=us-east-1,flush=10s") ;;
        roxfh-imds) OPTS=("-javaagent:$ROXXANE_JAR=service=bench,interval=1s,stream=$stream,endpoint=$MOTO,region=us-east-1,flush=10s")
            RUN_ENV=(env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY "AWS_EC2_METADATA_SERVICE_ENDPOINT=http://127.0.0.1:$IMDS_PORT"
                "AWS_SHARED_CREDENTIALS_FILE=$work/no-aws-files" "AWS_CONFIG_FILE=$work/no-aws-files") ;;
        roxfh-irsa) OPTS=("-javaagent:$ROXXANE_JAR=service=bench,interval=1s,stream=$stream,endpoint=$MOTO,region=us-east-1,flush=10s")
            RUN_ENV=(env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY "AWS_WEB_IDENTITY_TOKEN_FILE=$work/web-identity-token"
                "AWS_ROLE_ARN=arn:aws:iam::123456789012:role/roxxane-bench" "AWS_ENDPOINT_URL_STS=$MOTO"
                "AWS_SHARED_CREDENTIALS_FILE=$work/no-aws-files" "AWS_CONFIG_FILE=$work/no-aws-files") ;;
        otel) OPTS=("-javaagent:$OTEL_JAR"
            -Dotel.service.name=bench
            -Dotel.instrumentation.common.default-enabled=false
            -Dotel.instrumentation.runtime-telemetry.enabled=true
            -Dotel.metrics.exporter=otlp -Dotel.exporter.otlp.protocol=http/protobuf
            "-Dotel.exporter.otlp.endpoint=http://127.0.0.1:$OTLP_PORT"
            -Dotel.metric.export.interval=1000
            -Dotel.traces.exporter=none -Dotel.logs.exporter=none) ;;
        jmx) JMX_PORT=$(free_port)
            OPTS=("-javaagent:$JMX_JAR=127.0.0.1:$JMX_PORT:$ROOT/bench/agents/jmx_exporter.yaml") ;;
        *) echo "unknown configuration $cfg" >&2; exit 2 ;;
    esac
}
# for jmx: scrape once per second while the JVM runs (pid $1), counting successful scrapes
start_scraper() {
    SCRAPER=
    [ "$1" = jmx ] || return 0
    local port=$JMX_PORT file=$2
    (while :; do
        curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$port/metrics" && echo ok >> "$file"
        sleep 1
    done) > /dev/null 2>&1 &
    SCRAPER=$!
    PIDS+=("$SCRAPER")
}
stop_scraper() {
    [ -n "${SCRAPER:-}" ] && { kill "$SCRAPER" 2> /dev/null || true; wait "$SCRAPER" 2> /dev/null || true; }
    SCRAPER=
}
load1() { cut -d' ' -f1 /proc/loadavg; }
jvm_pid() { # the java child of GNU time $1
    local i pid
    for ((i = 0; i < 100; i++)); do
        pid=$(cat /proc/"$1"/task/"$1"/children 2> /dev/null | awk '{ print $1 }') && [ -n "$pid" ] && { echo "$pid"; return 0; }
        sleep 0.05
    done
    return 1
}
# one line per thread of pid $1: elapsed-ms TAB tid TAB name TAB on-CPU ns (schedstat)
snapshot_threads() {
    local pid=$1 t0=$2 now comm run rest t
    now=${EPOCHREALTIME/./}; now=$(( now / 1000 ))
    for t in /proc/"$pid"/task/*; do
        { read -r comm < "$t/comm" && read -r run rest < "$t/schedstat"; } 2> /dev/null || continue
        printf '%s\t%s\t%s\t%s\t%s\n' "$(( now - t0 ))" "$now" "${t##*/}" "$comm" "$run"
    done
}
# samples' ts of run directory $1 (config $2, stream $3), one per line, into $1/ts
collect_ts() {
    local dir=$1 cfg=$2 stream=${3:-}
    case $cfg in
        roxfile|prevfile) find "$dir/data" -name '*.json.gz' -exec zcat {} + 2> /dev/null | grep -o '"ts":[0-9]*' | cut -d: -f2 > "$dir/ts" || true ;;
        roxfh*|prevfh) mkdir -p "$dir/s3"
            awsl s3 cp --quiet --recursive "s3://roxxane-bench/$stream/" "$dir/s3/" || true
            find "$dir/s3" -type f -exec cat {} + | grep -o '"ts":[0-9]*' | cut -d: -f2 > "$dir/ts" || true ;;
    esac
}

echo "# bench/agents/run.sh $(date -u +%Y-%m-%dT%H:%M:%SZ)" | tee "$OUT/env.txt"
{
    echo "commit: $(git rev-parse HEAD 2> /dev/null || echo '?') $(git status --porcelain 2> /dev/null | grep -q . && echo '(dirty)')"
    echo "java: $("$JAVA" -version 2>&1 | tr '\n' ' ')"
    echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "runs: start-up $RUNS, steady $STEADY_RUNS x ${STEADY_SECONDS}s, NMT $NMT_RUNS x ${NMT_SECONDS}s; configs: $CONFIGS; phases: $PHASES"
    echo "JVM options for every configuration: ${JVM_OPTS[*]:-(none)}"
    echo "agents: roxxane $(unzip -p "$ROXXANE_JAR" META-INF/MANIFEST.MF 2> /dev/null | awk -F': ' '/Implementation-Version/ { print $2 }' | tr -d '\r') ($(stat -c %s "$ROXXANE_JAR") B), otel $OTEL_VERSION ($(stat -c %s "$OTEL_JAR") B), jmx_exporter $JMX_VERSION ($(stat -c %s "$JMX_JAR") B)"
} | tee -a "$OUT/env.txt"

# ---- 1. start-up -------------------------------------------------------------------------
new_stream bench-startup
startup_run() { # cfg run
    local cfg=$1 i=$2 dir=$work/startup-$1-$2 start end l
    mkdir -p "$dir"
    set_opts "$cfg" "$dir" bench-startup
    l=$(load1)
    start=${EPOCHREALTIME/./}
    /usr/bin/time -f "%U %S %M" -o "$dir/time" ${RUN_ENV[@]+"${RUN_ENV[@]}"} "$JAVA" ${JVM_OPTS[@]+"${JVM_OPTS[@]}"} "${OPTS[@]}" -cp "$work/classes" Workload 0 > "$dir/out" 2> "$dir/err"
    end=${EPOCHREALTIME/./}
    grep -q hello "$dir/out" || { echo "start-up run $cfg $i printed no hello:" >&2; cat "$dir/err" >&2; exit 1; }
    awk -v c="$cfg" -v i="$i" -v w="$(( end - start ))" -v l="$l" \
        '{ printf "%s\t%d\t%.4f\t%.2f\t%.2f\t%d\t%s\n", c, i, w / 1e6, $1, $2, $3, l }' "$dir/time" >> "$OUT/startup.tsv"
    rm -rf "$dir"
}
if [[ " $PHASES " == *" startup "* ]]; then
echo "== 1. start-up: $RUNS runs each"
printf 'config\trun\twall_s\tuser_s\tsys_s\tmaxrss_kb\tload1\n' > "$OUT/startup.tsv"
for cfg in $CONFIGS; do startup_run "$cfg" 0; done # warm the page cache; not recorded
sed -i '2,$d' "$OUT/startup.tsv"
for ((i = 1; i <= RUNS; i++)); do
    for cfg in $CONFIGS; do startup_run "$cfg" "$i"; done
done
fi

# ---- 2. steady state ---------------------------------------------------------------------
steady_run() { # cfg run
    local cfg=$1 i=$2 dir=$OUT/steady/$1-$2 stream="" tpid jpid t0 l0 next
    mkdir -p "$dir"
    [[ $cfg == roxfh* || $cfg == prevfh ]] && { stream=steady-$cfg-$i; new_stream "$stream"; }
    set_opts "$cfg" "$work/steady-$cfg-$i" "$stream"
    mkdir -p "$work/steady-$cfg-$i"
    l0=$(load1)
    cp "$work/otlp-counts" "$dir/otlp-before" 2> /dev/null || : > "$dir/otlp-before"
    t0=${EPOCHREALTIME/./}; t0=$(( t0 / 1000 ))
    /usr/bin/time -f "%e %U %S %M" -o "$dir/time" ${RUN_ENV[@]+"${RUN_ENV[@]}"} "$JAVA" ${JVM_OPTS[@]+"${JVM_OPTS[@]}"} "${OPTS[@]}" -cp "$work/classes" Workload "$STEADY_SECONDS" \
        > "$dir/stdout" 2> "$dir/stderr" &
    tpid=$!
    jpid=$(jvm_pid "$tpid")
    start_scraper "$cfg" "$dir/scrapes"
    # per-thread CPU every 5 s and 1 s before the end
    : > "$dir/threads.tsv"
    for ((next = 5; next < STEADY_SECONDS; next += 5)); do
        sleep_until "$t0" "$next" && snapshot_threads "$jpid" "$t0" >> "$dir/threads.tsv"
    done
    sleep_until "$t0" "$((STEADY_SECONDS - 1))" && snapshot_threads "$jpid" "$t0" >> "$dir/threads.tsv"
    wait "$tpid" || echo "steady run $cfg $i: JVM exited with $?" >&2
    stop_scraper
    collect_ts "$work/steady-$cfg-$i" "$cfg" "$stream"
    [ -f "$work/steady-$cfg-$i/ts" ] && cp "$work/steady-$cfg-$i/ts" "$dir/ts"
    cp "$work/otlp-counts" "$dir/otlp-after" 2> /dev/null || : > "$dir/otlp-after"
    [[ $cfg == roxfh* || $cfg == prevfh ]] && find "$work/steady-$cfg-$i/s3" -type f -printf '%s\n' > "$dir/s3-objects"
    awk -v c="$cfg" -v i="$i" -v l0="$l0" -v l1="$(load1)" -v t0="$t0" \
        '{ printf "%s\t%d\t%.2f\t%.2f\t%.2f\t%d\t%s\t%s\t%s\n", c, i, $1, $2, $3, $4, l0, l1, t0 }' "$dir/time" >> "$OUT/steady.tsv"
    rm -rf "$work/steady-$cfg-$i"
}
sleep_until() { # t0-ms seconds: sleeps until t0 + seconds; false if that is already past
    local now
    now=${EPOCHREALTIME/./}; now=$(( now / 1000 ))
    local ms=$(( $1 + $2 * 1000 - now ))
    (( ms > 0 )) || return 1
    sleep "$(awk -v m="$ms" 'BEGIN { printf "%.3f", m / 1000 }')"
}
if [[ " $PHASES " == *" steady "* ]]; then
echo "== 2. steady state: $STEADY_RUNS runs of ${STEADY_SECONDS}s each"
printf 'config\trun\twall_s\tuser_s\tsys_s\tmaxrss_kb\tload1_start\tload1_end\tt0_ms\n' > "$OUT/steady.tsv"
for ((i = 1; i <= STEADY_RUNS; i++)); do
    for cfg in $CONFIGS; do echo "   $cfg $i ($(date -u +%H:%M:%S), load $(load1))"; steady_run "$cfg" "$i"; done
done
fi

# ---- 3. native memory tracking -----------------------------------------------------------
new_stream bench-nmt
nmt_run() { # cfg run
    local cfg=$1 i=$2 dir=$OUT/nmt/$1-$2 tpid jpid t0
    mkdir -p "$dir" "$work/nmt-$cfg-$i"
    set_opts "$cfg" "$work/nmt-$cfg-$i" bench-nmt
    t0=${EPOCHREALTIME/./}; t0=$(( t0 / 1000 ))
    ${RUN_ENV[@]+"${RUN_ENV[@]}"} "$JAVA" -XX:NativeMemoryTracking=summary ${JVM_OPTS[@]+"${JVM_OPTS[@]}"} "${OPTS[@]}" -cp "$work/classes" Workload "$((NMT_SECONDS + 10))" \
        > "$dir/stdout" 2> "$dir/stderr" &
    jpid=$!
    start_scraper "$cfg" "$dir/scrapes"
    sleep_until "$t0" "$NMT_SECONDS" || true
    load1 > "$dir/load1"
    grep -E '^Threads:' /proc/"$jpid"/status > "$dir/threads" || true
    ls /proc/"$jpid"/task | wc -l >> "$dir/threads"
    "$JCMD" "$jpid" VM.native_memory summary > "$dir/nmt.txt" 2>&1 || true
    "$JCMD" "$jpid" GC.run > /dev/null 2>&1 || true
    "$JCMD" "$jpid" GC.heap_info > "$dir/heap.txt" 2>&1 || true
    "$JCMD" "$jpid" GC.class_histogram > "$dir/histogram.txt" 2>&1 || true
    "$JCMD" "$jpid" VM.metaspace show-loaders > "$dir/metaspace.txt" 2>&1 || true
    "$JCMD" "$jpid" VM.native_memory summary > "$dir/nmt-after-gc.txt" 2>&1 || true
    wait "$jpid" || echo "NMT run $cfg $i: JVM exited with $?" >&2
    stop_scraper
    rm -rf "$work/nmt-$cfg-$i"
}
if [[ " $PHASES " == *" nmt "* ]]; then
echo "== 3. native memory tracking: $NMT_RUNS runs each, read after ${NMT_SECONDS}s"
for ((i = 1; i <= NMT_RUNS; i++)); do
    for cfg in $CONFIGS; do echo "   $cfg $i ($(date -u +%H:%M:%S), load $(load1))"; nmt_run "$cfg" "$i"; done
done
fi

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/env.txt"
cp "$work/otlp-counts" "$OUT/otlp-counts.tsv" 2> /dev/null || true
cp "$work/imds-counts" "$OUT/imds-credential-fetches.txt" 2> /dev/null || true
echo
python3 bench/agents/report.py "$OUT" | tee "$OUT/report.md"
echo
echo "raw output: $OUT"
