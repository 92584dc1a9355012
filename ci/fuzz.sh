#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ with clang (AddressSanitizer + UndefinedBehaviorSanitizer)
# and runs each for a bounded time from its seed corpus. Usage: ci/fuzz.sh [seconds per target]
# (default 20). A crash leaves its input in build/fuzz/ and fails the script.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_TARGET="${1:-20}"
BUILD="$ROOT/build/fuzz"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}" CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
CXX=clang++-14 cmake -S "$ROOT/fuzz" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" -j2
for target in path_template_fuzzer request_builder_fuzzer multipart_fuzzer; do
  corpus="$BUILD/corpus/${target%_fuzzer}"
  mkdir -p "$corpus"
  cp -n "$ROOT/fuzz/corpus/${target%_fuzzer}"/* "$corpus/" 2>/dev/null || true
  echo "ci/fuzz: $target for ${SECONDS_PER_TARGET}s"
  (cd "$BUILD" && "./$target" -max_total_time="$SECONDS_PER_TARGET" -max_len=4096 \
    -print_final_stats=1 "$corpus" 2>&1 | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY)" || true)
  # libFuzzer writes crash-*/leak-*/timeout-* files for failures.
  if compgen -G "$BUILD/crash-*" >/dev/null || compgen -G "$BUILD/leak-*" >/dev/null; then
    echo "ci/fuzz: $target found a failing input:" "$BUILD"/crash-* "$BUILD"/leak-* >&2
    exit 1
  fi
done
