#!/usr/bin/env bash
# Stops the stack started by ci/start.sh (gateway, server, then MariaDB unless --keep-db).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN="$ROOT/.cim/run"
for name in gateway server; do
  if [[ -f "$RUN/$name.pid" ]]; then
    pid="$(cat "$RUN/$name.pid")"
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      echo "ci/stop: $name stopped" >&2
    fi
    rm -f "$RUN/$name.pid"
  fi
done
[[ "${1:-}" == "--keep-db" ]] || "$ROOT/ci/db-stop.sh"
