#!/usr/bin/env bash
# Backup and point-in-time restore of the Galera cluster under load (ci/backup.sh, ci/restore.sh).
#
# A 3-node cluster of its own (.cim/backup-galera, SQL ports 3451-3453, gcomm 4871+) with the demo
# data, one cim-server and one cim-gateway. A partner rep submits claims through the gateway in a
# loop while a channel manager starts reviews and approves every other claim; every acknowledged
# claim is recorded with its idempotency key, the time its request was sent and the time the
# gateway acknowledged it. Meanwhile: an online backup of node 1; a few seconds later the
# submissions pause for a recovery point T, then go on; the load stops and the binlogs are topped
# up; the backup is restored into a fresh standalone MariaDB rolled forward to T. Checks on it:
#  (a) every claim acknowledged before T is there exactly once, every claim sent after T is not;
#  (b) cim-server --verify_audit accepts the audit trail;
#  (c) every running total equals its entries: budget slices against the ledger, period totals
#      against rebates and lump sums, statements against their lines, claims against their lines,
#      recognition tallies against the processed outbox events, approvals against their events.
#
# Why the cut is exact: binlog events carry whole seconds (the statement's start, on the same
# clock as this script) and `mariadb-binlog --stop-datetime=T` stops at the first event stamped T
# or later. T is a whole second chosen while submissions are paused: the last acknowledgement is
# at least 1 s before T and the next submission is sent at least 1.2 s after T. A claim
# acknowledged before T committed before T - 1, and so did everything before it in the binlog
# (binlog order is commit order): it is replayed. A claim sent after T + 1 has events stamped
# T + 1 or later: it is not. The margin also covers Galera's apply delay on the backed-up node.
# Approvals keep running across T: they must be all-or-nothing at the cut.
set -euo pipefail
export LC_ALL=C TZ=UTC

SRC="${CIM_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
BUILD="${CIM_BUILD_DIR:-$SRC/build/dev}"
SERVER="$BUILD/server/cim-server"
GATEWAY="$BUILD/portal-gateway/cim-gateway"
export CIM_GALERA_DIR="$SRC/.cim/backup-galera" CIM_GALERA_PORT_BASE=3451 \
  CIM_GALERA_GCOMM_BASE=4871 CIM_DB_FAST=1
WORK="$SRC/.cim/backup-restore-test"
RESTORE_PORT=3459
NODE1_PORT=3451
REP=rosa.larsen@amstel.example
MANAGER=channel.manager@vendor.example
PASSWORD=demo-password-2026

