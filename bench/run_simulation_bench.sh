#!/usr/bin/env bash
# SimulateProgram over 100,000 historical claim lines (issue 5: under 2 seconds). Builds the
# release preset; runs its own MariaDB. Options: simulation_bench flags (--lines=100000).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/ci/install-deps.sh"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}" CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
cmake --preset release >/dev/null
cmake --build --preset release --target simulation_bench >/dev/null
cleanup() { CIM_DB_DIR="$ROOT/.cim/bench-db" "$ROOT/ci/db-stop.sh"; }
trap cleanup EXIT
DB_SERVER="$(CIM_DB_DIR="$ROOT/.cim/bench-db" CIM_DB_PORT=3409 "$ROOT/ci/db-start.sh")"
"$ROOT/build/release/bench/simulation_bench" --db="$DB_SERVER" "$@"
