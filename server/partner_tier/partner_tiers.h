// Partner tiers for callers: who may read and change the ladder, partners' standing, and the
// evaluation run (on demand and daily). No gRPC, no SQL.
#ifndef CIM_SERVER_PARTNER_TIER_PARTNER_TIERS_H_
#define CIM_SERVER_PARTNER_TIER_PARTNER_TIERS_H_

#include "absl/status/statusor.h"
#include "cim/v1/tier_service.pb.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "server/claim/claim_repository.h"
#include "server/partner_tier/partner_tier_repository.h"
#include "server/program/program_repository.h"

namespace cim {

class PartnerTiers {
 public:
  // `programs` and `claims` tell what a demotion would cost in rebates.
  PartnerTiers(PartnerTierRepository& repository, ProgramRepository& programs,
               ClaimRepository& claims, const Clock& clock)
      : repository_(repository), programs_(programs), claims_(claims), clock_(clock) {}

  // Every RPC: PERMISSION_DENIED where the caller's role does not allow it, INVALID_ARGUMENT
  // with field violations for bad requests, NOT_FOUND for unknown (or another partner's) ids.
  absl::StatusOr<cim::v1::TierLadder> GetLadder(const Principal& caller);
  absl::StatusOr<cim::v1::TierLadder> SetLadder(const Principal& caller,
                                                const cim::v1::SetTierLadderRequest& request);
  absl::StatusOr<cim::v1::PartnerTierStatus> Status(
      const Principal& caller, const cim::v1::GetPartnerTierStatusRequest& request);
  // FAILED_PRECONDITION while the ladder is empty.
  absl::StatusOr<cim::v1::EvaluateTiersResponse> Evaluate(
      const Principal& caller, const cim::v1::EvaluateTiersRequest& request);
  absl::StatusOr<cim::v1::ListTierChangesResponse> ListChanges(
      const Principal& caller, const cim::v1::ListTierChangesRequest& request);

  // The daily evaluation: evaluates every active partner if no server has done so today
  // (UTC) and the ladder is not empty. Returns the changes made.
  absl::StatusOr<cim::v1::EvaluateTiersResponse> RunScheduled();

 private:
  // Evaluates `partner_id` (0: every active partner) at `now`; records changes unless
  // `dry_run`.
  absl::StatusOr<cim::v1::EvaluateTiersResponse> EvaluatePartners(
      int64_t partner_id, bool dry_run, cim::v1::TierChangeTrigger trigger, int64_t evaluated_by);
  // The partner `partner_id` names for the caller (0: their own).
  absl::StatusOr<int64_t> ReadablePartner(const Principal& caller, int64_t partner_id);
  // What dropping from tier code `from` to `to` costs `partner_id` in the rebate rules of its
  // enrolled active programs, on each program's current period's approved sales, by the rules
  // engine; program by program in id order.
  absl::StatusOr<std::vector<cim::v1::RebateAtRisk>> RebatesAtRisk(int64_t partner_id,
                                                                   const std::string& from,
                                                                   const std::string& to,
                                                                   absl::Time now);

  PartnerTierRepository& repository_;
  ProgramRepository& programs_;
  ClaimRepository& claims_;
  const Clock& clock_;
};

}  // namespace cim

#endif  // CIM_SERVER_PARTNER_TIER_PARTNER_TIERS_H_
