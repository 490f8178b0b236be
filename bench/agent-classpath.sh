# Sourced from the repository root by bench/collection/cost.sh, bench/collection/cost-paced.sh and
# bench/pipeline/firehose-cost.sh: compiles the agent and its test classes (the benchmark mains and
# JMH classes live in the agent's test tree, agent/src/test/java/io/roxxane/agent/bench and
# …/agent/sink/firehose/FirehoseCostReport.java) with schema from the reactor, installing nothing into
# ~/.m2, and sets CP: the agent's test classes, classes and test-scope dependencies. The class
# path file is a build product: agent/target/bench-classpath.txt.
./mvnw -B -q -o -pl agent -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/agent/target/bench-classpath.txt"
CP="agent/target/test-classes:agent/target/classes:$(cat agent/target/bench-classpath.txt)"
