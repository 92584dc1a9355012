#!/usr/bin/env bash
# How soon the live-update streams show a change (issue 4: within a second, across replicas):
# kudos given on one server, the receiver's WatchProgress stream on the same server and on a
# second one sharing the database. Builds the release preset; runs its own MariaDB.
# Options: live_update_bench flags as arguments (--changes=30).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/ci/install-deps.sh"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}" CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
cmake --preset release >/dev/null
cmake --build --preset release --target live_update_bench >/dev/null
cleanup() { CIM_DB_DIR="$ROOT/.cim/bench-db" "$ROOT/ci/db-stop.sh"; }
trap cleanup EXIT
DB_SERVER="$(CIM_DB_DIR="$ROOT/.cim/bench-db" CIM_DB_PORT=3409 "$ROOT/ci/db-start.sh")"
"$ROOT/build/release/bench/live_update_bench" --db="$DB_SERVER" "$@"
