#!/usr/bin/env bash
# Times `./councilbrief publish --demo` (the static export of the demo site), through the launcher as a user runs it,
# over N runs (default 5), with the application built and the launcher's class-data archive written (decision 0016).
# The command itself reports the time to load the demo database and the time to write the pages.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=${1:-5}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
"$ROOT/councilbrief" --version >/dev/null 2>&1 || true   # builds the jar and writes the archive when needed
for i in $(seq "$RUNS"); do
  rm -rf "$OUT/site"
  start=$(date +%s%N)
  "$ROOT/councilbrief" publish --demo --out "$OUT/site" --date 2023-07-24 2>&1 | tail -n 1
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "run $i: $ms ms from the launcher's start"
done
