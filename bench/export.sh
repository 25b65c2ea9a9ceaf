#!/usr/bin/env bash
# Export of 100,000+ UPR recommendations (issue 13, decision 0041): loads them once into an H2 file under
# target/bench-export (UPR Info's sessions 1-12 from ../shared/data, copied to ROWS), then times the real command line,
# `./councilbrief export recommendations`, end to end in a fresh JVM (wall time, RUNS runs each) as CSV and as JSON
# Lines into a file, and again with a 64 MB heap to show that memory does not grow with the rows.
# Needs /usr/bin/time (Debian's time). Usage: bench/export.sh [ROWS] [RUNS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/.mvn/find-jdk.sh"
cd "$ROOT"
ROWS=${1:-100000}
RUNS=${2:-3}
DIR="$ROOT/target/bench-export"
DB="jdbc:h2:file:$DIR/db;DB_CLOSE_DELAY=0"
mkdir -p "$DIR"
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test >&2
"$ROOT/councilbrief" --version >/dev/null   # builds the jar and its class-data archive before the first run
echo "rows: $("$JAVA_HOME/bin/java" -Dcouncilbrief.shared="$ROOT/../shared" \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.councilbrief.bench.ExportBenchData \
  "$DB" "$ROWS" 2>/dev/null)"
for heap in "" "-Xmx64m"; do
  for format in csv jsonl; do
    for i in $(seq "$RUNS"); do
      out="$DIR/recommendations.$format"
      start=$(date +%s%N)
      COUNCILBRIEF_JAVA_OPTS="$heap" /usr/bin/time -o "$DIR/time.txt" -f "%U s user + %S s system CPU, %M KB max RSS" \
        "$ROOT/councilbrief" export recommendations --format "$format" --db "$DB" --out "$out" 2>"$DIR/err.txt"
      end=$(date +%s%N)
      echo "${format} ${heap:-default-heap} run $i: $(( (end - start) / 1000000 )) ms wall, $(cat "$DIR/time.txt");" \
        "$(wc -l <"$out") lines, $(( $(stat -c %s "$out") / 1048576 )) MB; $(tail -1 "$DIR/err.txt")"
    done
  done
done
