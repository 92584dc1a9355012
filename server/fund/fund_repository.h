// Storage of fund requests and the fund positions their decisions need.
#ifndef CIM_SERVER_FUND_FUND_REPOSITORY_H_
#define CIM_SERVER_FUND_FUND_REPOSITORY_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cim/v1/fund.pb.h"
#include "cim/v1/program.pb.h"
#include "lib/decimal.h"
#include "server/money/ledger_repository.h"

namespace cim {

using cim::v1::FundBalance;
using cim::v1::FundRequest;

// A partner's fund in one program, read under a lock inside a decision.
struct FundPosition {
  Decimal credited;
  Decimal debited;
  Decimal reserved;
  Decimal Available() const { return credited + debited - reserved; }
};

class FundContext {
 public:
  virtual ~FundContext() = default;
  // The request's partner's position in the request's fund, locked (with every other decision
  // on that partner's funds in the program) until the transaction ends.
  virtual absl::StatusOr<FundPosition> LockFund() = 0;
};

struct FundDecision {
  cim::v1::FundRequestStatus to = cim::v1::FUND_REQUEST_STATUS_UNSPECIFIED;
  std::string comment;
  std::optional<Decimal> approved_amount;
  std::optional<Decimal> actual_cost;
  std::optional<Decimal> reimbursed_amount;
  std::optional<std::string> proof_notes;
  // Attachments (of the request's partner, unattached) to attach as proof.
  std::vector<int64_t> proof;
  std::vector<LedgerPosting> postings;
};

using FundDecideFn = std::function<absl::StatusOr<FundDecision>(
    const FundRequest& request, const cim::v1::Program& program, FundContext& context)>;

struct FundRequestFilter {
  cim::v1::FundRequestStatus status = cim::v1::FUND_REQUEST_STATUS_UNSPECIFIED;
  int64_t program_id = 0;
  int64_t partner_id = 0;
};

class FundRepository {
 public:
  virtual ~FundRepository() = default;
  // Stores a SUBMITTED request by `actor` with its first event.
  virtual absl::StatusOr<FundRequest> Create(const FundRequest& request, int64_t actor,
                                             absl::Time now) = 0;
  // The request with proof, timeline and ledger entries. NOT_FOUND if none.
  virtual absl::StatusOr<FundRequest> Get(int64_t id) = 0;
  // Newest first, id < before_id (0: from the newest); without proof, timeline and entries.
  virtual absl::StatusOr<std::vector<FundRequest>> List(const FundRequestFilter& filter,
                                                        int64_t before_id, int limit) = 0;
  // In one transaction: locks the request, calls `decide` and applies its decision with an
  // event by `actor` at `now`. FAILED_PRECONDITION if a proof attachment is not the partner's
  // or is already used. Errors from `decide` are returned as they are, writing nothing.
  virtual absl::StatusOr<FundRequest> Decide(int64_t id, int64_t actor, absl::Time now,
                                             const FundDecideFn& decide) = 0;
  // The co-op and MDF funds of `partner_id` (in `program_id`, or every program if 0).
  virtual absl::StatusOr<std::vector<FundBalance>> Balances(int64_t partner_id,
                                                            int64_t program_id) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_FUND_FUND_REPOSITORY_H_
