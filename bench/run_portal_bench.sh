#!/usr/bin/env bash
# The portal's load figures (issue 7): initial JavaScript gzipped (target ≤ 250 KB) and the time
# until the dashboard is interactive in headless Chromium on localhost (target < 1.5 s), against
# a private stack with the demo data (release build, its own MariaDB).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/ci/install-deps.sh"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}" CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
cmake --preset release >/dev/null
cmake --build --preset release --target cim-server cim-gateway web >/dev/null
[[ -f tests/e2e/node_modules/.package-lock.json ]] || (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
cleanup() { CIM_DB_DIR="$ROOT/.cim/bench-db" "$ROOT/ci/db-stop.sh"; }
trap cleanup EXIT
CIM_TEST_DB="$(CIM_DB_DIR="$ROOT/.cim/bench-db" CIM_DB_PORT=3409 "$ROOT/ci/db-start.sh")"
export CIM_TEST_DB CIM_BUILD_DIR="$ROOT/build/release"
node "$ROOT/bench/portal_bench.mjs" "$@"
