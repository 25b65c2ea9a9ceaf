#!/usr/bin/env bash
# PDFBox against Debian's pdftotext (poppler-utils) on the same PDFs, in one run: word agreement and time ratio.
# The PDFs are made from ../shared/data under target/bench-pdfs on first use. Needs pdftotext on the PATH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/.mvn/find-jdk.sh"
cd "$ROOT"
command -v pdftotext >/dev/null || { echo "pdftotext is missing: apt-get install -y poppler-utils" >&2; exit 1; }
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test >&2
exec "$JAVA_HOME/bin/java" -Dcouncilbrief.shared="$ROOT/../shared" \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.councilbrief.bench.PdfComparison "$@"
