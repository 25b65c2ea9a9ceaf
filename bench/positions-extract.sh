#!/usr/bin/env bash
# Times `./councilbrief positions extract` on a 20-speech meeting record (S/PV.8698 from ../shared/data, 79,001
# characters), through the launcher as a user runs it: a fresh JVM each run, so the time includes loading the
# positions model and the sentence-embedding model (issue 11: under 5 s on two cores). N runs (default 5).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=${1:-5}
RECORD=${2:-"$ROOT/../shared/data/council-speeches/meetings/SPV.8698.txt"}
"$ROOT/councilbrief" --version >/dev/null 2>&1 || true   # builds the jar and writes the archive when needed
echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$RUNS"); do
  start=$(date +%s%N)
  positions=$("$ROOT/councilbrief" positions extract "$RECORD" --threshold 0 | wc -l)
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "run $i: $ms ms from the launcher's start, $positions positions of every probability"
done
