// Storage of disputes: their threads and proof, the age clock, and the one transaction that
// changes a dispute (a message, a resolution with its adjustment entry and budget draw, a
// withdrawal). Also finds the subjects disputes name.
#ifndef CIM_SERVER_DISPUTE_DISPUTE_REPOSITORY_H_
#define CIM_SERVER_DISPUTE_DISPUTE_REPOSITORY_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cim/v1/dispute.pb.h"
#include "lib/decimal.h"
#include "server/money/ledger_repository.h"

namespace cim {

using cim::v1::Dispute;
using cim::v1::DisputeState;
using cim::v1::DisputeSubject;

// Whose a dispute's subject is.
struct SubjectOwner {
  int64_t partner_id = 0;
  // The ledger entry's user (rewards and statement lines; 0 for money entries), or the claim's
  // submitter.
  int64_t user_id = 0;
  // The subject's program (0 if none).
  int64_t program_id = 0;
};

// A message to add to a thread.
struct NewDisputeMessage {
  int64_t author_id = 0;
  bool from_vendor = false;
  std::string body;
  // Unused uploads of the dispute's partner.
  std::vector<int64_t> attachment_ids;
};

struct NewDispute {
  int64_t partner_id = 0;
  int64_t opened_by = 0;
  std::string idempotency_key;
  DisputeSubject subject;
  int64_t program_id = 0;
  NewDisputeMessage message;
};

// What one change does to a dispute.
struct DisputeChange {
  // The state after the change (the same state for a message).
  DisputeState to = cim::v1::DISPUTE_STATE_UNSPECIFIED;
  std::optional<NewDisputeMessage> message;
  // Set when resolving or withdrawing: the explanation, reason or the partner's reason.
  std::optional<std::string> resolution;
  // The adjustment entry to append, and what it draws from its program's budget (money).
  std::optional<LedgerPosting> adjustment;
  Decimal budget_draw;
};

using DisputeChangeFn = std::function<absl::StatusOr<DisputeChange>(const Dispute& current)>;

struct DisputeFilter {
  DisputeState state = cim::v1::DISPUTE_STATE_UNSPECIFIED;
  int64_t partner_id = 0;
  int64_t program_id = 0;
  // Only disputes this user opened (partner reps).
  int64_t opened_by = 0;
  // Oldest first (the vendor queue) instead of newest first.
  bool oldest_first = false;
};

class DisputeRepository {
 public:
  virtual ~DisputeRepository() = default;
  // Whose `subject` (a claim, a ledger entry, or a statement with one of its lines) is.
  // NOT_FOUND "<claim|ledger entry|statement line> <id> not found" if it does not exist;
  // INVALID_ARGUMENT for a MISSING_REWARD subject (it names a program, not a thing owned).
  virtual absl::StatusOr<SubjectOwner> FindSubject(const DisputeSubject& subject) = 0;
  // Stores an OPEN dispute with its first message and proof, opened at `now`. A key the user
  // already used returns that dispute as stored. FAILED_PRECONDITION if an attachment is not
  // an unused upload of the partner.
  virtual absl::StatusOr<Dispute> Open(const NewDispute& dispute, absl::Time now) = 0;
  // The dispute with its thread and adjustment entry. NOT_FOUND if none.
  virtual absl::StatusOr<Dispute> Get(int64_t id) = 0;
  // Up to `limit` disputes matching `filter` after `after_id` in the filter's order (0: from
  // the start), without threads.
  virtual absl::StatusOr<std::vector<Dispute>> List(const DisputeFilter& filter, int64_t after_id,
                                                    int limit) = 0;
  // In one transaction: locks the dispute, calls `change` with it as stored and applies what
  // it returns by `actor` at `now`: the message (a vendor's first sets first_reply_time), the
  // state with the resolution, the adjustment entry and its budget draw. Errors from `change`
  // write nothing; FAILED_PRECONDITION if the budget cannot cover the draw or an attachment is
  // not an unused upload of the partner; NOT_FOUND if there is no such dispute.
  virtual absl::StatusOr<Dispute> Change(int64_t id, int64_t actor, absl::Time now,
                                         const DisputeChangeFn& change) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_DISPUTE_DISPUTE_REPOSITORY_H_
