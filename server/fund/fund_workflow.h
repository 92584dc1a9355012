// MDF and co-op fund rules: balances, requests, pre-approval reserving the amount, and
// reimbursement no larger than the pre-approved amount or the fund balance.
// Pure C++ over the repositories; clock injected.
#ifndef CIM_SERVER_FUND_FUND_WORKFLOW_H_
#define CIM_SERVER_FUND_FUND_WORKFLOW_H_

#include "absl/status/statusor.h"
#include "cim/v1/fund_service.pb.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "server/claim/claim_repository.h"
#include "server/fund/fund_repository.h"
#include "server/identity/partner_repository.h"
#include "server/program/program_repository.h"

namespace cim {

enum class FundAction {
  kApprove,
  kReject,
  kCancel,
  kSubmitReimbursement,
  kApproveReimbursement,
  kRejectReimbursement,
};

// The status `action` leads to from `from`; FAILED_PRECONDITION naming both otherwise.
absl::StatusOr<cim::v1::FundRequestStatus> NextFundStatus(cim::v1::FundRequestStatus from,
                                                          FundAction action);

class FundWorkflow {
 public:
  FundWorkflow(FundRepository& funds, ProgramRepository& programs, ClaimRepository& claims,
               PartnerRepository& partners, const Clock& clock)
      : funds_(funds), programs_(programs), claims_(claims), partners_(partners), clock_(clock) {}

  // Partner roles: their partner's funds. Vendor roles and service accounts: any partner's.
  absl::StatusOr<cim::v1::ListFundsResponse> ListFunds(const Principal& caller,
                                                       const cim::v1::ListFundsRequest& request);
  // Partner roles for their partner; service accounts for a named one.
  absl::StatusOr<FundRequest> Create(const Principal& caller, const FundRequest& request);
  // NOT_FOUND for another partner's request (partner roles).
  absl::StatusOr<FundRequest> Get(const Principal& caller, int64_t id);
  absl::StatusOr<cim::v1::ListFundRequestsResponse> List(
      const Principal& caller, const cim::v1::ListFundRequestsRequest& request);
  // Approve, reject, approve or reject the reimbursement (reviewers, segregation of duties),
  // or cancel (the partner).
  absl::StatusOr<FundRequest> Decide(const Principal& caller,
                                     const cim::v1::DecideFundRequestRequest& request,
                                     FundAction action);
  // The partner submits the actual cost with proof of performance.
  absl::StatusOr<FundRequest> SubmitReimbursement(
      const Principal& caller, const cim::v1::SubmitReimbursementRequest& request);

 private:
  FundRepository& funds_;
  ProgramRepository& programs_;
  ClaimRepository& claims_;
  PartnerRepository& partners_;
  const Clock& clock_;
};

}  // namespace cim

#endif  // CIM_SERVER_FUND_FUND_WORKFLOW_H_
