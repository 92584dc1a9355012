#!/usr/bin/env bash
# Stops the stack started by ci/cluster-start.sh: the gateway, the three servers, then the
# Galera nodes unless --keep-db (their data stays; ci/cluster-start.sh starts them again).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN="$ROOT/.cim/cluster"
for name in gateway server1 server2 server3; do
  [[ -f "$RUN/$name.pid" ]] || continue
  pid="$(cat "$RUN/$name.pid")"
  exe="$(readlink "/proc/$pid/exe" 2>/dev/null || true)"
  exe="${exe% (deleted)}"
  if [[ "$exe" == */cim-gateway || "$exe" == */cim-server ]]; then
    kill -TERM "$pid"
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid" || true
      echo "ci/cluster-stop: $name did not stop in 15s; killed" >&2
    else
      echo "ci/cluster-stop: $name stopped" >&2
    fi
  fi
  rm -f "$RUN/$name.pid"
done
[[ "${1:-}" == "--keep-db" ]] || "$ROOT/ci/galera-stop.sh"
