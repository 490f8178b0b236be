#!/usr/bin/env bash
# Cold start of the transform in fresh JVMs: load + construct the handler by name, process one
# realistic 500-record event (ColdStartMain, test code), and the whole process's wall time.
#
# First build the jar and the test classes:
#   ./mvnw -B -o -pl schema,transform -am package -DskipTests
# then:
#   transform/bench/cold-start.sh [runs] [extra JVM options...]
# JAVA selects the JVM (default: java on the PATH), e.g.
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java transform/bench/cold-start.sh 5 -XX:TieredStopAtLevel=1
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
shift || true
java="${JAVA:-java}"

if [[ ! -f target/transform.jar || ! -d target/test-classes ]]; then
  echo "build first: ./mvnw -B -o -pl schema,transform -am package -DskipTests" >&2
  exit 1
fi
if [[ ! -f target/bench-event-500.json ]]; then
  ../mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >/dev/null
  java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    io.roxxane.transform.bench.BenchEvents target/bench-event-500.json 500
fi

echo "jar: $(stat -c %s target/transform.jar) bytes, $(unzip -Z1 target/transform.jar | grep -c '\.class$') classes"
echo "event: $(stat -c %s target/bench-event-500.json) bytes, 500 records; JVM: $("$java" -version 2>&1 | head -1) $*"
for ((i = 1; i <= runs; i++)); do
  start=$(date +%s%N)
  "$java" "$@" -cp target/transform.jar:target/test-classes io.roxxane.transform.bench.ColdStartMain \
    target/bench-event-500.json
  end=$(date +%s%N)
  echo "  whole process: $(( (end - start) / 1000000 )) ms"
done
