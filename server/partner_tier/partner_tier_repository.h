// Storage of the tier ladder, partners' tier figures and tier changes.
#ifndef CIM_SERVER_PARTNER_TIER_PARTNER_TIER_REPOSITORY_H_
#define CIM_SERVER_PARTNER_TIER_PARTNER_TIER_REPOSITORY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "cim/v1/tier.pb.h"
#include "server/events/notification_event.h"
#include "server/partner_tier/partner_tier_rules.h"

namespace cim {

// A partner as tiers see it.
struct TierPartner {
  int64_t id = 0;
  std::string name;
  std::string tier;
};

// A change to record (see PartnerTierRepository::ApplyChange).
struct NewTierChange {
  int64_t partner_id = 0;
  std::string from_tier;
  std::string to_tier;
  bool promotion = false;
  std::string reason;
  cim::v1::TierChangeTrigger trigger = cim::v1::TIER_CHANGE_TRIGGER_UNSPECIFIED;
  int64_t evaluated_by = 0;
  absl::Time now;
};

class PartnerTierRepository {
 public:
  virtual ~PartnerTierRepository() = default;

  // The ladder, lowest tier first (ranks set); empty tiers when none was set.
  virtual absl::StatusOr<cim::v1::TierLadder> GetLadder() = 0;
  // Replaces the ladder with `ladder` (validated) updated at `now`.
  virtual absl::Status ReplaceLadder(const cim::v1::TierLadder& ladder, absl::Time now) = 0;

  // Up to `limit` active partners with id > after_id, by id.
  virtual absl::StatusOr<std::vector<TierPartner>> ActivePartners(int64_t after_id, int limit) = 0;
  // NOT_FOUND if none.
  virtual absl::StatusOr<TierPartner> GetPartner(int64_t id) = 0;
  // The figures of each partner in `partner_ids` at `now`: approved sales in `currency_code`
  // and points over the trailing 12 months, and its active users' unexpired certifications.
  virtual absl::StatusOr<absl::flat_hash_map<int64_t, TierFigures>> Figures(
      const std::vector<int64_t>& partner_ids, const std::string& currency_code,
      absl::Time now) = 0;

  // In one transaction: sets the partner's tier to `to_tier` if it is still `from_tier`
  // (ABORTED otherwise), records the change and writes a TIER_CHANGED outbox event.
  virtual absl::StatusOr<cim::v1::TierChange> ApplyChange(const NewTierChange& change) = 0;
  // Up to `limit` changes of one partner (0: all) with id < before_id (0: the newest),
  // newest first.
  virtual absl::StatusOr<std::vector<cim::v1::TierChange>> ListChanges(int64_t partner_id,
                                                                       int64_t before_id,
                                                                       int limit) = 0;
  // True if this call claimed `day` for the scheduled evaluation; false if some server did
  // already.
  virtual absl::StatusOr<bool> ClaimScheduledDay(absl::CivilDay day) = 0;
  // Undoes a claim of `day` (its evaluation failed), so it runs again.
  virtual absl::Status ReleaseScheduledDay(absl::CivilDay day) = 0;
  // Writes notification events (demotion warnings; one per dedupe key).
  virtual absl::Status Notify(const std::vector<NotificationEvent>& events) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_PARTNER_TIER_PARTNER_TIER_REPOSITORY_H_
