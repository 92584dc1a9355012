#!/usr/bin/env bash
# Stops the stack started by ci/start.sh (gateway, server, then MariaDB unless --keep-db).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN="$ROOT/.cim/run"
for name in gateway server; do
  if [[ -f "$RUN/$name.pid" ]]; then
    pid="$(cat "$RUN/$name.pid")"
    # Only signal the process if the pid still belongs to our binary (pids get reused); after a
    # rebuild the running binary's file is gone and the link reads "…/cim-server (deleted)".
    exe="$(readlink "/proc/$pid/exe" 2>/dev/null || true)"
    if [[ "${exe% (deleted)}" == */cim-$name ]]; then
      kill -TERM "$pid"
      for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" || true
        echo "ci/stop: $name did not stop in 15s; killed" >&2
      else
        echo "ci/stop: $name stopped" >&2
      fi
    fi
    rm -f "$RUN/$name.pid"
  fi
done
[[ "${1:-}" == "--keep-db" ]] || "$ROOT/ci/db-stop.sh"
