#!/usr/bin/env bash
# Starts (idempotently) the project's 3-node MariaDB Galera cluster on 127.0.0.1. No system service
# is used. Data lives in ${CIM_GALERA_DIR:-.cim/galera}/nX (X=1..3: my.cnf, data/, binlog/,
# socket, pid, error.log). Node X listens for SQL on CIM_GALERA_PORT_BASE+X-1 (default 3421..3423)
# and, with G = CIM_GALERA_GCOMM_BASE + 10*(X-1) (default base 4571), on G for group communication,
# G+1 for IST and G+3 for SST (rsync). Nodes that already run are left alone; missing ones join.
#
#   ci/galera-start.sh            start the whole cluster (or the nodes that are missing)
#   ci/galera-start.sh --node X   start only node X (e.g. after kill -9), joining the running ones
#
# When no node runs, the cluster is bootstrapped from the node whose grastate.dat says
# safe_to_bootstrap: 1 (the last one stopped by ci/galera-stop.sh), else, after a crash of all
# nodes, from the one with the highest recovered seqno; a fresh cluster starts from n1. A node that
# crashed (seqno -1) first recovers its position with --wsrep-recover and then joins by IST.
# Waits (CIM_GALERA_TIMEOUT seconds, default 180) until every started node is Synced, ready and
# sees the whole cluster. Prints the topology on stderr and, on the last line, the SOCI connection
# string listing the three nodes over TCP. Stop with ci/galera-stop.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GALERA_DIR="${CIM_GALERA_DIR:-$ROOT/.cim/galera}"
PORT_BASE="${CIM_GALERA_PORT_BASE:-3421}"
GCOMM_BASE="${CIM_GALERA_GCOMM_BASE:-4571}"
TIMEOUT="${CIM_GALERA_TIMEOUT:-180}"
NODES=(1 2 3)

log() { echo "ci/galera-start: $*" >&2; }
die() { log "$*"; exit 1; }

