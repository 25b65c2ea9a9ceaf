#!/usr/bin/env bash
# Times `./councilbrief serve --demo` from the launcher's start to the first byte of the demo brief, on 127.0.0.1,
# over N runs (default 5), with the application built and its class-data archive written (decision 0016). Prints one
# time per run and the median, in ms.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=${1:-5}
PORT=${PORT:-17071}
"$ROOT/councilbrief" --version >/dev/null 2>&1 || true   # builds the jar and writes the archive when needed
times=()
for i in $(seq "$RUNS"); do
  start=$(date +%s%N)
  "$ROOT/councilbrief" serve --demo --port "$PORT" >/dev/null 2>&1 &
  pid=$!
  deadline=$((start + 30000000000))
  until curl -s -o /dev/null -r 0-0 "http://127.0.0.1:$PORT/briefs/mali" 2>/dev/null; do
    [ "$(date +%s%N)" -lt "$deadline" ] || { kill "$pid"; echo "no answer within 30 s" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " ms"}'
