#!/usr/bin/env bash
# Stale briefs (decision 0040): times finding them, the workspace's list and the feed of stale briefs with BRIEFS
# published briefs, each made stale by three imported items (StaleBriefsBenchmark). Usage: bench/stale.sh [BRIEFS] [RUNS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/.mvn/find-jdk.sh"
cd "$ROOT"
./mvnw -q -B -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test >&2
exec "$JAVA_HOME/bin/java" -Dcouncilbrief.shared="$ROOT/../shared" \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.councilbrief.app.StaleBriefsBenchmark \
  "$@"
