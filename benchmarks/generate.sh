#!/usr/bin/env bash
# Regenerates the checked-in 100-tool plugin of measures 3 and 4
# (src/main/java/dev/atomemo4j/benchmarks/plugin100) from PluginSourceGenerator.
# GeneratedPluginUpToDateTest fails when the checked-in sources and the generator disagree.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# The generator uses only java.*, so it compiles alone, without the module (whose sources it writes).
javac --release 17 -d "$out" "$here/src/main/java/dev/atomemo4j/benchmarks/gen/PluginSourceGenerator.java"
java -cp "$out" dev.atomemo4j.benchmarks.gen.PluginSourceGenerator "$here/src/main/java"
