#!/usr/bin/env bash
# Fault trials (issue 12, decision 0030): kills the real command line (./councilbrief, or the launcher given with
# --cli) with SIGKILL at a random moment of each import kind, first and again over existing data, and of publish; checks
# that nothing is half-written and that the next run completes. Runs niced. Examples:
#   bench/kill-trials.sh --trials 50                              # every scenario on H2 files under /tmp
#   bench/kill-trials.sh --trials 20 --db "$COUNCILBRIEF_TEST_PG_URL" --scenarios upr-csv-again,publish
# One tab-separated line per trial, and a "=" summary line per scenario (see KillTrials for the checks).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/.mvn/find-jdk.sh"
cd "$ROOT"
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test >&2
"$ROOT/councilbrief" --version >/dev/null   # builds the jar and its class-data archive before the first trial
exec nice -n 10 "$JAVA_HOME/bin/java" -Dcouncilbrief.shared="$ROOT/../shared" \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.councilbrief.bench.KillTrials \
  --cli "$ROOT/councilbrief" "$@"
