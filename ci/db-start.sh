#!/usr/bin/env bash
# Starts the project's private MariaDB (idempotent). Data lives in .cim/db/ inside the checkout;
# it listens on a unix socket there and on 127.0.0.1:${CIM_DB_PORT:-3407}. No system service used.
# Prints the SOCI connection string prefix (without db=) on the last line.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB_DIR="${CIM_DB_DIR:-$ROOT/.cim/db}"
PORT="${CIM_DB_PORT:-3407}"
SOCK="$DB_DIR/mysqld.sock"
mkdir -p "$DB_DIR"
# Unix socket paths are limited to 107 bytes: deep checkouts put the socket under /tmp.
if (( ${#SOCK} > 100 )); then
  SOCK="/tmp/cim-$(echo -n "$DB_DIR" | sha256sum | cut -c1-16)/mysqld.sock"
  mkdir -p "$(dirname "$SOCK")"
fi

ping_db() { mariadb-admin --no-defaults --socket="$SOCK" -uroot ping >/dev/null 2>&1; }

if ping_db; then
  echo "ci/db-start: MariaDB already running (socket $SOCK, port $PORT)" >&2
else
  if [[ ! -d "$DB_DIR/data/mysql" ]]; then
    mariadb-install-db --no-defaults --datadir="$DB_DIR/data" --user=root \
      --auth-root-authentication-method=normal --skip-test-db >"$DB_DIR/install.log" 2>&1
  fi
  # Durability: flush on every commit unless CIM_DB_FAST=1 (tests), where a crash may lose the
  # last second of writes of a throw-away database.
  FLUSH=1
  [[ "${CIM_DB_FAST:-0}" == 1 ]] && FLUSH=2
  nohup mariadbd --no-defaults --datadir="$DB_DIR/data" --socket="$SOCK" --port="$PORT" \
    --bind-address=127.0.0.1 --user=root --pid-file="$DB_DIR/mariadbd.pid" \
    --log-error="$DB_DIR/error.log" --skip-name-resolve --character-set-server=utf8mb4 \
    --collation-server=utf8mb4_unicode_ci --innodb-buffer-pool-size=256M \
    --innodb-flush-log-at-trx-commit="$FLUSH" --max-connections=500 \
    --transaction-isolation=READ-COMMITTED >/dev/null 2>&1 &
  for _ in $(seq 1 300); do
    ping_db && break
    sleep 0.1
  done
  if ! ping_db; then
    echo "ci/db-start: MariaDB did not start; see $DB_DIR/error.log" >&2
    tail -20 "$DB_DIR/error.log" >&2 || true
    exit 1
  fi
  echo "ci/db-start: MariaDB started (socket $SOCK, port $PORT)" >&2
fi
echo "user=root unix_socket=$SOCK"