ONLY=""
while (( $# )); do
  case "$1" in
    --node) ONLY="${2:-none}"; shift; (( $# )) && shift ;;
    -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (usage: ci/galera-start.sh [--node 1|2|3])" ;;
  esac
done
[[ -z "$ONLY" || "$ONLY" =~ ^[123]$ ]] || die "--node takes 1, 2 or 3"

# rsync SST fails when mariadbd runs as root (its rsync daemon drops to 'nobody' and cannot write
# the datadir), so as root the nodes run as 'mysql'; otherwise as the calling user.
RUN_USER=""
if (( EUID == 0 )); then
  RUN_USER=mysql
  id mysql >/dev/null 2>&1 || die "user 'mysql' is missing (it comes with mariadb-server)"
fi
[[ -L "$GALERA_DIR" && ! -e "$GALERA_DIR" ]] && rm -f "$GALERA_DIR"  # wiped by galera-stop.sh
mkdir -p "$GALERA_DIR"
# A checkout 'mysql' cannot reach (e.g. under /root, mode 0700) keeps its cluster in /var/tmp,
# linked from the usual place; every path below is the real one.
if [[ -n "$RUN_USER" && ! -L "$GALERA_DIR" ]] && ! runuser -u "$RUN_USER" -- test -x "$GALERA_DIR"; then
  real="/var/tmp/cim-galera-$(echo -n "$GALERA_DIR" | sha256sum | cut -c1-16)"
  mkdir -p "$real"
  rmdir "$GALERA_DIR" 2>/dev/null || die "$GALERA_DIR is not reachable by $RUN_USER and not empty"
  ln -s "$real" "$GALERA_DIR"
  log "$GALERA_DIR is not reachable by $RUN_USER: the cluster lives in $real"
fi
GALERA_DIR="$(cd "$GALERA_DIR" && pwd -P)"
# shellcheck source=ci/galera-common.sh
source "$ROOT/ci/galera-common.sh"
CLUSTER_NAME="cim-$(echo -n "$GALERA_DIR" | sha256sum | cut -c1-8)"

sql_port() { echo $(( PORT_BASE + $1 - 1 )); }
gcomm_port() { echo $(( GCOMM_BASE + 10 * ($1 - 1) )); }
node_sock() {
  if [[ -n "$SOCK_DIR" ]]; then echo "$SOCK_DIR/n$1.sock"; else echo "$(node_dir "$1")/mysqld.sock"; fi
}

running_nodes() { local x; for x in "${NODES[@]}"; do node_pid "$x" >/dev/null && echo "$x"; done; true; }

sql() { # sql X statement... (as root over the unix socket; no sync wait, so it works on any state)
  local x="$1"; shift
  mariadb --no-defaults --socket="$(node_sock "$x")" -uroot --connect-timeout=2 -NB \
    -e "SET SESSION wsrep_sync_wait=0; $*"
}
# "state|ready|size|status|last_committed" of node X, or nothing if it does not answer.
node_status() {
  local out
  out="$(sql "$1" "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_state_comment',
    'wsrep_ready','wsrep_cluster_size','wsrep_cluster_status','wsrep_last_committed')" 2>/dev/null)" \
    || return 0
  awk -F'\t' '{ v[$1] = $2 } END { if (NR) printf "%s|%s|%s|%s|%s\n", v["wsrep_local_state_comment"],
    v["wsrep_ready"], v["wsrep_cluster_size"], v["wsrep_cluster_status"], v["wsrep_last_committed"] }' \
    <<<"$out"
}

write_cnf() {
  local x="$1" d g peers provider flush=1
  d="$(node_dir "$x")"
  g="$(gcomm_port "$x")"
  peers="127.0.0.1:$(gcomm_port 1),127.0.0.1:$(gcomm_port 2),127.0.0.1:$(gcomm_port 3)"
  # Own gcomm and IST ports; failure detection in ~2-4 s instead of 6 s (keepalive < suspect/3).
  provider="gmcast.listen_addr=tcp://127.0.0.1:$g;ist.recv_addr=127.0.0.1:$(( g + 1 ))"
  provider+=";evs.suspect_timeout=PT2S;evs.inactive_timeout=PT4S;evs.keepalive_period=PT0.5S"
  # Durability: flush on every commit unless CIM_DB_FAST=1 (tests), like ci/db-start.sh.
  [[ "${CIM_DB_FAST:-0}" == 1 ]] && flush=2
  cat >"$d/my.cnf" <<EOF
# Written by ci/galera-start.sh on every start of this node: edits are lost.
[mysqld]
${RUN_USER:+user                           = $RUN_USER}
datadir                        = $d/data
socket                         = $(node_sock "$x")
pid-file                       = $d/mariadbd.pid
log-error                      = $d/error.log
port                           = $(sql_port "$x")
bind-address                   = 127.0.0.1
skip-name-resolve
character-set-server           = utf8mb4
collation-server               = utf8mb4_unicode_ci
transaction-isolation          = READ-COMMITTED
max-connections                = 500
innodb-buffer-pool-size        = 128M
innodb_flush_log_at_trx_commit = $flush
default_storage_engine         = InnoDB
innodb_autoinc_lock_mode       = 2
binlog_format                  = ROW
# Binary log kept for point-in-time recovery.
log_bin                        = $d/binlog/mariadb-bin
log_slave_updates              = ON
server_id                      = $x
expire_logs_days               = 7
wsrep_on                       = ON
wsrep_provider                 = /usr/lib/galera/libgalera_smm.so
wsrep_cluster_name             = $CLUSTER_NAME
wsrep_cluster_address          = gcomm://$peers
wsrep_node_name                = n$x
wsrep_node_address             = 127.0.0.1
wsrep_provider_options         = "$provider"
wsrep_sst_receive_address      = 127.0.0.1:$(( g + 3 ))
wsrep_sst_method               = rsync
# Reads wait until every write committed anywhere in the cluster before them is applied here.
wsrep_sync_wait                = 1
EOF
}

# Prepares node X's folders (owned by the user mariadbd runs as) and its my.cnf.
prepare_node() {
  local x="$1" d
  d="$(node_dir "$x")"
  mkdir -p "$d/data" "$d/binlog"
  touch "$d/error.log"
  write_cnf "$x"
  if [[ -n "$SOCK_DIR" ]]; then
    mkdir -p "$SOCK_DIR"
    [[ -n "$RUN_USER" ]] && chown "$RUN_USER:$RUN_USER" "$SOCK_DIR"
  fi
  if [[ -n "$RUN_USER" ]]; then
    chown -R "$RUN_USER:$RUN_USER" "$d"
    # Every folder above must be searchable by that user (a checkout under /root is not).
    runuser -u "$RUN_USER" -- test -w "$d/data" ||
      die "user $RUN_USER cannot write $d/data (a parent folder is not searchable); set CIM_GALERA_DIR"
  fi
}

grastate() { # grastate X field → value ('' if there is no state file)
  local f; f="$(node_dir "$1")/data/grastate.dat"
  [[ -f "$f" ]] && awk -v k="$2:" '$1 == k { print $2 }' "$f"
  true
}
ZERO_UUID=00000000-0000-0000-0000-000000000000
has_history() { local u; u="$(grastate "$1" uuid)"; [[ -n "$u" && "$u" != "$ZERO_UUID" ]]; }

# Position (uuid:seqno) of node X. A node that crashed has seqno -1 in grastate.dat: then the
# position is recovered from InnoDB with --wsrep-recover and kept in START_POS[X], so that the node
# starts with --wsrep-start-position and joins by IST instead of a full SST (or keeps its history
# when it bootstraps).
declare -A POS=() START_POS=()
find_position() {
  local x="$1" d seqno pos
  d="$(node_dir "$x")"
  POS[$x]=""; START_POS[$x]=""
  has_history "$x" || return 0
  seqno="$(grastate "$x" seqno)"
  if [[ "$seqno" != -1 ]]; then POS[$x]="$(grastate "$x" uuid):$seqno"; return 0; fi
  [[ -f "$d/data/ibdata1" ]] || return 0
  prepare_node "$x"
  log "n$x crashed (seqno -1): recovering its position"
  : >"$d/recover.log"
  [[ -n "$RUN_USER" ]] && chown "$RUN_USER:$RUN_USER" "$d/recover.log"
  mariadbd --defaults-file="$d/my.cnf" --wsrep-recover --log-error="$d/recover.log" \
    >>"$d/recover.log" 2>&1 || true
  pos="$(grep -o 'WSREP: Recovered position: .*' "$d/recover.log" | tail -1 |
    awk '{ print $NF }')" || true
  if [[ "$pos" =~ ^[0-9a-f-]{36}:[0-9]+$ && "${pos%%:*}" != "$ZERO_UUID" ]]; then
    POS[$x]="$pos"; START_POS[$x]="$pos"
    log "n$x recovered position $pos"
  else
    log "n$x: no position recovered (see $d/recover.log); it will need a full state transfer"
  fi
}

