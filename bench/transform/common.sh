# Sourced by the transform benchmarks: the repository root, the JVM, the output folder, and a
# build of schema + transform with the test class path written down (offline; the build is
# incremental, so a second run takes seconds).
#   JAVA=/path/to/bin/java   the JVM to measure (default: java on the PATH)
#   BENCH_OUT=dir            where the raw output goes (default: target/bench/transform/<UTC time>-<name>)

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAVA=${JAVA:-java}

# bench_out NAME: creates and prints the output folder.
bench_out() {
    local dir=${BENCH_OUT:-$ROOT/target/bench/transform/$(date -u +%Y%m%dT%H%M%SZ)-$1}
    mkdir -p "$dir"
    (cd "$dir" && pwd)
}

# build_transform: packages transform.jar and the test classes; prints the class path of the
# test code (benchmarks, event generator) with its dependencies.
build_transform() {
    (cd "$ROOT" && ./mvnw -B -q -o -pl schema,transform -am -DskipTests package dependency:build-classpath \
        -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt) >&2
    echo "$ROOT/transform/target/test-classes:$ROOT/transform/target/classes:$(cat "$ROOT/transform/target/test-classpath.txt")"
}

# describe_machine: what the figures depend on.
describe_machine() {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- schema/src transform/src transform/pom.xml || echo ' (code modified)')"
    echo "jvm: $("$JAVA" -version 2>&1 | tr '\n' ' ')"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores," \
        "flags: $(grep -m1 -o -w 'avx512f\|avx2' /proc/cpuinfo | sort -u | tr '\n' ' ')"
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
}