T0=$SECONDS
say() { printf '[%3ds] %s\n' $(( SECONDS - T0 )) "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

for bin in "$SERVER" "$GATEWAY"; do [[ -x "$bin" ]] || fail "$bin is not built"; done

PIDS=()  # processes this test started (load loops, server, gateway)
RESTORED_SOCK=""
stop_restored() {
  local pidf="$WORK/restored/mariadbd.pid" pid
  [[ -f "$pidf" ]] || return 0
  pid="$(cat "$pidf" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  # Only the mariadbd of the restored instance (its datadir is on the command line).
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "--datadir=$WORK/restored/data" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  set +e
  touch "$WORK/stop" 2>/dev/null
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  if (( rc != 0 )); then
    for f in server.log gateway.log submit-errors.txt approve-errors.txt backup.err binlogs.err \
             restore.err restored/replay.log verify.out; do
      [[ -s "$WORK/$f" ]] && { echo "---- $f (last lines)"; tail -15 "$WORK/$f"; } >&2
    done
  fi
  stop_restored
  "$SRC/ci/galera-stop.sh" --wipe >/dev/null 2>&1
  [[ "$RESTORED_SOCK" == /tmp/cim-*/mysqld.sock ]] && rm -rf "$(dirname "$RESTORED_SOCK")"
  rm -rf "$WORK"
  say "cleaned up (exit $rc)"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Leftovers of an earlier run that could not clean up.
stop_restored
"$SRC/ci/galera-stop.sh" --wipe >/dev/null 2>&1 || true
rm -rf "$WORK"
mkdir -p "$WORK"

say "starting the 3-node cluster"
NODES="$("$SRC/ci/galera-start.sh" 2>"$WORK/galera-start.log" | tail -n 1)" ||
  { tail -20 "$WORK/galera-start.log" >&2; fail "ci/galera-start.sh failed"; }
[[ "$NODES" == "user=root host=127.0.0.1:3451,127.0.0.1:3452,127.0.0.1:3453" ]] ||
  fail "unexpected cluster: $NODES"
gsql() { mariadb --no-defaults --protocol=TCP -h127.0.0.1 -P"$NODE1_PORT" -uroot -NB "$@"; }
gsql -e "CREATE DATABASE IF NOT EXISTS cim CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
DB="$NODES db=cim"

say "seeding the demo data"
"$SERVER" --db="$DB" --seed_demo --metrics_address= >"$WORK/seed.log" 2>&1 ||
  { tail -20 "$WORK/seed.log" >&2; fail "seeding failed"; }

say "starting cim-server and cim-gateway"
"$SERVER" --db="$DB" --listen=127.0.0.1:0 --migrate_on_start=false --metrics_address= \
  >"$WORK/server.log" 2>&1 &
PIDS+=($!)
GRPC_PORT=""
for _ in $(seq 1 300); do
  GRPC_PORT="$(grep -o 'listening on port [0-9]*' "$WORK/server.log" | awk '{ print $4 }')" || true
  [[ -n "$GRPC_PORT" ]] && break
  kill -0 "${PIDS[-1]}" 2>/dev/null || fail "cim-server exited"
  sleep 0.1
done
[[ -n "$GRPC_PORT" ]] || fail "cim-server did not start"
# No rate limits: every request of this test comes from 127.0.0.1.
"$GATEWAY" --backend="127.0.0.1:$GRPC_PORT" --port=0 --writes_per_second=0 --login_per_minute=0 \
  >"$WORK/gateway.log" 2>&1 &
PIDS+=($!)
HTTP_PORT=""
for _ in $(seq 1 300); do
  HTTP_PORT="$(grep -o 'listening on 127.0.0.1:[0-9]*' "$WORK/gateway.log" | cut -d: -f2)" || true
  [[ -n "$HTTP_PORT" ]] && curl -fs "http://127.0.0.1:$HTTP_PORT/readyz" >/dev/null 2>&1 && break
  kill -0 "${PIDS[-1]}" 2>/dev/null || fail "cim-gateway exited"
  sleep 0.1
done
[[ -n "$HTTP_PORT" ]] || fail "cim-gateway did not start"
GW="http://127.0.0.1:$HTTP_PORT"

login() {
  curl -fsS --max-time 20 -H 'content-type: application/json' \
    -d "$(jq -nc --arg e "$1" --arg p "$PASSWORD" '{email: $e, password: $p}')" \
    "$GW/v1/auth/login" | jq -er .token
}
REP_TOKEN="$(login "$REP")" || fail "login of $REP failed"
MANAGER_TOKEN="$(login "$MANAGER")" || fail "login of $MANAGER failed"

# A program the rep's partner is enrolled in that takes claims today (the one with the most
# budget left, so approvals do not run it dry), and its cheapest eligible product.
read -r PROGRAM CURRENCY SKU PRICE < <(gsql cim <"$SRC/ci/demo-claim-target.sql") || true
[[ -n "${PRICE:-}" ]] || fail "no claimable program and product for $REP in the demo data"
TODAY="$(date -u +%F)"
say "load: claims in program $PROGRAM for 1 x $SKU at $PRICE $CURRENCY through $GW"

# --- The load -----------------------------------------------------------------------------------
submit_loop() {
  local i=0 key body code sent ack id
  while [[ ! -f "$WORK/stop" ]]; do
    if [[ -f "$WORK/pause" ]]; then touch "$WORK/paused"; sleep 0.02; continue; fi
    i=$(( i + 1 ))
    key="bkrt-$$-$i-$RANDOM$RANDOM"
    body="$(jq -nc --arg k "$key" --arg p "$PROGRAM" --arg c "$CURRENCY" --arg s "$SKU" \
      --arg u "$PRICE" --arg d "$TODAY" --arg n "$i" '{idempotencyKey: $k, claim: {
        programId: $p, invoiceNumber: ("BKRT-" + $k), invoiceDate: $d,
        customerName: ("Restore Test Customer " + $n), customerCountry: "NL", currencyCode: $c,
        lines: [{sku: $s, quantity: "1", unitPrice: $u}], notes: "backup_restore_test"}}')"
    sent="$EPOCHREALTIME"
    code="$(curl -sS --max-time 30 -o "$WORK/submit.json" -w '%{http_code}' \
      -H "authorization: Bearer $REP_TOKEN" -H 'content-type: application/json' \
      -d "$body" "$GW/v1/claims" 2>>"$WORK/submit-errors.txt")" || code=000
    ack="$EPOCHREALTIME"
    if [[ "$code" == 200 ]] && id="$(jq -er .id "$WORK/submit.json")"; then
      echo "$key $sent $ack $id" >>"$WORK/acks.txt"
    else
      echo "$key $sent $ack HTTP $code $(head -c 300 "$WORK/submit.json" 2>/dev/null)" \
        >>"$WORK/submit-errors.txt"
    fi
  done
}
approve_loop() {  # starts the review of every other acknowledged claim and approves it
  local n=0 line id code step t sent
  while [[ ! -f "$WORK/stop" ]]; do
    line="$(sed -n "$(( n + 1 ))p" "$WORK/acks.txt" 2>/dev/null)"
    if [[ -z "$line" ]]; then sleep 0.05; continue; fi
    n=$(( n + 1 ))
    (( n % 2 == 0 )) || continue
    id="${line##* }"
    sent="$EPOCHREALTIME"
    for step in startReview approve; do
      code="$(curl -sS --max-time 30 -o "$WORK/approve.json" -w '%{http_code}' \
        -H "authorization: Bearer $MANAGER_TOKEN" -H 'content-type: application/json' -d '{}' \
        "$GW/v1/claims/$id:$step" 2>>"$WORK/approve-errors.txt")" || code=000
      t="$EPOCHREALTIME"
      if [[ "$code" != 200 ]]; then
        echo "$id $step $t HTTP $code $(head -c 300 "$WORK/approve.json")" >>"$WORK/approve-errors.txt"
        break
      fi
      # The claim, when its review was requested and when its approval was acknowledged.
      [[ "$step" == approve ]] && echo "$id $sent $t" >>"$WORK/approvals.txt"
    done
  done
}
touch "$WORK/acks.txt" "$WORK/approvals.txt" "$WORK/submit-errors.txt" "$WORK/approve-errors.txt"
submit_loop &
PIDS+=($!)
approve_loop &
PIDS+=($!)
acks() { wc -l <"$WORK/acks.txt"; }
approvals() { wc -l <"$WORK/approvals.txt"; }

