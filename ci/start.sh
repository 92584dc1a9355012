#!/usr/bin/env bash
# Brings the whole stack up with demo data: installs what is missing, builds the release preset,
# starts the private MariaDB, migrates and seeds the demo data (first run only), starts
# cim-server and cim-gateway in the background with a local mail sink for their emails, and
# prints the portal URL, where the emails land and the demo logins.
# Re-running restarts the server and gateway with the current build. Stop with ci/stop.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
HTTP_PORT="${CIM_HTTP_PORT:-8080}"
GRPC_PORT="${CIM_GRPC_PORT:-50051}"
METRICS_PORT="${CIM_METRICS_PORT:-9464}"
MAIL_PORT="${CIM_MAIL_PORT:-2525}"
RUN="$ROOT/.cim/run"
MAIL="$ROOT/.cim/mail"
mkdir -p "$RUN" "$MAIL"

"$ROOT/ci/install-deps.sh"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}" CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
cmake --preset release >/dev/null
cmake --build --preset release
BIN="$ROOT/build/release"

DB_SERVER="$("$ROOT/ci/db-start.sh")"
SOCK="${DB_SERVER#*unix_socket=}"
mariadb --no-defaults --socket="$SOCK" -uroot -e \
  "CREATE DATABASE IF NOT EXISTS cim CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
export CIM_DB="$DB_SERVER db=cim"
# The key that seals two-step sign-in secrets in the database: made once, readable by its owner
# only, kept with the data (.cim/), read by the seed and the server.
KEY_FILE="$ROOT/.cim/secrets.key"
if [[ ! -s "$KEY_FILE" ]]; then
  (umask 077 && openssl rand -hex 32 > "$KEY_FILE")
fi
export CIM_SECRETS_KEY_FILE="$KEY_FILE"

"$ROOT/ci/stop.sh" --keep-db >/dev/null 2>&1 || true
# The first seed prints the service account's API key, which exists only then: keep that output.
"$BIN/server/cim-server" --seed_demo > "$RUN/seed.txt"
if grep -q "Demo data loaded" "$RUN/seed.txt" || [[ ! -f "$RUN/demo-logins.txt" ]]; then
  mv "$RUN/seed.txt" "$RUN/demo-logins.txt"
fi

# The demo's email goes to a local SMTP sink (the same one the tests use): one .eml file per
# email in .cim/mail.
nohup /usr/bin/python3 "$ROOT/tests/testing/smtp_sink.py" "$MAIL" --port "$MAIL_PORT" \
  > "$RUN/mail.log" 2>&1 &
echo $! > "$RUN/mail.pid"
nohup "$BIN/server/cim-server" --listen="127.0.0.1:$GRPC_PORT" \
  --metrics_address="127.0.0.1:$METRICS_PORT" --smtp_url="smtp://127.0.0.1:$MAIL_PORT" \
  --portal_url="http://127.0.0.1:$HTTP_PORT" > "$RUN/server.log" 2>&1 &
echo $! > "$RUN/server.pid"
nohup "$BIN/portal-gateway/cim-gateway" --backend="127.0.0.1:$GRPC_PORT" --port="$HTTP_PORT" \
  --web_root="$BIN/web/dist" --descriptor_set="$BIN/protos/cim_descriptors.pb" \
  > "$RUN/gateway.log" 2>&1 &
echo $! > "$RUN/gateway.pid"

for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$HTTP_PORT/readyz" >/dev/null 2>&1 && break
  sleep 0.2
done
# Ready, and answered by the processes started here (not by another stack on these ports: a
# process that cannot listen exits at once).
sleep 0.5
if ! curl -fs "http://127.0.0.1:$HTTP_PORT/readyz" >/dev/null ||
   ! kill -0 "$(cat "$RUN/server.pid")" 2>/dev/null || ! kill -0 "$(cat "$RUN/gateway.pid")" 2>/dev/null; then
  echo "ci/start: the stack did not become ready; see $RUN/server.log and $RUN/gateway.log" >&2
  tail -5 "$RUN/server.log" "$RUN/gateway.log" >&2
  exit 1
fi

cat <<MSG

  CIM is running.
  Portal:  http://127.0.0.1:$HTTP_PORT/
  gRPC:    127.0.0.1:$GRPC_PORT   (health checking and reflection enabled)
  API:     http://127.0.0.1:$HTTP_PORT/openapi.json (OpenAPI 3)
  Metrics: http://127.0.0.1:$HTTP_PORT/metrics (gateway), http://127.0.0.1:$METRICS_PORT/metrics (server)
  Email:   every email the stack sends lands in $MAIL/ (one .eml file each; SMTP sink on
           127.0.0.1:$MAIL_PORT)
  Logs:    $RUN/server.log, $RUN/gateway.log, $RUN/mail.log
  Stop:    ci/stop.sh

$(cat "$RUN/demo-logins.txt")
MSG
