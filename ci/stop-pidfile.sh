#!/usr/bin/env bash
# Stops the process whose pid is in file $1 (written by ci/start.sh or ci/cluster-start.sh) and
# removes the file; $2 names it in messages. Only a cim-server or cim-gateway is signalled (pids
# get reused; after a rebuild the running binary's link reads "…/cim-server (deleted)"):
# SIGTERM, then SIGKILL if it has not stopped after 15 s.
set -euo pipefail
file="$1" name="$2"
[[ -f "$file" ]] || exit 0
pid="$(cat "$file")"
exe="$(readlink "/proc/$pid/exe" 2>/dev/null || true)"
exe="${exe% (deleted)}"
if [[ "$exe" == */cim-server || "$exe" == */cim-gateway ]]; then
  kill -TERM "$pid"
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" || true
    echo "$name did not stop in 15s; killed" >&2
  else
    echo "$name stopped" >&2
  fi
fi
rm -f "$file"
