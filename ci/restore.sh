#!/usr/bin/env bash
# Restores a backup of ci/backup.sh into a FRESH standalone MariaDB (no Galera: wsrep off) in a
# folder of its own, and replays the backup's archived binary logs up to a point in time.
#
#   ci/restore.sh --backup <folder> --dir <new folder> --port <port>
#                 [--until "YYYY-MM-DD HH:MM:SS"] [--binlog-dir <folder>]...
#
# --backup   a folder D/<timestamp> written by ci/backup.sh (base/ prepared, binlogs/, backup-info)
# --dir      the new instance's folder; it must not exist or be empty. Same layout as ci/db-start.sh
#            (data/, mysqld.sock, mariadbd.pid, error.log), so `CIM_DB_DIR=<dir> ci/db-stop.sh`
#            stops it and `CIM_DB_DIR=<dir> CIM_DB_PORT=<port> ci/db-start.sh` starts it again.
# --port     its TCP port on 127.0.0.1
# --until    replay the transactions committed before this time, in UTC (the binlog's event times
#            are read in UTC: mariadb-binlog runs with TZ=UTC). Binlog times have whole seconds:
#            "12:00:05" keeps what committed up to 12:00:04.999 and drops what committed from
#            12:00:05 on. Without --until everything archived is replayed. It must be after the
#            backup's consistent point (backup-info: consistent_at).
# --binlog-dir  more binlog files of the same node, e.g. the binlogs/ of a newer backup of that
#            node or the node's live binlog folder (files present in several places must agree)
#
# Steps: `mariadb-backup --copy-back` into <dir>/data, start mariadbd as ci/db-start.sh does (plus
# --skip-slave-start and wsrep off), then `mariadb-binlog --start-position=<backup's position>
# [--stop-datetime=<until>] <the binlog files from the backup's file on, in sequence> | mariadb`.
# A replay error stops the restore (nothing is skipped). Prints the connection string prefix of the
# restored instance on the last line: `user=root unix_socket=<dir>/mysqld.sock`.
set -euo pipefail

log() { echo "ci/restore: $*" >&2; }
die() { log "$*"; exit 1; }

BACKUP="" UNTIL="" DB_DIR="" PORT=""
EXTRA_DIRS=()
while (( $# )); do
  case "$1" in
    --backup) BACKUP="${2:-}"; shift 2 || shift ;;
    --until) UNTIL="${2:-}"; shift 2 || shift ;;
    --dir) DB_DIR="${2:-}"; shift 2 || shift ;;
    --port) PORT="${2:-}"; shift 2 || shift ;;
    --binlog-dir) EXTRA_DIRS+=("${2:-}"); shift 2 || shift ;;
    -h|--help) sed -n '2,26p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see ci/restore.sh --help)" ;;
  esac
done
[[ -n "$BACKUP" && -n "$DB_DIR" && -n "$PORT" ]] || die "--backup, --dir and --port are required"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "--port takes a port number"
[[ -d "$BACKUP" ]] || die "no backup folder $BACKUP"
BACKUP="$(cd "$BACKUP" && pwd)"
[[ -f "$BACKUP/backup-info" && -f "$BACKUP/base/xtrabackup_checkpoints" ]] ||
  die "$BACKUP is not a backup of ci/backup.sh (no backup-info or base/)"
grep -Eq '^backup_type = (full-prepared|log-applied)$' "$BACKUP/base/xtrabackup_checkpoints" ||
  die "$BACKUP/base is not prepared (mariadb-backup --prepare)"
info_get() { awk -F= -v k="$1" '$1 == k { sub(/^[^=]*=/, ""); print; exit }' "$BACKUP/backup-info"; }
BL_NAME="$(info_get binlog_name)"
BL_FILE="$(info_get binlog_file)"
BL_POS="$(info_get binlog_pos)"
CONSISTENT_AT="$(info_get consistent_at)"
[[ -n "$BL_NAME" && "$BL_FILE" == "$BL_NAME".* && "$BL_POS" =~ ^[0-9]+$ ]] ||
  die "$BACKUP/backup-info has no binlog position"
TIME_RE='^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$'
if [[ -n "$UNTIL" ]]; then
  { [[ "$UNTIL" =~ $TIME_RE ]] && TZ=UTC date -d "$UNTIL" >/dev/null 2>&1; } ||
    die "--until takes \"YYYY-MM-DD HH:MM:SS\" (UTC), not '$UNTIL'"
  # The data are as of some instant within the second consistent_at: an earlier --until (or the
  # same second) cannot be reached from this backup.
  [[ "$UNTIL" > "$CONSISTENT_AT" ]] ||
    die "--until $UNTIL is not after the backup's consistent point $CONSISTENT_AT (UTC):" \
      "restore an older backup"
