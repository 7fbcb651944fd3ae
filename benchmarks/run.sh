#!/usr/bin/env bash
# Builds the benchmarks module (and what it needs) and runs dev.atomemo4j.benchmarks.BenchMain.
#   benchmarks/run.sh            full run, at most 5 minutes on 2 cores: writes benchmarks/results/latest.md
#   benchmarks/run.sh --smoke    tiny counts, under a minute: writes benchmarks/target/smoke.md
# Other arguments go to BenchMain (--verbose, --only 3,4, --out FILE). ATOMEMO4J_BENCH_SKIP_BUILD=1 skips the build.
set -euo pipefail

# Help first, before anything is built: `atomemo4j bench --help` must answer at once.
for arg in "$@"; do
  case "$arg" in
    -h|--help)
      cat <<'USAGE'
Usage: atomemo4j bench [--smoke] [--only N,M] [--out FILE] [--verbose]
Runs the benchmarks and writes their ratios as a Markdown table.
Builds the benchmarks module first (mvn package, tests skipped; ATOMEMO4J_BENCH_SKIP_BUILD=1 skips it).
      --smoke      tiny counts: checks that every benchmark runs, measures nothing
                   (writes benchmarks/target/smoke.md)
      --only N,M   run only these measures, e.g. 3,4
      --out FILE   where to write the table (default benchmarks/results/latest.md)
      --verbose    print each measurement as it is taken
  -h, --help       show this help and exit
USAGE
      exit 0
      ;;
  esac
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

if [ "${ATOMEMO4J_BENCH_SKIP_BUILD:-}" != 1 ]; then
  echo "atomemo4j bench: building (mvn package, tests skipped)…" >&2
  log="$(mktemp)"
  trap 'rm -f "$log"' EXIT
  if grep -q '<module>benchmarks</module>' "$root/pom.xml"; then
    build() { (cd "$root" && mvn -B -q -pl benchmarks -am package -DskipTests -Dmaven.javadoc.skip=true \
      -Dmaven.source.skip=true); }
  else
    # Not yet a module of the root build: install what it depends on, then build it alone. When installing fails
    # (a module being edited does not compile), the artifacts already installed in ~/.m2 are used, with a warning.
    build() {
      if ! (cd "$root" && mvn -B -q -N install && mvn -B -q -pl model,annotations,runtime,processor install \
          -DskipTests); then
        echo "atomemo4j bench: warning: installing model/annotations/runtime/processor failed; using the" \
          "artifacts already installed" >&3
      fi
      (cd "$root" && mvn -B -q -f benchmarks/pom.xml package -DskipTests)
    }
  fi
  exec 3>&2
  if ! build >"$log" 2>&1; then
    cat "$log" >&2
    echo "atomemo4j bench: the build failed; see the Maven output above" >&2
    exit 2
  fi
fi

cp_file="$here/target/classpath.txt"
if [ ! -f "$cp_file" ]; then
  echo "atomemo4j bench: $cp_file is missing; build the benchmarks module first" >&2
  exit 2
fi
exec java ${ATOMEMO4J_JAVA_OPTS:-} -Datomemo4j.benchmarks.dir="$here" \
  -cp "$here/target/classes:$(cat "$cp_file")" dev.atomemo4j.benchmarks.BenchMain "$@"
