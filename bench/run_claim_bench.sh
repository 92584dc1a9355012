#!/usr/bin/env bash
# Claim submission and approval throughput at 16 concurrent clients, each as a ratio to plain
# single-row INSERT transactions measured in the same run on the same durable MariaDB (the
# benchmark's private instance, flushing on every commit). Builds the release preset.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/ci/install-deps.sh"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}" CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
cmake --preset release >/dev/null
cmake --build --preset release --target claim_bench >/dev/null
DB_SERVER="$(CIM_DB_DIR="$ROOT/.cim/bench-db" CIM_DB_PORT=3409 "$ROOT/ci/db-start.sh")"
trap 'CIM_DB_DIR="$ROOT/.cim/bench-db" "$ROOT/ci/db-stop.sh"' EXIT
"$ROOT/build/release/bench/claim_bench" --db="$DB_SERVER" "$@"