fi

# --- The binlog files to replay, in sequence --------------------------------------------------
binlog_num() { local n="${1##*.}"; echo $(( 10#$n )); }
declare -A FILE_OF=()
add_binlogs() { # add_binlogs DIR: the files of the backup's binlog name in DIR
  local dir="$1" f name have size_a size_b
  [[ -d "$dir" ]] || die "no binlog folder $dir"
  for f in "$dir/$BL_NAME".[0-9]*; do
    [[ -f "$f" ]] || continue
    name="$(basename "$f")"
    [[ "$name" =~ ^.+\.[0-9]+$ ]] || continue
    have="${FILE_OF[$name]:-}"
    if [[ -z "$have" ]]; then FILE_OF[$name]="$f"; continue; fi
    # The same file twice (e.g. archived and live): one must be a prefix of the other (a live
    # file grows); the longer one is used.
    size_a="$(stat -c %s "$have")" size_b="$(stat -c %s "$f")"
    if (( size_b > size_a )); then
      cmp -s -n "$size_a" "$have" "$f" || die "$have and $f differ: binlogs of different histories"
      FILE_OF[$name]="$f"
    else
      cmp -s -n "$size_b" "$have" "$f" || die "$have and $f differ: binlogs of different histories"
    fi
  done
}
add_binlogs "$BACKUP/binlogs"
for d in "${EXTRA_DIRS[@]}"; do add_binlogs "$d"; done
[[ -n "${FILE_OF[$BL_FILE]:-}" ]] ||
  die "the backup's binlog $BL_FILE is missing (in $BACKUP/binlogs and any --binlog-dir)"
start_n="$(binlog_num "$BL_FILE")"
mapfile -t nums < <(for name in "${!FILE_OF[@]}"; do binlog_num "$name"; done | sort -n)
FILES=()
expect="$start_n"
for n in "${nums[@]}"; do
  (( n < start_n )) && continue
  (( n == expect )) || die "binlog $(printf '%s.%06d' "$BL_NAME" "$expect") is missing: the" \
    "files after it cannot be replayed"
  FILES+=("${FILE_OF[$(printf '%s.%06d' "$BL_NAME" "$n")]}")
  expect=$(( n + 1 ))
done
ARCHIVED_UNTIL=""
[[ -f "$BACKUP/binlogs/ARCHIVED_UNTIL" ]] && ARCHIVED_UNTIL="$(cat "$BACKUP/binlogs/ARCHIVED_UNTIL")"
if [[ -n "$UNTIL" && -n "$ARCHIVED_UNTIL" && "$UNTIL" > "$ARCHIVED_UNTIL" && ${#EXTRA_DIRS[@]} == 0 ]]
then
  log "warning: the archived binlogs are complete only up to $ARCHIVED_UNTIL UTC, before --until" \
    "$UNTIL: later changes are missing unless they were archived (ci/backup.sh --binlogs-only)"
fi

# --- The new instance ---------------------------------------------------------------------------
mkdir -p "$DB_DIR"
DB_DIR="$(cd "$DB_DIR" && pwd)"
[[ -z "$(ls -A "$DB_DIR")" ]] || die "$DB_DIR is not empty: restore into a new folder"
SOCK="$DB_DIR/mysqld.sock"
# Unix socket paths are limited to 107 bytes (as ci/db-start.sh does).
if (( ${#SOCK} > 100 )); then
  SOCK="/tmp/cim-$(echo -n "$DB_DIR" | sha256sum | cut -c1-16)/mysqld.sock"
  mkdir -p "$(dirname "$SOCK")"
fi
if ss -Hltn "sport = :$PORT" 2>/dev/null | grep -q .; then die "port $PORT is in use"; fi
ping_db() { mariadb-admin --no-defaults --socket="$SOCK" -uroot ping >/dev/null 2>&1; }
ping_db && die "a server already answers on $SOCK"

log "copying $BACKUP/base into $DB_DIR/data"
mariadb-backup --no-defaults --copy-back --target-dir="$BACKUP/base" --datadir="$DB_DIR/data" \
  >"$DB_DIR/copy-back.log" 2>&1 || { tail -20 "$DB_DIR/copy-back.log" >&2; die "copy-back failed"; }
# Galera state-transfer leftovers mean nothing to a standalone server.
rm -f "$DB_DIR/data/donor_galera_info" "$DB_DIR/data/xtrabackup_galera_info_SST" \
  "$DB_DIR/data/grastate.dat" "$DB_DIR/data/gvwstate.dat"

FLUSH=1
[[ "${CIM_DB_FAST:-0}" == 1 ]] && FLUSH=2
log "starting a standalone MariaDB on $SOCK, 127.0.0.1:$PORT (wsrep off)"
# As ci/db-start.sh starts it, plus: no Galera, no replication threads, large packets (a replayed
# row event may be large).
nohup mariadbd --no-defaults --datadir="$DB_DIR/data" --socket="$SOCK" --port="$PORT" \
  --bind-address=127.0.0.1 --user=root --pid-file="$DB_DIR/mariadbd.pid" \
  --log-error="$DB_DIR/error.log" --skip-name-resolve --character-set-server=utf8mb4 \
  --collation-server=utf8mb4_unicode_ci --innodb-buffer-pool-size=256M \
  --innodb-flush-log-at-trx-commit="$FLUSH" --max-connections=500 \
  --transaction-isolation=READ-COMMITTED --wsrep-on=OFF --skip-slave-start \
  --max-allowed-packet=1G >/dev/null 2>&1 &
for _ in $(seq 1 600); do
  ping_db && break
  sleep 0.1
done
if ! ping_db; then
  tail -20 "$DB_DIR/error.log" >&2 || true
  die "the restored MariaDB did not start; see $DB_DIR/error.log"
fi
MYSQL=(mariadb --no-defaults --socket="$SOCK" -uroot)

# --- Replay ------------------------------------------------------------------------------------
log "replaying ${#FILES[@]} binlog file(s) from $BL_FILE:$BL_POS${UNTIL:+ until $UNTIL UTC}"
# Faster commits while replaying; a crash meanwhile means restoring again anyway.
"${MYSQL[@]}" -e "SET GLOBAL innodb_flush_log_at_trx_commit = 2"
stop=()
[[ -n "$UNTIL" ]] && stop=(--stop-datetime="$UNTIL")
# mariadb-binlog: the start position applies to the first file; the files are read as one
# stream; --stop-datetime stops at the first event at or after it (TZ=UTC: times are UTC). The
# output runs on a plain server: its GTID and server_id session settings are accepted as they
# are, row events do not fire triggers, and no wsrep setting is involved. The awk counts the
# transactions and keeps the last one's header for the summary.
summary="$DB_DIR/replay-summary.txt"
if ! TZ=UTC mariadb-binlog --no-defaults --start-position="$BL_POS" "${stop[@]}" "${FILES[@]}" \
    2>"$DB_DIR/replay.log" |
  awk -v out="$summary" '
    /^#[0-9]{6} +[0-9:]+ server id .*[[:space:]]GTID [0-9]+-[0-9]+-[0-9]+/ { n++; last = $0 }
    { print }
    END { printf "%d\n%s\n", n, last > out }' |
  "${MYSQL[@]}" --binary-mode --max-allowed-packet=1G 2>>"$DB_DIR/replay.log"; then
  tail -5 "$DB_DIR/replay.log" >&2
  die "the binlog replay failed (see $DB_DIR/replay.log); the instance runs, partly replayed"
fi
"${MYSQL[@]}" -e "SET GLOBAL innodb_flush_log_at_trx_commit = $FLUSH"
replayed="$(sed -n 1p "$summary")"
last="$(sed -n 2p "$summary")"
if [[ -n "$last" ]]; then
  # "#261206 19:58:27 server id 2  end_log_pos 463 CRC32 0x… 	GTID 0-2-3712 trans"
  last_time="$(awk '{ d = substr($1, 2); split($2, t, ":"); printf "20%s-%s-%s %02d:%s:%s",
    substr(d, 1, 2), substr(d, 3, 2), substr(d, 5, 2), t[1], t[2], t[3] }' <<<"$last")"
  last_gtid="$(grep -o 'GTID [0-9]*-[0-9]*-[0-9]*' <<<"$last" | cut -d' ' -f2)"
  log "replayed $replayed transaction(s); the last: GTID $last_gtid at $last_time UTC"
else
  log "replayed no transaction (nothing committed between the backup and ${UNTIL:-the end of the archive})"
fi
log "restored: the backup of $(info_get node_name) ($(info_get datadir)) consistent at" \
  "$CONSISTENT_AT UTC, rolled forward to ${UNTIL:+before }${UNTIL:-the end of the binlogs}"
[[ -z "$UNTIL" && -n "$ARCHIVED_UNTIL" && ${#EXTRA_DIRS[@]} == 0 ]] &&
  log "(the archive has every transaction committed before $ARCHIVED_UNTIL UTC)"
log "stop it with: CIM_DB_DIR=$DB_DIR ci/db-stop.sh"
echo "user=root unix_socket=$SOCK"
