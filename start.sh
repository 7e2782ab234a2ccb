#!/usr/bin/env bash
# Starts the Capsules service from this repository, whatever `java` is first on the PATH:
# finds a JDK >= 21, builds the runnable jar when it is missing or older than the sources, then
# runs it. Usage:
#
#   ./start.sh [--port N] [--demo] [--rebuild] [any --spring.option=value ...]
#   ./start.sh --java-home        prints the JDK it would use (used by .ci/run), and exits
#
# Environment variables of the service (CAPSULES_DATA_DIR, CAPSULES_OLLAMA_BASE_URL, ...) apply
# as usual; --port N is the same as SERVER_PORT=N.
set -euo pipefail
cd "$(dirname "$0")"

readonly MIN_JAVA=21

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {sub(/^1\./, "", $2); print $2}'
}

usable_jdk() {
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  local major
  major=$(java_major "$1")
  [ -n "$major" ] && [ "$major" -ge "$MIN_JAVA" ] 2>/dev/null
}

find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  # Newest first: Debian/Ubuntu packages and Temurin, then the usual manual and macOS places.
  local dir
  for dir in $(ls -d /usr/lib/jvm/*/ /opt/java/*/ /opt/jdk*/ "$HOME"/.sdkman/candidates/java/*/ \
      /Library/Java/JavaVirtualMachines/*/Contents/Home/ 2>/dev/null | sort -rV); do
    candidates+=("${dir%/}")
  done
  for dir in "${candidates[@]}"; do
    if usable_jdk "$dir"; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

if ! jdk=$(find_jdk); then
  cat >&2 <<MSG
Capsules needs a JDK $MIN_JAVA or newer, and none was found
(looked at JAVA_HOME, the java on the PATH, /usr/lib/jvm, /opt/java, ~/.sdkman, /Library/Java).
Install one, for instance:
  Debian / Ubuntu : sudo apt-get install openjdk-21-jdk   (or temurin-21-jdk from Adoptium's repository)
  macOS           : brew install openjdk@21
then run ./start.sh again (or set JAVA_HOME to it).
MSG
  exit 1
fi

if [ "${1:-}" = "--java-home" ]; then
  echo "$jdk"
  exit 0
fi

export JAVA_HOME="$jdk"
export PATH="$JAVA_HOME/bin:$PATH"

args=()
rebuild=false
while [ $# -gt 0 ]; do
  case "$1" in
    --port)
      [ $# -ge 2 ] || { echo "--port needs a number, e.g. --port 8080" >&2; exit 64; }
      args+=("--server.port=$2"); shift 2 ;;
    --port=*) args+=("--server.port=${1#--port=}"); shift ;;
    --demo) args+=("--spring.profiles.active=demo"); shift ;;
    --rebuild) rebuild=true; shift ;;
    *) args+=("$1"); shift ;;
  esac
done

jar=app/target/capsules.jar
if $rebuild || [ ! -f "$jar" ] \
    || [ -n "$(find pom.xml app/pom.xml ingest/pom.xml app/src/main ingest/src/main -newer "$jar" -print -quit)" ]; then
  echo "Building $jar with the JDK in $JAVA_HOME ..." >&2
  ./mvnw -q -B -DskipTests package
fi

echo "Starting Capsules with $JAVA_HOME/bin/java" >&2
exec "$JAVA_HOME/bin/java" -jar "$jar" ${args[@]+"${args[@]}"}
