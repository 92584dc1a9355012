#!/usr/bin/env bash
# Leaderboards at 1,000,000 participants (issue 4): GetLeaderboard (top 10 + the caller's rank +
# 5 rows either side) at 16 concurrent clients, next to (a) the health check's throughput in the
# same run and (b) Redis answering ZREVRANGE top 10 + ZREVRANK (one EVAL per request) on the same
# scores with the same concurrency: the structure a user would otherwise pick. Then how fast
# approval events reach the board. Builds the release preset; installs redis-server if missing.
# Options: PARTICIPANTS (1000000), DURATION (10s), plus leaderboard_bench flags as arguments.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/ci/install-deps.sh"
if ! command -v redis-server >/dev/null || ! command -v redis-benchmark >/dev/null; then
  echo "run_leaderboard_bench: installing redis-server" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends redis-server redis-tools >/dev/null
fi
PARTICIPANTS="${PARTICIPANTS:-1000000}"
DURATION="${DURATION:-10s}"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}" CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
cmake --preset release >/dev/null
cmake --build --preset release --target leaderboard_bench >/dev/null

WORK="$(mktemp -d)"
REDIS_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
cleanup() {
  set +e
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1
  CIM_DB_DIR="$ROOT/.cim/bench-db" "$ROOT/ci/db-stop.sh"
  rm -rf "$WORK"
}
trap cleanup EXIT

# cim: the server ranks from memory, MariaDB holds the scores.
DB_SERVER="$(CIM_DB_DIR="$ROOT/.cim/bench-db" CIM_DB_PORT=3409 "$ROOT/ci/db-start.sh")"
"$ROOT/build/release/bench/leaderboard_bench" --db="$DB_SERVER" --participants="$PARTICIPANTS" \
  --duration="$DURATION" "$@" | tee "$WORK/cim.txt"

# Redis: the same scores ((id × 7919) mod 100003 for ids 1..N) in one sorted set.
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --logfile "$WORK/redis.log" --dir "$WORK" >/dev/null
for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
awk -v n="$PARTICIPANTS" 'BEGIN {
  for (i = 1; i <= n; i++) {
    s = (i * 7919) % 100003; m = sprintf("p%012d", i)
    printf "*4\r\n$4\r\nZADD\r\n$5\r\nboard\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n", length(s ""), s, length(m), m
  }
}' | redis-cli -p "$REDIS_PORT" --pipe >/dev/null
echo "redis: loaded $(redis-cli -p "$REDIS_PORT" zcard board) members"
SECONDS_RUN="${DURATION%s}"
REQUESTS=$(( 40000 * SECONDS_RUN ))
redis-benchmark -p "$REDIS_PORT" -c 16 -n "$REQUESTS" -r "$PARTICIPANTS" --csv \
  EVAL "return {redis.call('ZREVRANGE', KEYS[1], 0, 9, 'WITHSCORES'), redis.call('ZREVRANK', KEYS[1], ARGV[1])}" \
  1 board "p__rand_int__" > "$WORK/redis.csv"
# "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms",
# "max_latency_ms" (the test name holds commas: read it as CSV).
read -r REDIS_RPS REDIS_P50 REDIS_P99 < <(python3 -c '
import csv, sys
row = list(csv.reader(open(sys.argv[1])))[-1]
print(row[1], row[4], row[6])' "$WORK/redis.csv")
echo "redis ZREVRANGE 0 9 + ZREVRANK (one EVAL) concurrency=16: throughput=${REDIS_RPS}/s p50=${REDIS_P50}ms p99=${REDIS_P99}ms"

CIM_RPS="$(sed -n 's/^GetLeaderboard.* throughput=\([0-9.]*\)\/s.*/\1/p' "$WORK/cim.txt")"
CIM_P99="$(sed -n 's/^GetLeaderboard.* p99=\([0-9.]*\)ms.*/\1/p' "$WORK/cim.txt")"
awk -v c="$CIM_RPS" -v r="$REDIS_RPS" -v cp="$CIM_P99" -v rp="$REDIS_P99" 'BEGIN {
  printf "summary: GetLeaderboard %.0f/s p99 %.2f ms (target < 10 ms); Redis %.0f/s p99 %.2f ms; cim/Redis throughput %.2f\n", c, cp, r, rp, c / r
}'
