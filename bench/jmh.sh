#!/usr/bin/env bash
# Runs the JMH benchmarks (src/test/java/org/councilbrief/bench) on the test classpath. Extra arguments go to JMH,
# e.g. bench/jmh.sh BriefRender -f 1 -wi 3 -i 5
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/.mvn/find-jdk.sh"
cd "$ROOT"
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test >&2
exec "$JAVA_HOME/bin/java" -Dcouncilbrief.shared="$ROOT/../shared" \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main "$@"
