#!/usr/bin/env bash
# Twenty real `serve` processes started at the same moment on one fresh PostgreSQL database (issue 12, decisions 0030
# and 0050): each must come up and answer its home page, the schema must be migrated once (one history row per
# script) and the shipped states written once. The processes are the real launcher, each on its own loopback port;
# all are stopped at the end, whatever happens. Usage: bench/starts-together.sh PG_JDBC_URL [COUNT]
# (PG_JDBC_URL names a server and a user allowed to create databases, e.g.
# jdbc:postgresql://127.0.0.1:54329/postgres?user=postgres, as .ci/postgres start prints it.)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG=${1:?give the PostgreSQL JDBC URL}
COUNT=${2:-20}
HOSTPORT=$(echo "$PG" | sed -E 's#jdbc:postgresql://([^/]+)/.*#\1#')
PGHOST=${HOSTPORT%:*}
PGPORT=${HOSTPORT#*:}
PGUSER=$(echo "$PG" | sed -nE 's#.*[?&]user=([^&]+).*#\1#p')
PSQL=(psql -h "$PGHOST" -p "$PGPORT" -U "${PGUSER:-postgres}" -v ON_ERROR_STOP=1 -qtA)
DB="starts_$(date +%s)_$$"
"${PSQL[@]}" -d postgres -c "create database $DB" >/dev/null
URL="jdbc:postgresql://$HOSTPORT/$DB?user=${PGUSER:-postgres}"
"$ROOT/councilbrief" --version >/dev/null 2>&1   # builds the jar and its class-data archive before the race
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "${PSQL[@]}" -d postgres -c "drop database if exists $DB" >/dev/null 2>&1 || true
  [ -n "${KEEP:-}" ] && echo "logs kept in $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT
BASE=$(( 20000 + RANDOM % 20000 ))
start=$(date +%s%N)
for i in $(seq "$COUNT"); do
  "$ROOT/councilbrief" serve --db "$URL" --host 127.0.0.1 --port $(( BASE + i )) >"$WORK/$i.out" 2>"$WORK/$i.err" &
  PIDS+=($!)
done
up=0; dead=0
for i in $(seq "$COUNT"); do
  until curl -fs -o /dev/null "http://127.0.0.1:$(( BASE + i ))/"; do
    if ! kill -0 "${PIDS[$((i - 1))]}" 2>/dev/null; then
      dead=$((dead + 1)); echo "instance $i exited:"; tail -n 5 "$WORK/$i.err"; continue 2
    fi
    if [ $(( ($(date +%s%N) - start) / 1000000000 )) -gt 300 ]; then
      echo "instance $i not up within 300 s"; dead=$((dead + 1)); continue 2
    fi
    sleep 0.2
  done
  up=$((up + 1))
done
ms=$(( ($(date +%s%N) - start) / 1000000 ))
scripts=$(ls "$ROOT/src/main/resources/db/migration" | grep -c '^V.*\.sql$')
history=$("${PSQL[@]}" -d "$DB" -c 'select count(*) from flyway_schema_history where version is not null')
failed=$("${PSQL[@]}" -d "$DB" -c 'select count(*) from flyway_schema_history where not success')
states=$("${PSQL[@]}" -d "$DB" -c 'select count(*) from state')
distinct=$("${PSQL[@]}" -d "$DB" -c 'select count(distinct code) from state')
echo "$COUNT serve processes started at once on one fresh PostgreSQL database: $up up, $dead failed, all up after" \
  "$ms ms; history rows $history for $scripts scripts, $failed failed; states $states ($distinct distinct)"
[ "$up" -eq "$COUNT" ] && [ "$history" -eq "$scripts" ] && [ "$failed" -eq 0 ] && [ "$states" -eq "$distinct" ]
