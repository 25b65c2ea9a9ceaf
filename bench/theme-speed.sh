#!/usr/bin/env bash
# Theme tagging speed with the in-process sentence-embedding models on a shared machine (ThemeTagSpeed): wall-clock and
# CPU-time throughput of two threads, with the load average. The harness's cached embeddings must exist for `tag`
# (ThemeEmbeddings). Usage: bench/theme-speed.sh embed|tag MODEL ... (e.g. tag none all-minilm-l6-v2-q)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/.mvn/find-jdk.sh"
cd "$ROOT"
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test >&2
exec "$JAVA_HOME/bin/java" -Dcouncilbrief.shared="$ROOT/../shared" ${TEXTS:+-Dtexts=$TEXTS} \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.councilbrief.bench.ThemeTagSpeed "$@"
