#!/usr/bin/env bash
# Load test of a published brief on 127.0.0.1 with Debian's wrk: starts `councilbrief serve --demo`, warms it up for
# 5 s, then runs wrk (2 threads, 32 connections, 20 s by default) against /briefs/mali.html and stops the server.
# The server and wrk share the machine's cores. Usage: bench/load-brief.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/.mvn/find-jdk.sh"
SECONDS_=${1:-20}
CONNECTIONS=${2:-32}
PORT=${PORT:-17072}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$ROOT/target/councilbrief.jar" ] || (cd "$ROOT" && ./mvnw -q -B -DskipTests package >&2)
"$JAVA_HOME/bin/java" -jar "$ROOT/target/councilbrief.jar" serve --demo --host 127.0.0.1 --port "$PORT" \
  >/dev/null 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 300); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/briefs/mali.html" && break
  sleep 0.1
done
URL="http://127.0.0.1:$PORT/briefs/mali.html"
wrk -t2 -c"$CONNECTIONS" -d5s "$URL" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --latency "$URL"
