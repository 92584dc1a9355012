// The claim store's rows (claims with their lines, events, attachments, conflicts) as the
// claim store's files read and write them: shared by submissions (mysql_claim_repository.cc)
// and decisions (mysql_claim_decisions.cc). Only the claim store includes it.
#ifndef CIM_SERVER_CLAIM_MYSQL_CLAIM_ROWS_H_
#define CIM_SERVER_CLAIM_MYSQL_CLAIM_ROWS_H_

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "lib/audit_scope.h"
#include "lib/dates.h"
#include "lib/decimal.h"
#include "server/claim/claim_repository.h"
#include "server/db/table.h"

namespace cim {

// The select list ClaimFromRow reads (claims c).
inline constexpr char kClaimColumns[] =
    "c.id, c.program_id, c.partner_id, c.submitted_by, c.invoice_number,"
    " CAST(c.invoice_date AS CHAR) AS invoice_date, c.customer_name, c.customer_country,"
    " c.currency_code, CAST(c.total_amount AS CHAR) AS total_amount, c.notes, c.status,"
    " c.resubmitted, c.reviewer_id, c.created_at, c.updated_at, c.version,"
    " EXISTS(SELECT 1 FROM claim_conflicts k WHERE k.claim_id = c.id) AS in_conflict";

// The claim in a row selected with kClaimColumns (no lines or details).
Claim ClaimFromRow(const soci::row& row);

// The claims of `ids` that exist, with their lines (no attachments, conflict details, timeline
// or rewards), by id; locked until the transaction ends when `lock` (in id order, so that
// transactions locking several claims do not deadlock).
absl::flat_hash_map<int64_t, Claim> ReadClaimCores(soci::session& s, std::vector<int64_t> ids,
                                                   bool lock);

// A claim event's columns (claim_events e joined with users u), as ClaimEventFromRow reads them.
inline constexpr char kClaimEventColumns[] =
    "e.from_status, e.to_status, e.actor_id, u.display_name, e.comment, e.created_at";

// The event in a row with kClaimEventColumns.
void ClaimEventFromRow(const NamedRow& r, cim::v1::ClaimEvent* event);

// Adds to `claims` (as ReadClaimCores returns them) their attachments, conflict details,
// timelines and rewards.
void ReadClaimDetails(soci::session& s, absl::flat_hash_map<int64_t, Claim>& claims);

// The full claims of `ids` that exist: rows, lines, attachments, conflict details, timelines
// and rewards, by id.
absl::flat_hash_map<int64_t, Claim> ReadClaims(soci::session& s, const std::vector<int64_t>& ids);

// A claim event to store.
struct EventRow {
  int64_t claim_id;
  int from, to;
  int64_t actor;
  std::string comment;
  absl::Time at;
};

void InsertEvents(soci::session& s, const std::vector<EventRow>& events);

// Stores the lines of every claim (claim id → claim) in one statement.
void InsertLines(soci::session& s, const std::vector<std::pair<int64_t, const Claim*>>& claims);

// Attaches the claim's attachments: FAILED_PRECONDITION unless each is the partner's and not
// yet attached.
absl::Status Attach(soci::session& s, int64_t claim_id, const Claim& claim);

// A claim whose invoice and customer are checked against other partners' claims.
struct ConflictSubject {
  // 0 for a claim just inserted: RecordConflicts finds it by partner and idempotency key.
  int64_t claim_id = 0;
  int64_t partner_id = 0;
  std::string idempotency_key;
  std::string invoice_key, customer_key;
  std::string invoice_number, customer_name;
};

// Flags a channel conflict between each subject and every live claim of another partner with
// the same invoice and customer keys (other subjects included), and fills in the ids of
// subjects without one. Returns each subject's flag, if any.
std::vector<std::optional<cim::v1::ClaimFlagDetail>> RecordConflicts(
    soci::session& s, std::vector<ConflictSubject>& subjects);

// The partner's approved or paid sales in the program with an invoice date in `range`, of
// `skus` (all if empty).
absl::StatusOr<Decimal> SalesInRange(soci::session& s, int64_t program_id, int64_t partner_id,
                                     const DateRange& range, const std::vector<std::string>& skus);

// Tells the hooks that claim `id` is about to change (or was inserted) as `caller`'s change (a
// batch job's caller), else the current AuditScope's.
void NoteClaimChange(soci::session& s, int64_t id, const std::optional<AuditActor>& caller,
                     bool inserted);

}  // namespace cim

#endif  // CIM_SERVER_CLAIM_MYSQL_CLAIM_ROWS_H_