sleep 4
(( $(acks) > 0 )) || fail "no claim was acknowledged in 4 s (see $WORK/submit-errors.txt)"
say "taking an online backup of node 1 under load ($(acks) claims, $(approvals) approvals so far)"
"$SRC/ci/backup.sh" --node-port "$NODE1_PORT" --dir "$WORK/backups" >"$WORK/backup.out" \
  2>"$WORK/backup.err" || fail "ci/backup.sh failed"
sed 's/^/  /' "$WORK/backup.err"
BACKUP="$(sed -n 's/^backup=//p' "$WORK/backup.out")"
say "backup: $BACKUP, $(sed -n 's/^binlog=//p' "$WORK/backup.out")"
CONSISTENT_AT="$(sed -n 's/^consistent_at=//p' "$BACKUP/backup-info")"
[[ -n "$CONSISTENT_AT" ]] || fail "no consistent_at in $BACKUP/backup-info"

sleep 3
# The recovery point: pause submissions, take T at least 1 s after the last acknowledgement,
# resume at least 1.2 s after T.
touch "$WORK/pause"
for _ in $(seq 1 1500); do [[ -f "$WORK/paused" ]] && break; sleep 0.02; done
[[ -f "$WORK/paused" ]] || fail "the submitter did not pause"
now="$EPOCHREALTIME"
T_EPOCH=$(( ${now%.*} + 2 ))
T="$(date -u -d "@$T_EPOCH" '+%Y-%m-%d %H:%M:%S')"
while (( ${EPOCHREALTIME/./} < (T_EPOCH * 1000000 + 1200000) )); do sleep 0.05; done
rm -f "$WORK/pause"
rm -f "$WORK/paused"
say "recovery point T = $T UTC ($(acks) claims acknowledged before it)"
sleep 4
touch "$WORK/stop"
for pid in "${PIDS[@]:2}"; do wait "$pid" || true; done
PIDS=("${PIDS[@]:0:2}")
say "load stopped: $(acks) claims acknowledged, $(approvals) approved; errors:" \
  "$(grep -c . "$WORK/submit-errors.txt" || true) submitting," \
  "$(grep -c . "$WORK/approve-errors.txt" || true) reviewing"
