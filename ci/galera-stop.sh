#!/usr/bin/env bash
# Stops the Galera cluster started by ci/galera-start.sh (no-op for nodes that do not run).
#
#   ci/galera-stop.sh [--node X] [--wipe]
#
# Nodes are stopped one at a time, the last started first (SIGTERM, then SIGKILL after
# CIM_GALERA_STOP_TIMEOUT seconds, default 60), so the one stopped last (normally the bootstrap
# node) records safe_to_bootstrap: 1 and the next ci/galera-start.sh bootstraps from it.
# --node X stops only node X. Data are kept unless --wipe, which also removes the data folders
# (of node X only, with --node X).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GALERA_DIR="${CIM_GALERA_DIR:-$ROOT/.cim/galera}"
STOP_TIMEOUT="${CIM_GALERA_STOP_TIMEOUT:-60}"

log() { echo "ci/galera-stop: $*" >&2; }

ONLY="" WIPE=0
while (( $# )); do
  case "$1" in
    --node) ONLY="${2:-none}"; shift; (( $# )) && shift ;;
    --wipe) WIPE=1; shift ;;
    -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) log "unknown argument '$1' (usage: ci/galera-stop.sh [--node 1|2|3] [--wipe])"; exit 2 ;;
  esac
done
[[ -z "$ONLY" || "$ONLY" =~ ^[123]$ ]] || { log "--node takes 1, 2 or 3"; exit 2; }

if [[ ! -d "$GALERA_DIR" ]]; then
  log "no cluster in $GALERA_DIR"
  exit 0
fi
GALERA_DIR="$(cd "$GALERA_DIR" && pwd -P)"  # the real folder (ci/galera-start.sh may link it)
# shellcheck source=ci/galera-common.sh
source "$ROOT/ci/galera-common.sh"

stop_node() {
  local x="$1" pid deadline=$(( SECONDS + STOP_TIMEOUT ))
  pid="$(node_pid "$x")" || { log "n$x not running"; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    log "n$x did not stop in ${STOP_TIMEOUT}s; killed (it recovers its position on the next start)"
  else
    log "n$x stopped"
  fi
}

if [[ -n "$ONLY" ]]; then
  nodes=("$ONLY")
else
  # Last started first: sort the running nodes by process start time, newest first.
  mapfile -t nodes < <(for x in 1 2 3; do
    pid="$(node_pid "$x")" && echo "$(awk '{ print $22 }' "/proc/$pid/stat") $x"
  done | sort -k1,1nr -k2,2nr | awk '{ print $2 }')
  (( ${#nodes[@]} )) || log "no node running"
fi
for x in "${nodes[@]}"; do stop_node "$x"; done

if (( WIPE )); then
  if [[ -n "$ONLY" ]]; then
    rm -rf "$(node_dir "$ONLY")"
    [[ -n "$SOCK_DIR" ]] && rm -f "$SOCK_DIR/n$ONLY.sock" "$SOCK_DIR/n$ONLY.sock.lock"
    log "n$ONLY wiped"
  else
    rm -rf "$(node_dir 1)" "$(node_dir 2)" "$(node_dir 3)"
    [[ -n "$SOCK_DIR" ]] && rm -rf "$SOCK_DIR"
    rmdir "$GALERA_DIR" 2>/dev/null || true
    log "cluster data wiped ($GALERA_DIR)"
  fi
fi
