# Sourced by bench/collection-cost*.sh: builds what the agent's test-side benchmarks need and sets
# OUT (their output folder) and CP (the class path: agent test classes, classes, dependencies).
OUT=agent/target/collection-cost
mkdir -p "$OUT"
./mvnw -B -q -o -pl schema install -DskipTests
./mvnw -B -q -o -pl agent test-compile
./mvnw -B -q -o -pl agent dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$OUT/classpath.txt"
CP="agent/target/test-classes:agent/target/classes:$(cat "$OUT/classpath.txt")"
