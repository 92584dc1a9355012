// A partner's progress in a program, as the portal's progress bars show it: period sales per
// rule, rebate tiers (and the partner tier's uplift), bonus and growth targets, rewards earned,
// paid and pending (pending ones estimated by running the rules engine over the claims awaiting
// review, for the partner's tier today). Pure C++.
#ifndef CIM_SERVER_CLAIM_PARTNER_PROGRESS_H_
#define CIM_SERVER_CLAIM_PARTNER_PROGRESS_H_

#include "absl/status/statusor.h"
#include "cim/v1/program_service.pb.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "server/claim/claim_repository.h"
#include "server/identity/partner_repository.h"
#include "server/money/ledger_repository.h"
#include "server/program/program_directory.h"

namespace cim {

// Claims awaiting review that the pending estimate looks at, at most.
inline constexpr int kMaxPendingClaimsEstimated = 100;

class PartnerProgressReport {
 public:
  PartnerProgressReport(ProgramDirectory& programs, ClaimRepository& claims,
                        PartnerRepository& partners, LedgerRepository& ledger, const Clock& clock)
      : programs_(programs), claims_(claims), partners_(partners), ledger_(ledger), clock_(clock) {}

  // Partner roles: their own partner (partner_id 0 or theirs); vendor roles and service
  // accounts: any partner (partner_id required). NOT_FOUND for a program the caller may not
  // see.
  absl::StatusOr<cim::v1::PartnerProgress> Get(const Principal& caller,
                                               const cim::v1::GetPartnerProgressRequest& request);

 private:
  ProgramDirectory& programs_;
  ClaimRepository& claims_;
  PartnerRepository& partners_;
  LedgerRepository& ledger_;
  const Clock& clock_;
};

}  // namespace cim

#endif  // CIM_SERVER_CLAIM_PARTNER_PROGRESS_H_
