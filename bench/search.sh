#!/usr/bin/env bash
# Search latency on 300,000 texts (SearchBenchmark, decision 0039): the product's Lucene index beside PostgreSQL's
# full-text search on the same texts and queries. Starts a private PostgreSQL cluster (as .ci/postgres does, on another
# port and in a temporary folder) and stops it at the end; pin both to two cores with taskset when the machine has
# more. Usage: bench/search.sh [--no-postgres]   (TEXTS=300000 ROUNDS=5; the index is kept in target/bench-search)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/.mvn/find-jdk.sh"
cd "$ROOT"
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test >&2
CPUS=""
if command -v taskset >/dev/null && [ "$(nproc)" -gt 2 ]; then CPUS="taskset -c 0,1"; fi
PGURL=""
if [ "${1:-}" != "--no-postgres" ]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$PGBIN" ] || { echo "PostgreSQL is not installed (apt-get install -y postgresql), or run with --no-postgres" >&2; exit 1; }
  PGDATA=$(mktemp -d /tmp/councilbrief-bench-pg.XXXXXX)
  PGPORT=${PGPORT:-54339}
  RUNAS=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$PGDATA"; RUNAS=(su postgres -c); else RUNAS=(bash -c); fi
  "${RUNAS[@]}" "$PGBIN/initdb -D $PGDATA -A trust -U postgres" >/dev/null
  "${RUNAS[@]}" "$PGBIN/pg_ctl -D $PGDATA -o '-c listen_addresses=127.0.0.1 -p $PGPORT -k /tmp -c shared_buffers=256MB' -l $PGDATA/server.log -w start" >/dev/null
  trap '"${RUNAS[@]}" "$PGBIN/pg_ctl -D $PGDATA -m fast -w stop" >/dev/null || true; rm -rf "$PGDATA"' EXIT
  PGURL="jdbc:postgresql://127.0.0.1:$PGPORT/postgres?user=postgres"
fi
$CPUS "$JAVA_HOME/bin/java" -Xmx2g -Dcouncilbrief.shared="$ROOT/../shared" -Dtexts="${TEXTS:-300000}" \
  -Drounds="${ROUNDS:-5}" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.councilbrief.bench.SearchBenchmark target/bench-search $PGURL
