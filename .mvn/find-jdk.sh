# Sourced by ./councilbrief, ./run-tests and bench/: sets JAVA_HOME to a JDK >= 21 (JAVA_HOME if it is one, else the
# newest under /usr/lib/jvm), and MAVEN_OPTS to silence Maven's own warnings on JDK 24+.
java_major() {
  # The JDK's release file says its version without starting a JVM; ask the JVM only when there is none.
  local v=""
  [ -f "$1/release" ] && v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")
  if [ "$v" = "1" ] || [ -z "$v" ]; then
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1)
  fi
  echo "$v"
}
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    echo "$JAVA_HOME"; return
  fi
  local best="" best_v=0 dir v
  for dir in /usr/lib/jvm/*; do
    [ -x "$dir/bin/javac" ] && [ ! -L "$dir" ] || continue
    v=$(java_major "$dir")
    if [ "${v:-0}" -ge 21 ] 2>/dev/null && [ "$v" -gt "$best_v" ]; then best="$dir"; best_v=$v; fi
  done
  [ -n "$best" ] || { echo "councilbrief: no JDK 21 or newer found (set JAVA_HOME or install one under /usr/lib/jvm)" >&2; return 1; }
  echo "$best"
}
JAVA_HOME="$(find_jdk)"
export JAVA_HOME
if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
