#!/usr/bin/env bash
# The cluster against one server on one database, in the same run (issue 20): claim submission
# through the gateway and GetLeaderboard through the gateway, at CONNECTIONS (16) for DURATION
# (10s) each with wrk, first on 1 cim-server + 1 MariaDB, then on 3 cim-server replicas on a
# 3-node Galera cluster behind the same gateway; throughput, p50/p99 and CPU time per request
# (every server, gateway and database process of the setup), and the ratios cluster/single.
# Then the failover times on the cluster: from SIGKILL of the node being written to the next
# acknowledged claim, and from SIGKILL of a server to the next successful request through the
# gateway, each with a client sending one request every 20 ms and retrying as a client would.
# Both databases are durable (innodb_flush_log_at_trx_commit=1). Builds the release preset.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/ci/install-deps.sh"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-16}"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}" CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
cmake --preset release >/dev/null
cmake --build --preset release --target cim-server cim-gateway >/dev/null
BIN="$ROOT/build/release"
unset CIM_DB_FAST

WORK="$(mktemp -d)"
SINGLE_DIR="$ROOT/.cim/bench-single-db"
export CIM_GALERA_DIR="$ROOT/.cim/bench-galera" CIM_GALERA_PORT_BASE=3481 CIM_GALERA_GCOMM_BASE=5071
cleanup() {
  set +e
  # Every process start() launched left its pid file in $WORK (start runs in a subshell).
  for f in "$WORK"/*.pid; do [[ -f "$f" ]] && kill -TERM "$(cat "$f")" 2>/dev/null; done
  wait 2>/dev/null
  CIM_DB_DIR="$SINGLE_DIR" "$ROOT/ci/db-stop.sh" >/dev/null 2>&1
  "$ROOT/ci/galera-stop.sh" --wipe >/dev/null 2>&1
  rm -rf "$WORK" "$SINGLE_DIR"
}
trap cleanup EXIT
say() { echo "run_cluster_bench: $*" >&2; }
now() { date +%s.%N; }

# Starts a process in the background with its stderr in $WORK/$1.log; waits for `pattern` there
# and prints its first capture.
start() {
  local name="$1" pattern="$2"; shift 2
  "$@" >/dev/null 2>"$WORK/$name.log" &
  echo $! >"$WORK/$name.pid"
  for _ in $(seq 1 600); do
    if grep -qE "$pattern" "$WORK/$name.log"; then
      sed -nE "s/.*$pattern.*/\1/p" "$WORK/$name.log" | head -1
      return
    fi
    kill -0 "$(cat "$WORK/$name.pid")" 2>/dev/null || break
    sleep 0.1
  done
  say "$name did not start:"; tail -5 "$WORK/$name.log" >&2; exit 1
}

# CPU seconds (user + system) used so far by the processes listed.
cpu_seconds() {
  local ticks=0 p
  for p in "$@"; do
    [[ -r "/proc/$p/stat" ]] || continue
    ticks=$(( ticks + $(awk '{print $14 + $15}' "/proc/$p/stat") ))
  done
  echo "scale=3; $ticks / $(getconf CLK_TCK)" | bc
}

# Sets up a stack: $1 = single | cluster. Sets DB, GW, SERVER_PIDS, SERVER_PORTS, DB_PIDS.
stack() {
  local kind="$1" replicas=1 i port
  if [[ "$kind" == single ]]; then
    DB="$(CIM_DB_DIR="$SINGLE_DIR" CIM_DB_PORT=3471 "$ROOT/ci/db-start.sh" 2>/dev/null)"
    DB_PIDS=("$(cat "$SINGLE_DIR/mariadbd.pid")")
  else
    DB="$("$ROOT/ci/galera-start.sh" 2>/dev/null | tail -n 1)"
    DB_PIDS=()
    for i in 1 2 3; do DB_PIDS+=("$(cat "$CIM_GALERA_DIR/n$i/mariadbd.pid")"); done
    replicas=3
  fi
  local first="${DB#*host=}"; first="${first%%,*}"
  if [[ "$kind" == single ]]; then
    mariadb --no-defaults --socket="${DB#*unix_socket=}" -uroot -e "CREATE DATABASE IF NOT EXISTS cim"
  else
    mariadb --no-defaults -h"${first%:*}" -P"${first#*:}" -uroot -e "CREATE DATABASE IF NOT EXISTS cim"
  fi
  DB="$DB db=cim"
  say "$kind: seeding the demo data"
  "$BIN/server/cim-server" --db="$DB" --seed_demo >"$WORK/seed-$kind.txt" 2>&1
  SERVER_PIDS=(); SERVER_PORTS=()
  for i in $(seq 1 "$replicas"); do
    port="$(start "server-$kind-$i" 'listening on port ([0-9]+)' \
      "$BIN/server/cim-server" --db="$DB" --listen=127.0.0.1:0 --metrics_address= \
      --migrate_on_start=false)"
    SERVER_PIDS+=("$(cat "$WORK/server-$kind-$i.pid")"); SERVER_PORTS+=("$port")
  done
  local backends; backends="$(printf '127.0.0.1:%s,' "${SERVER_PORTS[@]}")"
  GW="http://127.0.0.1:$(start "gateway-$kind" 'listening on 127\.0\.0\.1:([0-9]+)' \
    "$BIN/portal-gateway/cim-gateway" --backend="${backends%,}" --port=0 \
    --writes_per_second=0 --login_per_minute=0 \
    --descriptor_set="$BIN/protos/cim_descriptors.pb")"
  GW_PID="$(cat "$WORK/gateway-$kind.pid")"
  for _ in $(seq 1 100); do curl -fs "$GW/readyz" >/dev/null && break; sleep 0.1; done
}