[[ -s "$WORK/submit-errors.txt" ]] && fail "submissions failed: $(head -3 "$WORK/submit-errors.txt")"

"$SRC/ci/backup.sh" --binlogs-only --node-port "$NODE1_PORT" --dir "$WORK/backups" \
  >"$WORK/binlogs.out" 2>"$WORK/binlogs.err" || fail "ci/backup.sh --binlogs-only failed"
say "binlogs archived: $(sed -n 's/^binlogs=//p' "$WORK/binlogs.out")"

say "restoring into a fresh standalone instance until $T UTC"
"$SRC/ci/restore.sh" --backup "$BACKUP" --until "$T" --dir "$WORK/restored" \
  --port "$RESTORE_PORT" >"$WORK/restore.out" 2>"$WORK/restore.err" || fail "ci/restore.sh failed"
sed 's/^/  /' "$WORK/restore.err"
CONN="$(tail -n 1 "$WORK/restore.out")"
[[ "$CONN" == "user=root unix_socket="* ]] || fail "unexpected restore output: $CONN"
RESTORED_SOCK="${CONN#*unix_socket=}"
rsql() { mariadb --no-defaults --socket="$RESTORED_SOCK" -uroot -NB cim -e "$1"; }
[[ "$(rsql "SELECT @@wsrep_on, @@log_bin")" == $'0\t0' ]] ||
  fail "the restored instance is not a plain standalone server"

# --- (a) Point in time ---------------------------------------------------------------------------
say "(a) claims against the recovery point"
# Keys and their times: before T (acknowledged), after T (sent after it).
awk -v t="$T_EPOCH" -v cut="$(date -u -d "$CONSISTENT_AT" +%s)" -v out="$WORK" '
  { sent = $2 + 0; ack = $3 + 0
    if (ack < t - 1) { print $1 > (out "/before.txt"); if (sent > cut + 1) replayed++ }
    else if (sent > t + 1) print $1 > (out "/after.txt")
    else { print "claim " $1 " is within the margin of T: sent " $2 ", acknowledged " $3; bad++ } }
  END { print replayed + 0 > (out "/replayed-count.txt"); exit (bad > 0) }' "$WORK/acks.txt" ||
  fail "the recovery point is not clear of acknowledgements"
touch "$WORK/before.txt" "$WORK/after.txt"
n_before="$(wc -l <"$WORK/before.txt")"
n_after="$(wc -l <"$WORK/after.txt")"
n_replayed="$(cat "$WORK/replayed-count.txt")"
(( n_before > 0 && n_after > 0 )) || fail "need claims before and after T ($n_before, $n_after)"
(( n_replayed > 0 )) ||
  fail "no claim was sent after the backup's consistent point and acknowledged before T"
rsql "SELECT idempotency_key, COUNT(*) FROM claims WHERE idempotency_key LIKE 'bkrt-%'
      GROUP BY idempotency_key" >"$WORK/restored-keys.txt"
