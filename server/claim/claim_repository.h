// Storage of claims: submission (idempotent, with conflict detection), reads, and decisions
// applied in one transaction with their ledger postings, period totals and budget draw.
#ifndef CIM_SERVER_CLAIM_CLAIM_REPOSITORY_H_
#define CIM_SERVER_CLAIM_CLAIM_REPOSITORY_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "cim/v1/claim.pb.h"
#include "cim/v1/program.pb.h"
#include "lib/audit_scope.h"
#include "lib/dates.h"
#include "lib/decimal.h"
#include "server/money/ledger_repository.h"

namespace cim {

using cim::v1::Attachment;
using cim::v1::Claim;

// A validated claim to store.
struct NewClaim {
  // partner_id, submitted_by_user_id, line amounts and total_amount filled in.
  Claim claim;
  std::string idempotency_key;
  std::string request_hash;
  std::string invoice_key;
  std::string customer_key;
  absl::Time now;
  // For the stored claim Insert returns: the submitter's name (timeline) and the metadata of
  // claim.attachment_ids.
  std::string submitter_name;
  std::vector<Attachment> attachments;
  // Who the audit trail records as submitting it (the claims are stored in batches).
  std::optional<AuditActor> audit;
};

// The result of Insert: the claim's id, and whether an earlier submission with the same
// idempotency key created it (then `request_hash` is that submission's hash).
struct InsertOutcome {
  int64_t claim_id = 0;
  bool replayed = false;
  std::string request_hash;
  // A new claim as stored (what Get would return); none when replayed.
  std::optional<Claim> claim;
};

struct ClaimFilter {
  cim::v1::ClaimStatus status = cim::v1::CLAIM_STATUS_UNSPECIFIED;
  int64_t program_id = 0;
  int64_t partner_id = 0;
  bool flagged_only = false;
};

// A partner's totals for one rule and period (see reward_period_totals).
struct RuleTotals {
  Decimal volume;
  Decimal rebate_posted;
  bool lump_sum_posted = false;
};

// A change to one rule's period totals.
struct TotalsChange {
  std::string rule_id;
  absl::CivilDay period_start;
  Decimal volume;
  Decimal rebate;
  bool lump_sum_posted = false;
};

// What a decision does to a claim, computed inside the decision transaction.
struct ClaimDecision {
  cim::v1::ClaimStatus to = cim::v1::CLAIM_STATUS_UNSPECIFIED;
  std::string comment;
  // Record the actor as the claim's reviewer.
  bool assign_reviewer = false;
  // Resubmission: the claim's new content (same id, key and submitter).
  std::optional<NewClaim> replacement;
  std::vector<LedgerPosting> postings;
  std::vector<TotalsChange> totals;
  // Drawn from the claim's program budget; the decision fails with FAILED_PRECONDITION (and
  // nothing is written) if the budget cannot cover it.
  Decimal budget_draw;
};

// Reads inside the decision transaction.
class DecisionContext {
 public:
  virtual ~DecisionContext() = default;
  // The claim's partner's totals for each of `rule_ids` in the period starting
  // `period_start`, by rule id, locked until the transaction ends (zero totals where there are
  // none yet).
  virtual absl::StatusOr<absl::flat_hash_map<std::string, RuleTotals>> LockTotals(
      std::vector<std::string> rule_ids, absl::CivilDay period_start) = 0;
  // The claim's partner's approved or paid sales in program `program_id` (a growth rule's
  // baseline program: the claim's own or last year's) with an invoice date in `range`, of
  // `skus` (every SKU if empty).
  virtual absl::StatusOr<Decimal> ApprovedSales(int64_t program_id, const DateRange& range,
                                                const std::vector<std::string>& skus) = 0;
  // The claim's partner's tier code (Partner.tier) as the transaction reads it.
  virtual absl::StatusOr<std::string> PartnerTier() = 0;
};

// Computes the decision from the locked claim (its fields and lines; no attachments, flags,
// timeline or rewards) and its program.
using DecideFn = std::function<absl::StatusOr<ClaimDecision>(
    const Claim& claim, const cim::v1::Program& program, DecisionContext& context)>;

// Period totals a decision will lock: the claim's partner's, for these rules and period.
struct TotalsKey {
  std::vector<std::string> rule_ids;
  absl::CivilDay period_start;
};

// One decision on one claim, for DecideMany.
struct DecideJob {
  int64_t claim_id = 0;
  int64_t actor = 0;
  // Who the audit trail records as deciding (jobs are decided in batches).
  std::optional<AuditActor> audit;
  absl::Time now;
  DecideFn decide;
  // The totals `decide` will lock, where the claim and program tell (nullopt: none). DecideMany
  // locks those of every job with one query, and the budgets of their programs, before any
  // job is decided; anything else `decide` locks costs its own query.
  std::function<std::optional<TotalsKey>(const Claim&, const cim::v1::Program&)> totals;
};

class ClaimRepository {
 public:
  virtual ~ClaimRepository() = default;
  // The claim an earlier submission of `partner_id` with `idempotency_key` created (replayed),
  // or nullopt.
  virtual absl::StatusOr<std::optional<InsertOutcome>> Lookup(
      int64_t partner_id, const std::string& idempotency_key) = 0;
  // Stores each claim, as if one after the other, and returns one outcome per claim. For each:
  // stores the claim, its lines and its SUBMITTED event; attaches its attachments; flags a
  // channel conflict on it and on every live claim of another partner with the same invoice
  // and customer keys. If the partner already used the idempotency key, stores nothing and
  // returns that claim (replayed). ALREADY_EXISTS if the partner has a live claim with the same
  // invoice key; FAILED_PRECONDITION if an attachment is not the partner's or is already
  // attached. A claim that fails writes nothing; the others are stored (usually all in one
  // transaction).
  virtual std::vector<absl::StatusOr<InsertOutcome>> InsertMany(
      const std::vector<NewClaim>& claims) = 0;
  // The claim with lines, attachments, flags, timeline and rewards. NOT_FOUND if none.
  virtual absl::StatusOr<Claim> Get(int64_t id) = 0;
  // Up to `limit` claims matching `filter` with id < before_id (0: newest), newest first,
  // with their lines, without attachments, timeline and rewards.
  virtual absl::StatusOr<std::vector<Claim>> List(const ClaimFilter& filter, int64_t before_id,
                                                  int limit) = 0;
  // Up to `limit` status changes of any claim with event id > after_id, oldest first.
  // UNAVAILABLE if the database is.
  virtual absl::StatusOr<std::vector<cim::v1::ClaimEventNotice>> EventsAfter(int64_t after_id,
                                                                             int limit) = 0;
  // The id of the newest event of any claim (0 if none).
  virtual absl::StatusOr<int64_t> LastEventId() = 0;
  // Takes each job's decision, as if one after the other: locks the claim, calls `decide` and
  // applies its decision (status, reviewer, replacement, event by `actor` at `now`, ledger
  // postings, totals, budget draw). Each job sees the claims, totals, sales and budget as the
  // jobs before it left them. Returns one result per job: the stored claim, or the error of
  // `decide` (or of the budget draw), in which case that job writes nothing and the others go
  // ahead. Usually all in one transaction.
  virtual std::vector<absl::StatusOr<Claim>> DecideMany(const std::vector<DecideJob>& jobs) = 0;
  // A partner's totals per rule in one program period (no locks; for progress reports).
  virtual absl::StatusOr<absl::flat_hash_map<std::string, RuleTotals>> PeriodTotals(
      int64_t program_id, int64_t partner_id, absl::CivilDay period_start) = 0;
  // A partner's approved or paid sales in a program with an invoice date in `range`, of `skus`
  // (every SKU if empty).
  virtual absl::StatusOr<Decimal> ApprovedSales(int64_t program_id, int64_t partner_id,
                                                const DateRange& range,
                                                const std::vector<std::string>& skus) = 0;
  // Attachment metadata. NOT_FOUND if none.
  virtual absl::StatusOr<Attachment> GetAttachment(int64_t id) = 0;
  // Stores an attachment (for attachment.partner_id()) and its bytes, in chunks; returns it
  // with its id.
  virtual absl::StatusOr<Attachment> CreateAttachment(const Attachment& attachment,
                                                      const std::string& bytes) = 0;
  // Calls `sink` with each stored chunk of the attachment's bytes, in order; stops early when
  // `sink` returns false.
  virtual absl::Status ReadAttachment(int64_t id,
                                      const std::function<bool(const std::string&)>& sink) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_CLAIM_CLAIM_REPOSITORY_H_
