#!/usr/bin/env bash
# Times `councilbrief publish --demo` (the static export of the demo site) over N runs (default 5); the command
# reports the time to load the demo database and the time to write the pages.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/.mvn/find-jdk.sh"
RUNS=${1:-5}
[ -f "$ROOT/target/councilbrief.jar" ] || (cd "$ROOT" && ./mvnw -q -B -DskipTests package >&2)
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
for i in $(seq "$RUNS"); do
  rm -rf "$OUT/site"
  start=$(date +%s%N)
  "$JAVA_HOME/bin/java" -jar "$ROOT/target/councilbrief.jar" publish --demo --out "$OUT/site" --date 2023-07-24 2>&1 \
    | tail -n 1
  echo "run $i: $(( ($(date +%s%N) - start) / 1000000 )) ms from the start of the JVM"
done