awk -v out="$WORK" '
  FILENAME ~ /restored-keys/ { count[$1] = $2; next }
  FILENAME ~ /before/ { seen[$1] = 1; if (count[$1] != 1) { print "before T, expected once: " $1 " x" count[$1] + 0; bad++ } next }
  FILENAME ~ /after/ { seen[$1] = 1; if ($1 in count) { print "after T, expected absent: " $1; bad++ } next }
  END { for (k in count) if (!(k in seen)) { print "restored, never acknowledged: " k; bad++ }
        exit (bad > 0) }' "$WORK/restored-keys.txt" "$WORK/before.txt" "$WORK/after.txt" ||
  fail "(a) the restored claims do not match the recovery point"
say "(a) ok: $n_before claims acknowledged before T present once ($n_replayed of them only" \
  "through the binlog replay), $n_after sent after T absent"
# Approvals ran on across T: those acknowledged before T - 1 are in, those whose review was
# requested after T + 1 are not (the claim is still SUBMITTED); the ones in between may be
# either, but all-or-nothing (checked in (c)).
rsql "SELECT id, status FROM claims WHERE idempotency_key LIKE 'bkrt-%'" >"$WORK/restored-status.txt"
awk -v t="$T_EPOCH" -v out="$WORK/approval-counts.txt" '
  FILENAME ~ /restored-status/ { status[$1] = $2; next }
  $3 + 0 < t - 1 { before++; if (status[$1] != 3) { print "approved before T, restored as " status[$1] ": claim " $1; bad++ } }
  $2 + 0 > t + 1 { after++; if (($1 in status) && status[$1] != 1) { print "reviewed after T, restored as " status[$1] ": claim " $1; bad++ } }
  END { print before + 0, after + 0 > out; exit (bad > 0) }' \
  "$WORK/restored-status.txt" "$WORK/approvals.txt" || fail "(a) approvals do not match T"
read -r n_appr_before n_appr_after <"$WORK/approval-counts.txt"
(( n_appr_before > 0 && n_appr_after > 0 )) ||
  fail "(a) need approvals before and after T ($n_appr_before, $n_appr_after)"
say "(a) ok: $n_appr_before approvals acknowledged before T are in, $n_appr_after requested" \
  "after T are not"

# --- (b) Audit chain -------------------------------------------------------------------------------
say "(b) verifying the audit trail"
"$SERVER" --db="db=cim user=root unix_socket=$RESTORED_SOCK" --verify_audit \
  >"$WORK/verify.out" 2>&1 || fail "(b) --verify_audit failed: $(cat "$WORK/verify.out")"
unsealed="$(rsql "SELECT COUNT(*) FROM audit_log WHERE seq IS NULL")"
say "(b) ok: $(head -1 "$WORK/verify.out"); $unsealed record(s) not sealed yet at the cut"

# --- (c) Running totals against their entries ------------------------------------------------------
say "(c) running totals against their entries"
check() { # check NAME ROWS_SQL MISMATCH_SQL
  local rows bad
  rows="$(rsql "$2")"
  bad="$(rsql "$3")"
  [[ -z "$bad" ]] || fail "(c) $1 differ:"$'\n'"$(head -20 <<<"$bad")"
  say "    $1: $rows rows equal"
}
# Money rewards draw on the budget (every account but points), as do MDF allocations; reversals
# of payable rewards give back; reimbursements (fund → payable) and payouts do not draw.
check "program budgets (sum of slices' drawn) and their ledger draws" \
  "SELECT COUNT(DISTINCT program_id) FROM program_budget_slices" \
  "SELECT program_id, SUM(drawn), SUM(posted) FROM (
     SELECT program_id, drawn, 0 AS posted FROM program_budget_slices
     UNION ALL SELECT program_id, 0, amount FROM ledger_entries
       WHERE program_id IS NOT NULL AND account <> 2 AND kind NOT IN (9, 10)) x
   GROUP BY program_id HAVING SUM(drawn) <> SUM(posted)"
