#!/usr/bin/env bash
# Installs the built tree into a temporary prefix, builds tests/install/consumer.cc against
# it with find_package(peercoach), and runs it: "directive" must come out.
set -euo pipefail
build_dir="$1"
source_dir="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cmake --install "$build_dir" --prefix "$work/prefix" > "$work/install.log"
cmake -S "$source_dir/tests/install" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_BUILD_TYPE=Release > "$work/configure.log"
cmake --build "$work/build" > "$work/build.log"
out="$("$work/build/consumer")"
test -x "$work/prefix/bin/peercoach"
test -f "$work/prefix/include/peercoach/analyzer.h"
[ "$out" = "directive" ] || { echo "consumer printed: $out"; exit 1; }
echo "installed package works"
