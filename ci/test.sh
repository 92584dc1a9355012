#!/usr/bin/env bash
# Runs every test: installs what is missing, starts a private MariaDB for tests, builds the dev
# preset (AddressSanitizer + UndefinedBehaviorSanitizer) once, and runs all tests with ctest
# (unit, MariaDB integration, gRPC, gateway over HTTP and the browser end-to-end test).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

"$ROOT/ci/install-deps.sh"
"$ROOT/ci/lint.sh"

# Tests use their own MariaDB instance (own folder and port), so a running demo stack is untouched.
export CIM_DB_DIR="$ROOT/.cim/test-db" CIM_DB_PORT="${CIM_TEST_DB_PORT:-3408}" CIM_DB_FAST=1
CIM_TEST_DB="$("$ROOT/ci/db-start.sh")"
export CIM_TEST_DB
trap '"$ROOT/ci/db-stop.sh" || true' EXIT

# Paths relative to the checkout and no cwd in the hash, so a fresh clone elsewhere hits the cache.
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}" CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"
export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
start=$(date +%s)
cmake --preset dev >/dev/null
cmake --build --preset dev
echo "ci/test: build took $(( $(date +%s) - start ))s"
ccache --show-stats 2>/dev/null | grep -E "Hits|Misses|hit rate" || true
# clang-tidy on the C++ files the last commit changed (CIM_TIDY_BASE to compare with another).
"$ROOT/ci/tidy.sh"

ctest --preset dev "$@"

# The gateway's parsers under libFuzzer (clang, ASan + UBSan), for a bounded time per target.
"$ROOT/ci/fuzz.sh" "${CIM_FUZZ_SECONDS:-20}"