# Starts node X's mariadbd in the background; further arguments go to mariadbd.
launch() {
  local x="$1" d pid; shift
  d="$(node_dir "$x")"
  prepare_node "$x"
  [[ -n "${START_POS[$x]:-}" ]] && set -- "$@" --wsrep-start-position="${START_POS[$x]}"
  echo "---- ci/galera-start: $(date -Is) mariadbd $*" >>"$d/error.log"
  nohup setsid mariadbd --defaults-file="$d/my.cnf" "$@" >>"$d/error.log" 2>&1 </dev/null &
  pid=$!
  # Our pid file at once (mariadbd writes the same pid later), owned by the server's user.
  echo "$pid" >"$d/mariadbd.pid.new"
  [[ -n "$RUN_USER" ]] && chown "$RUN_USER:$RUN_USER" "$d/mariadbd.pid.new"
  mv -f "$d/mariadbd.pid.new" "$d/mariadbd.pid"
  log "n$x starting (pid $pid${*:+, $*})"
}

# Waits until node X is Synced, ready, in the Primary component and sees SIZE nodes (SIZE
# "alive": as many as there are running nodes).
wait_ready() {
  local x="$1" want="$2" deadline=$(( SECONDS + TIMEOUT )) st="" size
  while :; do
    if ! node_pid "$x" >/dev/null; then
      log "n$x exited while starting; last lines of $(node_dir "$x")/error.log:"
      tail -25 "$(node_dir "$x")/error.log" >&2 || true
      exit 1
    fi
    size="$want"
    [[ "$want" == alive ]] && size="$(running_nodes | wc -l)"
    st="$(node_status "$x")"
    [[ "$st" == "Synced|ON|$size|Primary|"* ]] && return 0
    if (( SECONDS >= deadline )); then
      log "n$x is not ready after ${TIMEOUT}s (state|ready|size|status: ${st:-no answer});" \
        "see $(node_dir "$x")/error.log"
      exit 1
    fi
    sleep 0.2
  done
}

