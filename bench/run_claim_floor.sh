#!/usr/bin/env bash
# The database floor under the claim benchmark's targets: the best claim submission and approval
# throughput that the database alone allows on this machine, each as a ratio to the claim
# benchmark's baseline (single-row autocommit INSERTs into a copy of `claims` from 16 sessions),
# measured in the same run on the same durable MariaDB.
#
# "Best" means the batch's SQL with nothing around it: one stored-procedure call per batch (one
# round trip, every statement multi-row), 8 claims per batch and 2 batches at a time (16 claims
# in flight, as with claim_bench's 16 clients; BATCH and SESSIONS change that), and no server, gRPC, validation, rules engine or
# response building. No implementation can beat these figures; adding the cost of a gRPC call
# (claim_bench's WhoAmI reference, R× the baseline) bounds what any can reach: 1 / (1/R + 1/F).
#
#   submission: the claim rows, the invoice locks, the channel-conflict search, 3 lines and the
#               SUBMITTED event per claim, commit;
#   approval:   the claims and lines locked, the program and budget slices locked, the period
#               totals locked, the status update, the event, 3 ledger entries per claim (rebate,
#               points, co-op), the totals and budget writes, commit; "with response" adds the
#               reads that return the approved claim (attachments, conflicts, timeline, rewards).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/ci/install-deps.sh"
DB_SERVER="$(CIM_DB_DIR="$ROOT/.cim/bench-db" CIM_DB_PORT=3409 "$ROOT/ci/db-start.sh")"
trap 'CIM_DB_DIR="$ROOT/.cim/bench-db" "$ROOT/ci/db-stop.sh"' EXIT
SOCK="${DB_SERVER##*unix_socket=}"
DB="cim_claim_floor_$$"
sql() { mariadb --no-defaults --socket="$SOCK" -uroot "$@"; }
sql -e "CREATE DATABASE $DB"
for migration in "$ROOT"/db/migrations/*.sql; do sql "$DB" <"$migration"; done

# Claims per batch and batches at a time: 16 claims in flight, as with claim_bench's clients.
BATCH="${BATCH:-8}"
SESSIONS="${SESSIONS:-$((16 / BATCH))}"
# "e0, e1, …" for i in 0..BATCH-1, with {i} in the template replaced by i.
each() {
  local out="" i
  for ((i = 0; i < BATCH; ++i)); do out+="${out:+, }${1//\{i\}/$i}"; done
  printf '%s' "$out"
}
IDS="$(each 'base + {i}')"
LINES=""
for ((i = 0; i < BATCH; ++i)); do
  for l in 0 1 2; do
    LINES+="${LINES:+, }(base + $i, $l, 'SKU-$l', $((l + 1)), 1234.50, $((l + 1)) * 1234.50)"
  done
done
ENTRIES=""
for ((i = 0; i < BATCH; ++i)); do
  for rule in "'rebate', 1, 1" "'points', 2, 6" "'coop', 3, 7"; do
    ENTRIES+="${ENTRIES:+, }(1, 1, 1, 1, ${rule%%,*}, base + $i, ${rule#*, }, 'EUR', 123.45,"
    ENTRIES+=" '2% of 6,172.50 eligible sales (tier from 0)', '2026-01-01', NULL, NULL, 1, NOW(), NULL)"
  done
done
SLICES="$(for s in $(seq 0 15); do printf '%s(1, %d, 100000000, %d)' "$([[ $s == 0 ]] || echo ', ')" "$s" "$s"; done)"
CONFLICT_SEARCH="$(each "SELECT {i}, c.id, c.partner_id, c.idempotency_key, p.name FROM claims c
  JOIN partners p ON p.id = c.partner_id WHERE c.invoice_key = CONCAT('inv', @k, '{i}')
  AND c.customer_key = 'customer{i}' AND c.status <> 4" | sed 's/, SELECT/ UNION ALL SELECT/g')"

# A sequence hands each approval batch its own claims (those the submissions stored).
APPROVE_LOCKS="DECLARE base BIGINT;
  INSERT INTO approval_batches VALUES ();
  SET base = (LAST_INSERT_ID() - 1) * $BATCH + 1;
  START TRANSACTION;
  SELECT c.id, c.program_id, c.partner_id, c.submitted_by, c.invoice_number, c.invoice_date,
    CAST(c.total_amount AS CHAR), c.status, c.version, c.created_at, c.updated_at, l.sku,
    l.quantity, CAST(l.unit_price AS CHAR), CAST(l.amount AS CHAR)
    FROM claims c LEFT JOIN claim_lines l ON l.claim_id = c.id WHERE c.id IN ($IDS)
    ORDER BY c.id, l.line_no FOR UPDATE;
  SELECT CAST(budget AS CHAR), currency_code FROM programs WHERE id = 1 LOCK IN SHARE MODE;
  SELECT slice, CAST(drawn AS CHAR) FROM program_budget_slices WHERE program_id = 1
    ORDER BY slice FOR UPDATE;
  SELECT rule_id, CAST(volume AS CHAR), CAST(rebate_posted AS CHAR), lump_sum_posted
    FROM reward_period_totals WHERE (program_id, partner_id, rule_id, period_start) IN
    ((1, 1, 'coop', '2026-01-01'), (1, 1, 'points', '2026-01-01'), (1, 1, 'rebate', '2026-01-01'))
    ORDER BY rule_id FOR UPDATE;
  UPDATE claims SET status = 3, reviewer_id = 1, updated_at = NOW(), version = version + 1
    WHERE id IN ($IDS);
  INSERT INTO claim_events (claim_id, from_status, to_status, actor_id, comment, created_at)
    VALUES $(each "(base + {i}, 1, 3, 1, '', NOW())");
  INSERT INTO ledger_entries (partner_id, user_id, program_id, rules_version, rule_id, claim_id,
    account, kind, unit, amount, basis, period_start, reverses_entry_id, statement_id,
    created_by, created_at, fund_request_id) VALUES $ENTRIES;
  INSERT INTO reward_period_totals (program_id, partner_id, rule_id, period_start, volume,
    rebate_posted, lump_sum_posted) VALUES (1, 1, 'coop', '2026-01-01', 9876, 0, 0),
    (1, 1, 'points', '2026-01-01', 9876, 0, 0), (1, 1, 'rebate', '2026-01-01', 9876, 197.52, 0)
    ON DUPLICATE KEY UPDATE volume = volume + VALUES(volume),
    rebate_posted = rebate_posted + VALUES(rebate_posted),
    lump_sum_posted = GREATEST(lump_sum_posted, VALUES(lump_sum_posted));
  INSERT INTO program_budget_slices (program_id, slice, cap, drawn) VALUES $SLICES
    ON DUPLICATE KEY UPDATE cap = VALUES(cap), drawn = VALUES(drawn);"
APPROVE_RESPONSE="SELECT id, claim_id, filename, content_type, size_bytes, sha256 FROM attachments
    WHERE claim_id IN ($IDS) ORDER BY id;
  SELECT claim_id, other_claim_id, reason FROM claim_conflicts WHERE claim_id IN ($IDS)
    ORDER BY claim_id, other_claim_id;
  SELECT e.claim_id, e.from_status, e.to_status, e.actor_id, u.display_name, e.comment,
    e.created_at FROM claim_events e JOIN users u ON u.id = e.actor_id
    WHERE e.claim_id IN ($IDS) ORDER BY e.id;
  SELECT id, partner_id, user_id, program_id, rules_version, rule_id, claim_id, account, kind,
    unit, CAST(amount AS CHAR), basis, period_start, created_by, created_at FROM ledger_entries
    WHERE claim_id IN ($IDS) ORDER BY id;"

sql "$DB" <<SQL
INSERT INTO partners (id, name, type, tier, region, status, created_at, updated_at)
  VALUES (1, 'Floor partner', 2, 'silver', 'EMEA-NL', 1, NOW(), NOW());
INSERT INTO users (id, email, display_name, role, status, partner_id, password_hash, created_at,
  updated_at) VALUES (1, 'rep@floor.example', 'Rep', 1, 1, 1, 'x', NOW(), NOW());
INSERT INTO programs (id, name, description, objectives, design_json, currency_code, budget,
  start_date, end_date, period, terms_version, rules_version, status, created_by, created_at,
  updated_at) VALUES (1, 'Floor', '', '', '{}', 'EUR', 1000000000, '2026-01-01', '2026-12-31', 2,
  1, 1, 2, 1, NOW(), NOW());
INSERT INTO program_budget_slices (program_id, slice, cap, drawn) VALUES $SLICES;
INSERT INTO reward_period_totals (program_id, partner_id, rule_id, period_start) VALUES
  (1, 1, 'coop', '2026-01-01'), (1, 1, 'points', '2026-01-01'), (1, 1, 'rebate', '2026-01-01');
CREATE TABLE bench_baseline LIKE claims;
CREATE TABLE approval_batches (id BIGINT AUTO_INCREMENT PRIMARY KEY);
DELIMITER //
CREATE PROCEDURE submit_batch()
BEGIN
  DECLARE base BIGINT;
  SET @n = IFNULL(@n, 0) + 1;
  SET @k = CONCAT(CONNECTION_ID(), '-', @n, '-');
  START TRANSACTION;
  INSERT INTO claims (program_id, partner_id, submitted_by, idempotency_key, request_hash,
    invoice_number, invoice_key, invoice_date, customer_name, customer_key, customer_country,
    currency_code, total_amount, notes, status, created_at, updated_at)
    VALUES $(each "(1, 1, 1, CONCAT(@k, '{i}'), REPEAT('a', 64), CONCAT('INV-', @k, '{i}'),
      CONCAT('inv', @k, '{i}'), '2026-02-15', 'Customer {i}', 'customer{i}', 'NL', 'EUR',
      7405.50, '', 1, NOW(), NOW())");
  SET base = LAST_INSERT_ID();
  INSERT INTO claim_invoice_locks (invoice_key, customer_key)
    VALUES $(each "(CONCAT('inv', @k, '{i}'), 'customer{i}')")
    ON DUPLICATE KEY UPDATE invoice_key = invoice_key;
  $CONFLICT_SEARCH;
  INSERT INTO claim_lines (claim_id, line_no, sku, quantity, unit_price, amount) VALUES $LINES;
  INSERT INTO claim_events (claim_id, from_status, to_status, actor_id, comment, created_at)
    VALUES $(each "(base + {i}, 0, 1, 1, '', NOW())");
  COMMIT;
END //
CREATE PROCEDURE approve_batch()
BEGIN
  $APPROVE_LOCKS
  COMMIT;
END //
CREATE PROCEDURE approve_batch_with_response()
BEGIN
  $APPROVE_LOCKS
  $APPROVE_RESPONSE
  COMMIT;
END //
DELIMITER ;
SQL

# Seconds mariadb-slap takes for `count` calls of `query` from `sessions` sessions.
seconds() {
  local sessions=$1 count=$2 query=$3
  mariadb-slap --no-defaults --socket="$SOCK" -uroot --create-schema="$DB" --iterations=1 \
    --concurrency="$sessions" --number-of-queries="$count" --query="$query" |
    sed -n 's/.*Average number of seconds to run all queries: \([0-9.]*\).*/\1/p'
}
# One line: mariadb-slap takes a query per line.
INSERT="INSERT INTO bench_baseline (program_id, partner_id, submitted_by, idempotency_key,"
INSERT+=" request_hash, invoice_number, invoice_key, invoice_date, customer_name, customer_key,"
INSERT+=" customer_country, currency_code, total_amount, notes, status, created_at, updated_at)"
INSERT+=" VALUES (1, 1, 1, UUID(), UUID(), UUID(), UUID(), '2026-02-15', 'Acme B.V.', 'acmebv',"
INSERT+=" 'NL', 'EUR', 1234.5, '', 1, NOW(), NOW())"
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

for round in 1 2 3; do
  baseline=$(rate 16000 "$(seconds 16 16000 "$INSERT")")
  # More claims submitted than approved, so every approval batch finds its claims.
  submit=$(rate $((700 * 8)) "$(seconds "$SESSIONS" $((700 * 8 / BATCH)) "CALL submit_batch()")")
  approve=$(rate $((300 * 8)) "$(seconds "$SESSIONS" $((300 * 8 / BATCH)) "CALL approve_batch()")")
  respond=$(rate $((300 * 8)) \
    "$(seconds "$SESSIONS" $((300 * 8 / BATCH)) "CALL approve_batch_with_response()")")
  echo "round $round: baseline single-row INSERT transactions concurrency=16: ${baseline}/s;" \
    "database floor (batches of $BATCH, $SESSIONS at a time, one call each):" \
    "submission ${submit}/s ($(ratio "$submit" "$baseline")x)," \
    "approval ${approve}/s ($(ratio "$approve" "$baseline")x)," \
    "approval with response ${respond}/s ($(ratio "$respond" "$baseline")x)"
done
sql -e "DROP DATABASE $DB"