check "reward period totals' rebate_posted and the rebates posted" \
  "SELECT COUNT(*) FROM reward_period_totals" \
  "SELECT program_id, partner_id, rule_id, period_start, SUM(a), SUM(b) FROM (
     SELECT program_id, partner_id, rule_id, period_start, rebate_posted AS a, 0 AS b
       FROM reward_period_totals
     UNION ALL SELECT program_id, partner_id, rule_id, period_start, 0, amount FROM ledger_entries
       WHERE kind IN (1, 2)) x
   GROUP BY program_id, partner_id, rule_id, period_start HAVING SUM(a) <> SUM(b)"
check "reward period totals' lump_sum_posted and the bonus/growth entries" \
  "SELECT COUNT(*) FROM reward_period_totals" \
  "SELECT program_id, partner_id, rule_id, period_start, MAX(flag), MAX(posted) FROM (
     SELECT program_id, partner_id, rule_id, period_start, lump_sum_posted AS flag, 0 AS posted
       FROM reward_period_totals
     UNION ALL SELECT program_id, partner_id, rule_id, period_start, 0, 1 FROM ledger_entries
       WHERE kind IN (4, 5)) x
   GROUP BY program_id, partner_id, rule_id, period_start HAVING MAX(flag) <> MAX(posted)"
check "statements' total and entry_count and their lines" \
  "SELECT COUNT(*) FROM statements" \
  "SELECT s.id, s.total, s.entry_count, x.total, x.n FROM statements s
   LEFT JOIN (SELECT sl.statement_id, SUM(e.amount) AS total, COUNT(*) AS n
              FROM statement_lines sl JOIN ledger_entries e ON e.id = sl.entry_id
              GROUP BY sl.statement_id) x ON x.statement_id = s.id
   WHERE s.total <> IFNULL(x.total, 0) OR s.entry_count <> IFNULL(x.n, 0)"
check "claims' total_amount and their lines" \
  "SELECT COUNT(*) FROM claims" \
  "SELECT c.id, c.total_amount, SUM(l.amount) FROM claims c
   LEFT JOIN claim_lines l ON l.claim_id = c.id
   GROUP BY c.id, c.total_amount HAVING c.total_amount <> IFNULL(SUM(l.amount), 0)
     OR SUM(l.amount <> l.quantity * l.unit_price) > 0"
check "approved claims and their approval events (one each, none for others)" \
  "SELECT COUNT(*) FROM claims WHERE status IN (3, 6)" \
  "SELECT c.id, c.status, COUNT(o.id) FROM claims c
   LEFT JOIN outbox_events o ON o.claim_id = c.id AND o.kind = 1
   GROUP BY c.id, c.status HAVING COUNT(o.id) <> IF(c.status IN (3, 6), 1, 0)"
# The recognition processor tallies each processed outbox event once, in the same transaction
# that marks it processed: kind/currency rows count the events and sum their amounts (all but
# points reversals), 'points' rows (kind 0) sum their points.
check "recognition tallies and the processed outbox events" \
  "SELECT COUNT(*) FROM recognition_tallies" \
  "SELECT user_id, kind, unit, month, SUM(te), SUM(ta), SUM(oe), SUM(oa) FROM (
     SELECT user_id, kind, unit, month, events AS te, amount AS ta, 0 AS oe, 0 AS oa
       FROM recognition_tallies
     UNION ALL SELECT user_id, kind, currency_code, DATE_FORMAT(occurred_at, '%Y-%m-01'), 0, 0, 1,
       amount FROM outbox_events WHERE processed = 1 AND user_id <> 0 AND kind <> 2
     UNION ALL SELECT user_id, 0, 'points', DATE_FORMAT(occurred_at, '%Y-%m-01'), 0, 0, 0, points
       FROM outbox_events WHERE processed = 1 AND user_id <> 0 AND points <> 0) x
   GROUP BY user_id, kind, unit, month HAVING SUM(te) <> SUM(oe) OR SUM(ta) <> SUM(oa)"
approved_restored="$(rsql "SELECT COUNT(*) FROM claims WHERE idempotency_key LIKE 'bkrt-%'
  AND status IN (3, 6)")"
(( approved_restored > 0 )) || fail "(c) no approval of the load made it into the restore"
say "(c) ok ($approved_restored of the load's approvals in the restored data)"

say "PASS"
