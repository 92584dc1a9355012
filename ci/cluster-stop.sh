#!/usr/bin/env bash
# Stops the stack started by ci/cluster-start.sh: the gateway, the three servers, then the
# Galera nodes unless --keep-db (their data stays; ci/cluster-start.sh starts them again).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN="$ROOT/.cim/cluster"
for name in gateway server1 server2 server3; do
  "$ROOT/ci/stop-pidfile.sh" "$RUN/$name.pid" "ci/cluster-stop: $name"
done
[[ "${1:-}" == "--keep-db" ]] || "$ROOT/ci/galera-stop.sh"
