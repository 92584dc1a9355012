#!/usr/bin/env bash
# The gateway's cost: the same read and write RPC directly over gRPC and through cim-gateway
# (HTTP/1.1 keep-alive, wrk) at 16 calls in flight, in one run on a durable private MariaDB.
# Builds the release preset. The gateway's access log goes to .cim/gateway_bench.log.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/ci/install-deps.sh"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}" CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
cmake --preset release >/dev/null
cmake --build --preset release --target gateway_bench >/dev/null
DB_SERVER="$(CIM_DB_DIR="$ROOT/.cim/bench-db" CIM_DB_PORT=3409 "$ROOT/ci/db-start.sh")"
trap 'CIM_DB_DIR="$ROOT/.cim/bench-db" "$ROOT/ci/db-stop.sh"' EXIT
LOG="$ROOT/.cim/gateway_bench.log"
if ! "$ROOT/build/release/bench/gateway_bench" --db="$DB_SERVER" "$@" 2>"$LOG"; then
  tail -20 "$LOG" >&2
  exit 1
fi
