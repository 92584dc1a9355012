#!/usr/bin/env bash
# Online backup of one MariaDB node (a node of the Galera cluster of ci/galera-start.sh, or any
# MariaDB with binary logging) for point-in-time recovery, while it keeps taking writes.
#
#   ci/backup.sh [--node-port P | --socket S] [--dir D]      full backup
#   ci/backup.sh --binlogs-only [--node-port P | --socket S] [--dir D]
#
# Full backup, into D/<UTC timestamp, e.g. 20261206T195802Z>/ (D: --dir, else $CIM_BACKUP_DIR,
# else .cim/backups in the checkout):
#   base/        `mariadb-backup --backup --galera-info`, then `--prepare`d: ready to restore
#   binlogs/     the node's binary logs from the backup's position on (after FLUSH BINARY LOGS,
#                the closed files only); later `--binlogs-only` runs add the newer ones
#   backup-info  node, binlog position (file, offset, GTID), Galera position, times (UTC)
#   *.log        the output of mariadb-backup
# --binlogs-only flushes the binary log and copies the closed binlog files the newest backup of
# the same node in D does not have yet (run it often: what it archived is what a point-in-time
# restore can reach). Restore with ci/restore.sh. Binlog files are never mixed between nodes:
# each node numbers its own, and a backup only takes files of the node it was taken from.
#
# The node: 127.0.0.1:P over TCP (default P: ${CIM_GALERA_PORT_BASE:-3421}, node 1), or the unix
# socket S. User CIM_BACKUP_USER (default root); a password is taken from MYSQL_PWD. mariadb-backup
# reads the node's data folder directly, so this runs on the node's machine, as root or as the
# user the server runs as (mysql). A Galera node must be Synced. Prints, on the last two lines,
# `backup=<folder>` and `binlog=<file>:<offset> gtid=<gtid> galera=<uuid:seqno>` (--binlogs-only:
# `binlogs=<first>..<last>`).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { echo "ci/backup: $*" >&2; }
die() { log "$*"; exit 1; }

PORT="" SOCKET="" DIR="${CIM_BACKUP_DIR:-$ROOT/.cim/backups}" MODE=full
DB_USER="${CIM_BACKUP_USER:-root}"
while (( $# )); do
  case "$1" in
    --node-port) PORT="${2:-}"; shift 2 || shift ;;
    --socket) SOCKET="${2:-}"; shift 2 || shift ;;
    --dir) DIR="${2:-}"; shift 2 || shift ;;
    --binlogs-only) MODE=binlogs; shift ;;
    -h|--help) sed -n '2,26p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see ci/backup.sh --help)" ;;
  esac
done
[[ -n "$PORT" && -n "$SOCKET" ]] && die "give --node-port or --socket, not both"
[[ -z "$PORT" && -z "$SOCKET" ]] && PORT="${CIM_GALERA_PORT_BASE:-3421}"
[[ -z "$PORT" || "$PORT" =~ ^[0-9]+$ ]] || die "--node-port takes a port number"
[[ -n "$DIR" ]] || die "--dir is empty"

if [[ -n "$SOCKET" ]]; then
  CONN=(--socket="$SOCKET")
  WHERE="socket $SOCKET"
else
  CONN=(--protocol=TCP --host=127.0.0.1 --port="$PORT")
  WHERE="127.0.0.1:$PORT"
fi
sql() { mariadb --no-defaults "${CONN[@]}" --user="$DB_USER" --connect-timeout=5 -NB -e "$*"; }

# --- The node -------------------------------------------------------------------------------
info="$(sql "SELECT @@hostname, @@datadir, @@log_bin, IFNULL(@@log_bin_basename, ''),
  @@global.wsrep_on, @@wsrep_node_name, @@server_id, @@port")" ||
  die "cannot connect to the node at $WHERE as $DB_USER"
IFS=$'\t' read -r HOSTNAME_DB DATADIR LOG_BIN BINLOG_BASE WSREP NODE_NAME SERVER_ID DB_PORT <<<"$info"
DATADIR="${DATADIR%/}"
NODE_ID="$HOSTNAME_DB:$DATADIR"  # unique per node instance; binlog names are only unique per node
[[ "$LOG_BIN" == 1 && -n "$BINLOG_BASE" ]] ||
  die "binary logging is off on $WHERE (log_bin): no point-in-time recovery is possible"
