#!/usr/bin/env bash
# Stops the private MariaDB started by ci/db-start.sh (no-op if it is not running).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB_DIR="${CIM_DB_DIR:-$ROOT/.cim/db}"
SOCK="$DB_DIR/mysqld.sock"
(( ${#SOCK} > 100 )) && SOCK="/tmp/cim-$(echo -n "$DB_DIR" | sha256sum | cut -c1-16)/mysqld.sock"
if mariadb-admin --no-defaults --socket="$SOCK" -uroot ping >/dev/null 2>&1; then
  mariadb-admin --no-defaults --socket="$SOCK" -uroot shutdown
  echo "ci/db-stop: MariaDB stopped" >&2
else
  echo "ci/db-stop: MariaDB not running" >&2
fi
