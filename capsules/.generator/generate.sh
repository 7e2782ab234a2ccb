#!/usr/bin/env bash
# Regenerates the binary example documents of the capsule catalogue (PDF, DOCX, XLSX) and checks them.
# Run from anywhere; needs JDK 25 and the ingest module's dependencies (PDFBox 3.0.8, POI 5.5.1).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
(cd "$repo" && ./mvnw -q -pl ingest dependency:build-classpath -Dmdep.outputFile="$cp_file")
fonts="${FONT_DIR:-/usr/share/fonts/truetype/dejavu}"
cd "$here"
TZ=UTC "$JAVA_HOME/bin/java" -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$(cat "$cp_file")" Main.java "$repo/capsules" "$fonts"