BINLOG_DIR="$(dirname "$BINLOG_BASE")"
BINLOG_NAME="$(basename "$BINLOG_BASE")"
CLUSTER_UUID=""
if [[ "$WSREP" == 1 ]]; then
  IFS=$'\t' read -r state CLUSTER_UUID <<<"$(sql "SELECT
    MAX(IF(variable_name = 'wsrep_local_state_comment', variable_value, NULL)),
    MAX(IF(variable_name = 'wsrep_cluster_state_uuid', variable_value, NULL))
    FROM information_schema.global_status
    WHERE variable_name IN ('wsrep_local_state_comment', 'wsrep_cluster_state_uuid')")"
  [[ "$state" == Synced ]] ||
    die "Galera node $NODE_NAME at $WHERE is '$state', not Synced: back up a Synced node"
fi
# mariadb-backup reads the data files and binlogs itself (the server runs as another user).
for path in "$DATADIR" "$DATADIR/ibdata1" "$DATADIR/mysql" "$BINLOG_DIR"; do
  if [[ ! -r "$path" ]] || { [[ -d "$path" ]] && [[ ! -x "$path" ]]; }; then
    die "$(id -un) cannot read $path (owned by $(stat -c %U "$path" 2>/dev/null || echo '?')):" \
      "run as root or as the server's user"
  fi
done

mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
# One backup.sh at a time per backup folder.
exec 9>"$DIR/.lock"
flock -w 900 9 || die "another ci/backup.sh holds $DIR/.lock"

