#!/usr/bin/env bash
# Health-check RPC throughput against the release cim-server: builds the release preset, starts
# the private MariaDB and a server on a free port, runs the load generator, stops the server.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/ci/install-deps.sh"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}" CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
cmake --preset release >/dev/null
cmake --build --preset release --target cim-server health_bench >/dev/null
DB_SERVER="$(CIM_DB_DIR="$ROOT/.cim/bench-db" CIM_DB_PORT=3409 "$ROOT/ci/db-start.sh")"
SOCK="${DB_SERVER#*unix_socket=}"
mariadb --no-defaults --socket="$SOCK" -uroot -e "CREATE DATABASE IF NOT EXISTS cim_bench"
LOG="$(mktemp)"
"$ROOT/build/release/server/cim-server" --db="$DB_SERVER db=cim_bench" --listen=127.0.0.1:0 2>"$LOG" &
PID=$!
trap 'set +e; kill $PID 2>/dev/null; wait $PID 2>/dev/null; CIM_DB_DIR="$ROOT/.cim/bench-db" "$ROOT/ci/db-stop.sh"; rm -f "$LOG"' EXIT
for _ in $(seq 1 100); do grep -q "listening on port" "$LOG" && break; sleep 0.1; done
PORT="$(sed -n 's/.*listening on port \([0-9]*\).*/\1/p' "$LOG")"
for c in 1 16 64; do
  "$ROOT/build/release/bench/health_bench" --target="127.0.0.1:$PORT" --concurrency=$c "$@"
done