# Waits until one of the running nodes (arguments after N) sees N members: joiner X is in the
# group (its state transfer may still be under way).
wait_members() {
  local x="$1" want="$2" deadline=$(( SECONDS + TIMEOUT )) r size; shift 2
  while :; do
    node_pid "$x" >/dev/null || wait_ready "$x" 3 # reports the exit and the log
    for r in "$@"; do
      IFS='|' read -r _ _ size _ _ <<<"$(node_status "$r")"
      [[ "${size:-0}" =~ ^[0-9]+$ ]] && (( size >= want )) && return 0
    done
    (( SECONDS >= deadline )) && { log "n$x did not join the group in ${TIMEOUT}s"; exit 1; }
    sleep 0.2
  done
}

# Before nodes join the running ones: wait until the running nodes have noticed dead members
# (a node killed a moment ago stays in the view for a few seconds) and, when none of them is in
# a Primary component any more (e.g. two of three were killed), make the most advanced one
# Primary again with pc.bootstrap. Safe here: every node of this cluster lives on this machine,
# and the others are known not to run.
settle_running() {
  local deadline=$(( SECONDS + 20 )) x st alive n primary settled best best_seq size status last
  while :; do
    mapfile -t alive < <(running_nodes)
    n=${#alive[@]}
    (( n == 0 )) && return 0
    primary=0; settled=1; best=""; best_seq=-2
    for x in "${alive[@]}"; do
      st="$(node_status "$x")"
      IFS='|' read -r _ _ size status last <<<"$st"
      if [[ "$status" == Primary ]]; then
        primary=1
        [[ "$size" == "$n" ]] || settled=0
      else
        # Non-Primary or no answer yet (still starting): remember the most advanced answering node.
        [[ -n "$st" ]] || settled=0
        if [[ -n "$st" && "${last:-0}" =~ ^[0-9]+$ ]] && (( last > best_seq )); then
          best="$x"; best_seq="$last"
        fi
      fi
    done
    if (( primary )); then
      (( settled )) && return 0
    elif (( settled )) && [[ -n "$best" ]] && (( SECONDS + 14 >= deadline )); then
      # Every running node answers and none is Primary for 6 s: no Primary will come back alone.
      log "no running node is in a Primary component: bootstrapping the component on n$best" \
        "(last committed $best_seq) with pc.bootstrap"
      sql "$best" "SET GLOBAL wsrep_provider_options='pc.bootstrap=YES'"
      wait_ready "$best" alive
      return 0
    fi
    if (( SECONDS >= deadline )); then log "running nodes did not settle in 20s; joining anyway"; return 0; fi
    sleep 0.2
  done
}

# The server connects as root over TCP 127.0.0.1, which root@localhost does not cover with
# skip-name-resolve. mariadb-install-db (--auth-root-authentication-method=normal) creates a
# passwordless root@127.0.0.1; should it not, create it (CREATE USER/GRANT replicate by TOI).
ensure_tcp_root() {
  local x="$1" n
  n="$(sql "$x" "SELECT COUNT(*) FROM mysql.global_priv WHERE User='root' AND Host='127.0.0.1'")"
  if [[ "$n" == 0 ]]; then
    log "creating root@127.0.0.1 (passwordless)"
    sql "$x" "CREATE USER 'root'@'127.0.0.1';
      GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION"
  fi
}

# With no node running: picks the node to bootstrap from (BOOT) and whether the cluster is new
# (FRESH=1). The node that was stopped last says safe_to_bootstrap: 1; after a crash of all nodes
# none does, and the most advanced one (highest seqno, lowest number on a tie) is taken.
BOOT="" FRESH=0
choose_bootstrap() {
  local x seq best_seq=-2
  BOOT=""; FRESH=1
  for x in "${NODES[@]}"; do has_history "$x" && FRESH=0; done
  if (( FRESH )); then BOOT=1; return 0; fi
  for x in "${NODES[@]}"; do find_position "$x"; done
  for x in "${NODES[@]}"; do
    has_history "$x" || continue
    seq=-1 # no position recovered: a start that failed before the first commit, or damage
    [[ -n "${POS[$x]}" ]] && seq="${POS[$x]##*:}"
    [[ "$(grastate "$x" safe_to_bootstrap)" == 1 ]] && seq=$(( seq + 1000000000000 ))
    if (( seq > best_seq )); then BOOT="$x"; best_seq="$seq"; fi
  done
}

bootstrap() {
  local x="$BOOT" d
  d="$(node_dir "$x")"
  if (( FRESH )); then
    if [[ ! -d "$d/data/mysql" ]]; then
      prepare_node "$x"
      log "n$x: creating the system tables (mariadb-install-db)"
      mariadb-install-db --no-defaults --datadir="$d/data" ${RUN_USER:+--user=$RUN_USER} \
        --auth-root-authentication-method=normal --skip-test-db >"$d/install.log" 2>&1 \
        || { tail -20 "$d/install.log" >&2; die "mariadb-install-db failed"; }
    fi
    # A leftover state file without history (a first start that failed) must not block.
    rm -f "$d/data/grastate.dat"
    log "new cluster: bootstrapping n$x"
  else
    if [[ "$(grastate "$x" safe_to_bootstrap)" != 1 ]]; then
      log "no node was the last one stopped cleanly: n$x has the highest position (${POS[$x]:-none});" \
        "marking it safe_to_bootstrap"
      sed -i 's/^safe_to_bootstrap: *0/safe_to_bootstrap: 1/' "$d/data/grastate.dat"
    fi
    log "bootstrapping the cluster from n$x (position ${POS[$x]:-unknown: a new history begins})"
  fi
  launch "$x" --wsrep-new-cluster
  wait_ready "$x" 1
  if (( FRESH )); then ensure_tcp_root "$x"; fi
}

start_all() {
  local running x joiners=()
  mapfile -t running < <(running_nodes)
  if (( ${#running[@]} == 0 )); then
    choose_bootstrap
    bootstrap
    running=("$BOOT")
  else
    log "running already: $(printf 'n%s ' "${running[@]}")"
    settle_running
  fi
  # Joiners are started one after the other, each once the cluster's view includes the previous
  # one: two nodes joining the group at the same instant made the membership protocol time out
  # (10 s lost, cluster briefly non-Primary). Their state transfers still overlap.
  for x in "${NODES[@]}"; do
    node_pid "$x" >/dev/null && continue
    [[ -n "${POS[$x]+set}" ]] || find_position "$x"
    launch "$x"
    joiners+=("$x")
    wait_members "$x" $(( ${#running[@]} + ${#joiners[@]} )) "${running[@]}"
  done
  for x in "${joiners[@]}" "${running[@]}"; do wait_ready "$x" 3; done
}

start_one() {
  local x="$1" others
  if node_pid "$x" >/dev/null; then
    log "n$x runs already"
  else
    mapfile -t others < <(running_nodes)
    if (( ${#others[@]} == 0 )); then
      # Nothing to join: the node may only bootstrap when a start of the whole cluster would.
      choose_bootstrap
      [[ "$BOOT" == "$x" ]] ||
        die "no node runs, so n$x has nothing to join; start n$BOOT first (it bootstraps the cluster)"
      bootstrap
      return 0
    fi
    settle_running
    find_position "$x"
    launch "$x"
  fi
  wait_ready "$x" alive
}

if [[ -n "$ONLY" ]]; then start_one "$ONLY"; else start_all; fi

log "cluster $CLUSTER_NAME in $GALERA_DIR:"
printf '  %-5s %-6s %-6s %-16s %-5s %s\n' node sql gcomm state size status >&2
hosts=()
for x in "${NODES[@]}"; do
  hosts+=("127.0.0.1:$(sql_port "$x")")
  st="stopped||||"
  node_pid "$x" >/dev/null && st="$(node_status "$x")" && [[ -z "$st" ]] && st="no answer||||"
  IFS='|' read -r state _ size status _ <<<"$st"
  printf '  %-5s %-6s %-6s %-16s %-5s %s\n' "n$x" "$(sql_port "$x")" "$(gcomm_port "$x")" \
    "$state" "${size:--}" "${status:--}" >&2
done
# The server connects over TCP as root: check that this works on every running node.
for x in $(running_nodes); do
  mariadb --no-defaults --protocol=TCP -h127.0.0.1 -P"$(sql_port "$x")" -uroot --connect-timeout=5 \
    -NBe "SELECT 1" >/dev/null || die "n$x does not accept root over TCP 127.0.0.1:$(sql_port "$x")"
done
echo "user=root host=$(IFS=,; echo "${hosts[*]}")"