# --- Binary logs ------------------------------------------------------------------------------
info_get() { awk -F= -v k="$2" '$1 == k { sub(/^[^=]*=/, ""); print; exit }' "$1/backup-info"; }
binlog_num() { local n="${1##*.}"; echo $(( 10#$n )); }

# archive_binlogs FOLDER START_FILE [noflush]: flushes the node's binary log (unless noflush) and
# copies every closed file from START_FILE on into FOLDER/binlogs (files there already must be
# identical). Sets ARCHIVED_LAST (the newest file archived).
ARCHIVED_LAST="" LAST_FLUSH=""
archive_binlogs() {
  local folder="$1" start="$2" start_n until names name n src dst last_n oldest_n copied=0
  mkdir -p "$folder/binlogs"
  start_n="$(binlog_num "$start")"
  # A node whose cluster was restored and bootstrapped anew has a new history (new state UUID)
  # and binlogs that do not continue the archive's.
  if [[ -f "$folder/backup-info" && -n "$CLUSTER_UUID" ]]; then
    local was
    was="$(info_get "$folder" galera_uuid)"
    [[ -z "$was" || "$was" == "$CLUSTER_UUID" ]] || die "the cluster's history changed since" \
      "$folder (state $was, now $CLUSTER_UUID): take a new full backup"
  fi
  if [[ "${3:-}" == noflush ]]; then
    until="$LAST_FLUSH"
  else
    # Everything committed before this moment is in a closed file after the flush.
    until="$(date -u '+%Y-%m-%d %H:%M:%S')"
    sql "FLUSH NO_WRITE_TO_BINLOG BINARY LOGS" || die "FLUSH BINARY LOGS failed on $WHERE"
    LAST_FLUSH="$until"
  fi
  mapfile -t names < <(sql "SHOW BINARY LOGS" | cut -f1)
  (( ${#names[@]} >= 2 )) || die "SHOW BINARY LOGS lists no closed file on $WHERE"
  unset 'names[-1]'  # the file the server writes now
  oldest_n="$(binlog_num "${names[0]}")"
  last_n="$(binlog_num "${names[-1]}")"
  (( last_n >= start_n )) ||
    die "the node's binlogs end at ${names[-1]}, before $start: its binary log history was" \
      "replaced (e.g. by a state transfer); take a new full backup"
  if (( oldest_n > start_n )); then
    # Files between start and oldest must be in the archive already.
    for (( n = start_n; n < oldest_n; n++ )); do
      name="$(printf '%s.%06d' "$BINLOG_NAME" "$n")"
      [[ -f "$folder/binlogs/$name" ]] || die "binlog $name was purged from the node before it" \
        "was archived: take a new full backup (and archive binlogs more often than they expire)"
    done
  fi
  for name in "${names[@]}"; do
    [[ "$name" == "$BINLOG_NAME".* ]] || die "unexpected binlog name '$name'"
    n="$(binlog_num "$name")"
    (( n >= start_n )) || continue
    src="$BINLOG_DIR/$name"
    dst="$folder/binlogs/$name"
    [[ -r "$src" ]] || die "cannot read $src"
    if [[ -f "$dst" ]]; then
      cmp -s "$src" "$dst" || die "$dst differs from the node's $src: the node's binary log" \
        "history changed (e.g. a state transfer); take a new full backup"
      continue
    fi
    cp --preserve=timestamps "$src" "$dst.part"
    cmp -s "$src" "$dst.part" || die "copy of $src changed while copying"
    mv "$dst.part" "$dst"
    copied=$(( copied + 1 ))
  done
  ARCHIVED_LAST="$(printf '%s.%06d' "$BINLOG_NAME" "$last_n")"
  # Changes committed before this time (UTC) are in the archive.
  echo "$until" >"$folder/binlogs/ARCHIVED_UNTIL"
  log "archived $copied new binlog file(s) (complete up to $until UTC, last file $ARCHIVED_LAST)"
}

if [[ "$MODE" == binlogs ]]; then
  latest=""
  for f in "$DIR"/*/backup-info; do
    [[ -f "$f" ]] || continue
    [[ "$(info_get "$(dirname "$f")" node_id)" == "$NODE_ID" ]] && latest="$(dirname "$f")"
  done  # the glob sorts by name, i.e. by time: the last match is the newest
  [[ -n "$latest" ]] || die "no backup of node $NODE_ID in $DIR: take a full backup first"
  archive_binlogs "$latest" "$(info_get "$latest" binlog_file)"
  echo "backup=$latest"
  echo "binlogs=$(info_get "$latest" binlog_file)..$ARCHIVED_LAST"
  exit 0
fi

# --- Full backup --------------------------------------------------------------------------------
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
while [[ -e "$DIR/$STAMP" ]]; do sleep 1; STAMP="$(date -u +%Y%m%dT%H%M%SZ)"; done
WORK="$DIR/.$STAMP.partial"
rm -rf "$WORK"
mkdir -p "$WORK"
fail() {
  local rc=$?
  if (( rc != 0 )) && [[ -d "$WORK" ]]; then
    cat "$WORK"/*.log >"$DIR/$STAMP.failed.log" 2>/dev/null || true
    rm -rf "$WORK"
    log "backup failed; mariadb-backup's output is in $DIR/$STAMP.failed.log"
  fi
}
trap fail EXIT

log "backing up node ${NODE_NAME:-?} ($WHERE, data $DATADIR) into $DIR/$STAMP"
started="$(date -u '+%Y-%m-%d %H:%M:%S')"
galera=()
[[ "$WSREP" == 1 ]] && galera=(--galera-info)
# TZ=UTC: its log's times (read below) are UTC.
if ! TZ=UTC mariadb-backup --no-defaults --backup "${galera[@]}" --target-dir="$WORK/base" \
    --datadir="$DATADIR" --user="$DB_USER" "${CONN[@]}" >"$WORK/backup.log" 2>&1; then
  tail -20 "$WORK/backup.log" >&2
  die "mariadb-backup --backup failed"
fi
if ! TZ=UTC mariadb-backup --no-defaults --prepare --target-dir="$WORK/base" \
    >"$WORK/prepare.log" 2>&1; then
  tail -20 "$WORK/prepare.log" >&2
  die "mariadb-backup --prepare failed"
fi
grep -Eq '^backup_type = (full-prepared|log-applied)$' "$WORK/base/xtrabackup_checkpoints" ||
  die "the backup is not prepared (see $WORK/prepare.log)"

# The binlog position of the backup: taken under BACKUP STAGE BLOCK_COMMIT, when no transaction
# could commit, so the data hold exactly the transactions before it.
[[ -f "$WORK/base/xtrabackup_binlog_info" ]] || die "no xtrabackup_binlog_info in the backup"
BL_FILE="" BL_POS="" BL_GTID=""
read -r BL_FILE BL_POS BL_GTID <"$WORK/base/xtrabackup_binlog_info" || true
BL_FILE="$(basename "$BL_FILE")"
[[ "$BL_POS" =~ ^[0-9]+$ && "$BL_FILE" == "$BINLOG_NAME".* ]] ||
  die "unreadable binlog position '$BL_FILE' '$BL_POS'"
consistent_at="$(awk '/Writing xtrabackup_binlog_info/ { print $2, $3; exit }' "$WORK/backup.log")"
[[ "$consistent_at" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}\ [0-9:]{8}$ ]] ||
  consistent_at="$(date -u '+%Y-%m-%d %H:%M:%S')"
GALERA_POS=""
[[ -f "$WORK/base/xtrabackup_galera_info" ]] &&
  GALERA_POS="$(awk '{ print $1; exit }' "$WORK/base/xtrabackup_galera_info")"
# mariadb-backup copies the binlog file in use into the backup (for a state transfer); it is
# incomplete, and binlogs/ has the complete one.
find "$WORK/base" -maxdepth 1 -name "$BINLOG_NAME.[0-9]*" -delete

archive_binlogs "$WORK" "$BL_FILE"
# The previous backup of this node gets the binlogs up to here too, so that it can be restored
# to any time until this backup (not fatal: this backup is complete without it).
prev=""
for f in "$DIR"/*/backup-info; do
  [[ -f "$f" && "$(info_get "$(dirname "$f")" node_id)" == "$NODE_ID" ]] && prev="$(dirname "$f")"
done
if [[ -n "$prev" ]]; then
  ( archive_binlogs "$prev" "$(info_get "$prev" binlog_file)" noflush ) ||
    log "warning: could not top up the binlogs of the previous backup $prev"
fi

# Cross-check: InnoDB's own record of the last committed transaction's binlog position must lead
# to the same point (no transaction between the two positions).
if [[ -f "$WORK/base/xtrabackup_binlog_pos_innodb" ]]; then
  IB_FILE="" IB_POS=""
  read -r IB_FILE IB_POS <"$WORK/base/xtrabackup_binlog_pos_innodb" || true
  IB_FILE="$(basename "$IB_FILE")"
  if [[ "$IB_FILE" == "$BINLOG_NAME".* && "$IB_POS" =~ ^[0-9]+$ ]]; then
    ib_n="$(binlog_num "$IB_FILE")" bl_n="$(binlog_num "$BL_FILE")"
    if (( ib_n > bl_n || (ib_n == bl_n && IB_POS > BL_POS) )); then
      die "InnoDB's last committed transaction ends at $IB_FILE:$IB_POS, after the backup's" \
        "binlog position $BL_FILE:$BL_POS: the backup is not consistent"
    fi
    files=()
    for (( n = ib_n; n <= bl_n; n++ )); do
      name="$(printf '%s.%06d' "$BINLOG_NAME" "$n")"
      if [[ -f "$WORK/binlogs/$name" ]]; then files+=("$WORK/binlogs/$name")
      elif [[ -r "$BINLOG_DIR/$name" ]]; then files+=("$BINLOG_DIR/$name")
      else files=(); break; fi
    done
    if (( ib_n < bl_n || IB_POS < BL_POS )) && (( ${#files[@]} )); then
      between="$(mariadb-binlog --no-defaults --start-position="$IB_POS" \
        --stop-position="$BL_POS" "${files[@]}" 2>/dev/null |
        grep -c '^#[0-9]\{6\} .*[[:space:]]GTID [0-9]*-[0-9]*-[0-9]*' || true)"
      (( between == 0 )) || die "InnoDB's binlog position $IB_FILE:$IB_POS and the backup's" \
        "$BL_FILE:$BL_POS are $between transaction(s) apart: the backup is not consistent"
      log "checked: no transaction between InnoDB's binlog position $IB_FILE:$IB_POS and" \
        "the backup's $BL_FILE:$BL_POS"
    fi
  fi
fi

finished="$(date -u '+%Y-%m-%d %H:%M:%S')"
cat >"$WORK/backup-info" <<EOF
# Written by ci/backup.sh. Times are UTC.
node_id=$NODE_ID
node_name=$NODE_NAME
server_id=$SERVER_ID
port=$DB_PORT
datadir=$DATADIR
binlog_dir=$BINLOG_DIR
binlog_name=$BINLOG_NAME
binlog_file=$BL_FILE
binlog_pos=$BL_POS
binlog_gtid=$BL_GTID
galera_position=$GALERA_POS
galera_uuid=$CLUSTER_UUID
started=$started
consistent_at=$consistent_at
finished=$finished
EOF
mv "$WORK" "$DIR/$STAMP"
trap - EXIT
log "backup complete: $DIR/$STAMP (consistent at $consistent_at UTC," \
  "$(du -sh "$DIR/$STAMP" | cut -f1))"
echo "backup=$DIR/$STAMP"
echo "binlog=$BL_FILE:$BL_POS gtid=${BL_GTID:-} galera=${GALERA_POS:-}"
