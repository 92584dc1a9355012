# Sourced by ci/galera-start.sh and ci/galera-stop.sh once GALERA_DIR is the cluster's real
# folder: where each node's files are, and which mariadbd belongs to a node.

# Unix socket paths are limited to 107 bytes: deep checkouts put the sockets under /tmp.
SOCK_DIR=""
if (( ${#GALERA_DIR} + 16 > 100 )); then
  SOCK_DIR="/tmp/cim-$(echo -n "$GALERA_DIR" | sha256sum | cut -c1-16)"
fi

node_dir() { echo "$GALERA_DIR/n$1"; }

# The pid of node X's mariadbd, if it runs (the pid must belong to a mariadbd of this node).
node_pid() {
  local f pid
  f="$(node_dir "$1")/mariadbd.pid"
  [[ -f "$f" ]] || return 1
  pid="$(cat "$f" 2>/dev/null)" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "--defaults-file=$(node_dir "$1")/my.cnf " \
    || return 1
  echo "$pid"
}