login() {
  curl -fsS -H 'content-type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"demo-password-2026\"}" "$GW/v1/auth/login" | jq -er .token
}

# The demo rep's claimable program and product (ci/demo-claim-target.sql), then a leaderboard.
claim_target() {
  local sql=(mariadb --no-defaults -uroot -NB cim)
  if [[ "$DB" == *unix_socket=* ]]; then
    local s="${DB#*unix_socket=}"; sql+=(--socket="${s%% *}")
  else
    local h="${DB#*host=}"; h="${h%%,*}"; sql+=(-h"${h%:*}" -P"${h#*:}")
  fi
  "${sql[@]}" <"$ROOT/ci/demo-claim-target.sql"
  "${sql[@]}" -e "SELECT MIN(id) FROM leaderboards"
}

# Runs wrk with script $2 against $3 for the stack; prints "rps p50 p99 cpu_ms_per_request"
# and, on stderr, the CPU split between the servers with the gateway and the databases.
measure() {
  local label="$1" script="$2" url="$3" before after out rps p50 p99 n errors db_before db_after
  local pids=("${SERVER_PIDS[@]}" "$GW_PID" "${DB_PIDS[@]}")
  before="$(cpu_seconds "${pids[@]}")"
  db_before="$(cpu_seconds "${DB_PIDS[@]}")"
  out="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/bench/$script" "$url")"
  after="$(cpu_seconds "${pids[@]}")"
  db_after="$(cpu_seconds "${DB_PIDS[@]}")"
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  n="$(awk '/requests in/ {print $1}' <<<"$out")"
  errors="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  p50="$(sed -nE 's/.*p50_ms=([0-9.]+).*/\1/p' <<<"$out")"
  p99="$(sed -nE 's/.*p99_ms=([0-9.]+).*/\1/p' <<<"$out")"
  local cpu_ms; cpu_ms="$(echo "scale=3; ($after - $before) * 1000 / $n" | bc)"
  local db_ms; db_ms="$(echo "scale=3; ($db_after - $db_before) * 1000 / $n" | bc)"
  printf '%-34s %9.1f/s  p50 %6.2f ms  p99 %7.2f ms  CPU %6.3f ms/request (databases %6.3f)  non-2xx %s\n' \
    "$label" "$rps" "$p50" "$p99" "$cpu_ms" "$db_ms" "${errors:-0}" >&2
  echo "$rps $p50 $p99 $cpu_ms"
}

run_loads() {
  local kind="$1" target board
  REP_TOKEN="$(login rosa.larsen@amstel.example)"
  VENDOR_TOKEN="$(login channel.manager@vendor.example)"
  target="$(claim_target)"
  read -r PROGRAM CURRENCY SKU PRICE <<<"$(head -1 <<<"$target")"
  board="$(tail -1 <<<"$target")"
  export TOKEN="$REP_TOKEN" PROGRAM CURRENCY SKU PRICE TODAY RUN="$kind-$$"
  TODAY="$(date -u +%F)"
  read -r "${kind}_claim_rps" "${kind}_claim_p50" "${kind}_claim_p99" "${kind}_claim_cpu" \
    <<<"$(measure "$kind: SubmitClaim via gateway" cluster_claims.lua "$GW")"
  export TOKEN="$VENDOR_TOKEN"
  read -r "${kind}_board_rps" "${kind}_board_p50" "${kind}_board_p99" "${kind}_board_cpu" \
    <<<"$(measure "$kind: GetLeaderboard via gateway" cluster_get.lua "$GW/v1/leaderboards/$board")"
}

stop_stack() {
  for p in "${SERVER_PIDS[@]}" "$GW_PID"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${SERVER_PIDS[@]}" "$GW_PID"; do while kill -0 "$p" 2>/dev/null; do sleep 0.1; done; done
}

