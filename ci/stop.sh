#!/usr/bin/env bash
# Stops the stack started by ci/start.sh (gateway, server, mail sink, then MariaDB unless
# --keep-db).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN="$ROOT/.cim/run"
for name in gateway server mail; do
  "$ROOT/ci/stop-pidfile.sh" "$RUN/$name.pid" "ci/stop: $name"
done
[[ "${1:-}" == "--keep-db" ]] || "$ROOT/ci/db-stop.sh"
