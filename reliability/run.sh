#!/usr/bin/env bash
# Builds the reliability module (and what it needs) and runs dev.atomemo4j.reliability.ChaosMain.
#   reliability/run.sh            full run: writes reliability/results/latest.md
#   reliability/run.sh --smoke    small counts, what CI runs: writes reliability/target/chaos-smoke.md
# ATOMEMO4J_CHAOS_SKIP_BUILD=1 skips the build.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

if [ "${ATOMEMO4J_CHAOS_SKIP_BUILD:-}" != 1 ]; then
  echo "atomemo4j chaos: building (mvn compile, tests skipped)…" >&2
  log="$(mktemp)"
  trap 'rm -f "$log"' EXIT
  # compile, not package: the class path then points at the modules' target/classes, never at ~/.m2.
  if ! (cd "$root" && mvn -B -q -pl reliability -am compile) >"$log" 2>&1; then
    cat "$log" >&2
    echo "atomemo4j chaos: the build failed; see the Maven output above" >&2
    exit 2
  fi
fi

cp_file="$here/target/classpath.txt"
if [ ! -f "$cp_file" ]; then
  echo "atomemo4j chaos: $cp_file is missing; build the reliability module first" >&2
  exit 2
fi
exec java ${ATOMEMO4J_JAVA_OPTS:-} -Datomemo4j.reliability.dir="$here" \
  -cp "$here/target/classes:$(cat "$cp_file")" dev.atomemo4j.reliability.ChaosMain "$@"