# ---- 1 server, 1 database --------------------------------------------------------------------
stack single
run_loads single
stop_stack
CIM_DB_DIR="$SINGLE_DIR" "$ROOT/ci/db-stop.sh" >/dev/null 2>&1

# ---- 3 servers, 3 Galera nodes ---------------------------------------------------------------
stack cluster
run_loads cluster

# ---- Failover ---------------------------------------------------------------------------------
# One claim every 20 ms with retries of the same key until it is acknowledged; prints the time
# of each acknowledgement.
claim_client() {
  local i=0 key body code
  while [[ ! -f "$WORK/stop-client" ]]; do
    i=$((i + 1)); key="fo-$$-$i"
    body="{\"idempotencyKey\":\"$key\",\"claim\":{\"programId\":\"$PROGRAM\",\"invoiceNumber\":\"$key\",\"invoiceDate\":\"$TODAY\",\"customerName\":\"Failover $i\",\"customerCountry\":\"NL\",\"currencyCode\":\"$CURRENCY\",\"lines\":[{\"sku\":\"$SKU\",\"quantity\":\"1\",\"unitPrice\":\"$PRICE\"}]}}"
    while [[ ! -f "$WORK/stop-client" ]]; do
      code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 15 -H "authorization: Bearer $REP_TOKEN" \
        -H 'content-type: application/json' -d "$body" "$GW/v1/claims" || echo 000)"
      [[ "$code" == 200 ]] && { now >>"$WORK/acks"; break; }
      [[ "$code" == 4* && "$code" != 429 ]] && { echo "refused $code" >>"$WORK/client-errors"; break; }
      sleep 0.02
    done
    sleep 0.02
  done
}
read_client() {
  while [[ ! -f "$WORK/stop-client" ]]; do
    curl -fs -o /dev/null --max-time 15 -H "authorization: Bearer $REP_TOKEN" "$GW/v1/auth/me" &&
      now >>"$WORK/reads"
    sleep 0.02
  done
}
first_after() { awk -v t="$1" '$1 > t { print $1 - t; exit }' "$2"; }

: >"$WORK/acks"; : >"$WORK/reads"
claim_client & CLIENT=$!
read_client & READER=$!
sleep 3
NODE1_PID="$(cat "$CIM_GALERA_DIR/n1/mariadbd.pid")"
killed="$(now)"; kill -KILL "$NODE1_PID"
for _ in $(seq 1 300); do [[ -n "$(first_after "$killed" "$WORK/acks")" ]] && break; sleep 0.1; done
node_failover="$(first_after "$killed" "$WORK/acks")"
say "SIGKILL of the written node: next acknowledged claim after ${node_failover:-none} s"
"$ROOT/ci/galera-start.sh" --node 1 >/dev/null 2>&1
sleep 3
killed="$(now)"; kill -KILL "${SERVER_PIDS[0]}"
for _ in $(seq 1 100); do [[ -n "$(first_after "$killed" "$WORK/reads")" ]] && break; sleep 0.05; done
server_failover_read="$(first_after "$killed" "$WORK/reads")"
server_failover_claim="$(first_after "$killed" "$WORK/acks")"
say "SIGKILL of a server: next successful read after ${server_failover_read:-none} s, next claim after ${server_failover_claim:-none} s"
touch "$WORK/stop-client"; wait "$CLIENT" "$READER" 2>/dev/null || true

ratio() { echo "scale=2; $1 / $2" | bc; }
cat <<REPORT

== cluster bench: $CONNECTIONS connections, $DURATION per load, $(nproc) cores ==
SubmitClaim   single ${single_claim_rps}/s p99 ${single_claim_p99} ms CPU ${single_claim_cpu} ms/req
              cluster ${cluster_claim_rps}/s p99 ${cluster_claim_p99} ms CPU ${cluster_claim_cpu} ms/req
              cluster/single throughput $(ratio "$cluster_claim_rps" "$single_claim_rps")x, CPU per request $(ratio "$cluster_claim_cpu" "$single_claim_cpu")x
GetLeaderboard single ${single_board_rps}/s p99 ${single_board_p99} ms CPU ${single_board_cpu} ms/req
              cluster ${cluster_board_rps}/s p99 ${cluster_board_p99} ms CPU ${cluster_board_cpu} ms/req
              cluster/single throughput $(ratio "$cluster_board_rps" "$single_board_rps")x, CPU per request $(ratio "$cluster_board_cpu" "$single_board_cpu")x
Failover      SIGKILL of the written node -> next acknowledged claim: ${node_failover:-none} s (target < 10 s)
              SIGKILL of a server -> next successful request: ${server_failover_read:-none} s (target < 2 s)
REPORT
