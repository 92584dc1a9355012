#!/usr/bin/env bash
# The high-availability setup on one machine: a 3-node MariaDB Galera cluster on loopback
# (ci/galera-start.sh), three cim-server replicas that all list the three nodes (each writes to
# the first usable node and fails over in that order), and one cim-gateway balancing over the
# replicas, with the demo data. Prints what ci/start.sh prints plus the topology. Re-running
# restarts the servers and the gateway with the current build; a stopped node is started again.
# Stop with ci/cluster-stop.sh. It replaces a single-node stack from ci/start.sh (stopped first).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
HTTP_PORT="${CIM_HTTP_PORT:-8080}"
GRPC_BASE="${CIM_CLUSTER_GRPC_BASE:-50061}"
METRICS_BASE="${CIM_CLUSTER_METRICS_BASE:-9471}"
RUN="$ROOT/.cim/cluster"
mkdir -p "$RUN"

"$ROOT/ci/install-deps.sh"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}" CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
cmake --preset release >/dev/null
cmake --build --preset release
BIN="$ROOT/build/release"

"$ROOT/ci/stop.sh" >/dev/null 2>&1 || true          # a single-node stack on the same ports
"$ROOT/ci/cluster-stop.sh" --keep-db >/dev/null 2>&1 || true
NODES="$("$ROOT/ci/galera-start.sh" | tail -n 1)"    # user=root host=127.0.0.1:3421,…
FIRST="${NODES#*host=}"; FIRST="${FIRST%%,*}"
mariadb --no-defaults -h"${FIRST%:*}" -P"${FIRST#*:}" -uroot -e \
  "CREATE DATABASE IF NOT EXISTS cim CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
export CIM_DB="$NODES db=cim"
# The key that seals two-step sign-in secrets: one for the cluster, shared by every replica.
KEY_FILE="$ROOT/.cim/cluster-secrets.key"
if [[ ! -s "$KEY_FILE" ]]; then
  (umask 077 && openssl rand -hex 32 > "$KEY_FILE")
fi
export CIM_SECRETS_KEY_FILE="$KEY_FILE"

# Migrations run once for the cluster (GET_LOCK is node-local under Galera); the seed migrates
# too, then loads the demo data on the first start only.
"$BIN/server/cim-server" --seed_demo > "$RUN/seed.txt"
if grep -q "Demo data loaded" "$RUN/seed.txt" || [[ ! -f "$RUN/demo-logins.txt" ]]; then
  mv "$RUN/seed.txt" "$RUN/demo-logins.txt"
fi

backends=()
for i in 1 2 3; do
  port=$((GRPC_BASE + i - 1))
  nohup "$BIN/server/cim-server" --listen="127.0.0.1:$port" --migrate_on_start=false \
    --metrics_address="127.0.0.1:$((METRICS_BASE + i - 1))" > "$RUN/server$i.log" 2>&1 &
  echo $! > "$RUN/server$i.pid"
  backends+=("127.0.0.1:$port")
done
BACKENDS="$(IFS=,; echo "${backends[*]}")"
nohup "$BIN/portal-gateway/cim-gateway" --backend="$BACKENDS" --port="$HTTP_PORT" \
  --web_root="$BIN/web/dist" --descriptor_set="$BIN/protos/cim_descriptors.pb" \
  > "$RUN/gateway.log" 2>&1 &
echo $! > "$RUN/gateway.pid"

for _ in $(seq 1 150); do
  curl -fs "http://127.0.0.1:$HTTP_PORT/readyz" >/dev/null 2>&1 && break
  sleep 0.2
done
sleep 0.5
for name in server1 server2 server3 gateway; do
  if ! kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null; then
    echo "ci/cluster-start: $name did not start; see $RUN/$name.log" >&2
    tail -5 "$RUN/$name.log" >&2
    exit 1
  fi
done
if ! curl -fs "http://127.0.0.1:$HTTP_PORT/readyz" >/dev/null; then
  echo "ci/cluster-start: the gateway is not ready; see $RUN/*.log" >&2
  exit 1
fi

topology() {
  local i port state size
  for i in 1 2 3; do
    port=$(( ${CIM_GALERA_PORT_BASE:-3421} + i - 1 ))
    read -r state size < <(mariadb --no-defaults -h127.0.0.1 -P"$port" -uroot -NBe \
      "SELECT MAX(IF(variable_name='wsrep_local_state_comment', variable_value, NULL)),
              MAX(IF(variable_name='wsrep_cluster_size', variable_value, NULL))
         FROM information_schema.global_status
        WHERE variable_name IN ('wsrep_local_state_comment','wsrep_cluster_size')" 2>/dev/null ||
      echo "down -")
    printf '    node n%s    127.0.0.1:%s   %s, cluster size %s\n' "$i" "$port" "$state" "$size"
  done
  for i in 1 2 3; do
    printf '    server %s   127.0.0.1:%s  (metrics :%s, log %s)\n' "$i" "$((GRPC_BASE + i - 1))" \
      "$((METRICS_BASE + i - 1))" "$RUN/server$i.log"
  done
  printf '    gateway    127.0.0.1:%s   round robin over the servers whose health is SERVING\n' \
    "$HTTP_PORT"
}

cat <<MSG

  CIM is running as a cluster.
  Portal:  http://127.0.0.1:$HTTP_PORT/
  gRPC:    $BACKENDS   (each replica; health checking and reflection enabled)
  API:     http://127.0.0.1:$HTTP_PORT/openapi.json (OpenAPI 3)
  Metrics: http://127.0.0.1:$HTTP_PORT/metrics (gateway), http://127.0.0.1:$METRICS_BASE/metrics (server 1)
  Logs:    $RUN/
  Stop:    ci/cluster-stop.sh

  Topology (every server writes to the first usable node in the order n1, n2, n3):
$(topology)

$(cat "$RUN/demo-logins.txt")
MSG
