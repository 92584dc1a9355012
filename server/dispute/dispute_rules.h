// Dispute rules: what a subject must name, which state each action leads to, the adjustment
// entry a resolution posts (rounded by the house's one rule, explained in its basis) and the
// age clock. Pure C++: no gRPC, no SQL.
#ifndef CIM_SERVER_DISPUTE_DISPUTE_RULES_H_
#define CIM_SERVER_DISPUTE_DISPUTE_RULES_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cim/v1/dispute.pb.h"
#include "cim/v1/dispute_service.pb.h"
#include "cim/v1/program.pb.h"
#include "lib/status_util.h"
#include "server/money/ledger_repository.h"

namespace cim {

using cim::v1::Dispute;
using cim::v1::DisputeState;
using cim::v1::DisputeSubject;

// Proof files a dispute message may carry.
inline constexpr int kMaxDisputeAttachments = 10;

enum class DisputeAction { kPostMessage, kAdjust, kRefuse, kWithdraw };

// Adds a violation under `field` ("subject") for each thing `subject` lacks or should not
// name: CLAIM needs claim_id; REWARD entry_id; MISSING_REWARD program_id and `expected` (1 to
// 500 characters); STATEMENT_LINE statement_id and entry_id.
void ValidateSubject(const DisputeSubject& subject, const std::string& field, FieldErrors& errors);

// The state `action` leads to from `from` (kPostMessage keeps it). FAILED_PRECONDITION naming
// both when the dispute is no longer open.
absl::StatusOr<DisputeState> NextDisputeState(DisputeState from, DisputeAction action);

// The adjustment entry resolving `dispute` as `adjustment` asks, in `program`: PAYABLE money in
// the program's currency or POINTS, for the partner and the user who opened it (as a claim's
// rewards are its submitter's, so a rep sees it on their own ledger), the amount
// rounded half away from zero to the currency's minor units (whole points), its basis
// "Adjustment for dispute #<id>: <explanation>". INVALID_ARGUMENT with field violations
// ("adjustment.account", "adjustment.amount", "adjustment.explanation") otherwise, also when the
// amount rounds to zero.
absl::StatusOr<LedgerPosting> AdjustmentPosting(const Dispute& dispute,
                                                const cim::v1::DisputeAdjustment& adjustment,
                                                const cim::v1::Program& program, int64_t actor,
                                                absl::Time now);

// Seconds from the dispute's opening to its resolution, or to `now` while it is open (never
// negative).
int64_t AgeSeconds(const Dispute& dispute, absl::Time now);

// "OPEN", "ADJUSTED"... for messages.
std::string DisputeStateName(DisputeState state);

// NOT_FOUND for the line `entry_id` of statement `statement_id`, in the reader's words.
absl::Status StatementLineNotFound(int64_t statement_id, int64_t entry_id);

}  // namespace cim

#endif  // CIM_SERVER_DISPUTE_DISPUTE_RULES_H_
