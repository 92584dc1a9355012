// Storage of kudos and the monthly kudos budgets they draw on.
#ifndef CIM_SERVER_ENGAGEMENT_KUDOS_REPOSITORY_H_
#define CIM_SERVER_ENGAGEMENT_KUDOS_REPOSITORY_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cim/v1/engagement.pb.h"
#include "lib/decimal.h"

namespace cim {

// Kudos to store (see KudosRepository::GiveKudos).
struct NewKudos {
  int64_t giver_user_id = 0;
  // The budget the points come from: 0 for vendor staff, the giver's partner otherwise.
  int64_t budget_partner_id = 0;
  int64_t recipient_user_id = 0;
  int64_t recipient_partner_id = 0;
  std::string message;
  Decimal points;
  cim::v1::FeedVisibility visibility = cim::v1::FEED_VISIBILITY_PUBLIC;
  std::string request_id;  // empty: none
  // The feed entry's headline ("Sam gave kudos to Ana").
  std::string headline;
  absl::Time now;
};

class KudosRepository {
 public:
  virtual ~KudosRepository() = default;

  // In one transaction: checks the budget (RESOURCE_EXHAUSTED if the points exceed what is
  // left this month, or there is no budget), stores the kudos and its feed entry, posts the
  // points to the recipient's ledger with a KUDOS_RECEIVED outbox event. Returns the stored
  // kudos. A repeated (giver, request_id) returns the kudos stored for it (ALREADY_EXISTS if it
  // was for another recipient).
  virtual absl::StatusOr<cim::v1::Kudos> GiveKudos(const NewKudos& kudos) = 0;
  // A budget and its use in the month of `now` (monthly 0 if none was set).
  virtual absl::StatusOr<cim::v1::KudosBudget> GetKudosBudget(int64_t partner_id,
                                                              absl::Time now) = 0;
  // Sets (or creates) the monthly points of `partner_id`'s budget (0: vendor staff's). OK, or the
  // database's error.
  virtual absl::Status SetKudosBudget(int64_t partner_id, const Decimal& monthly_points) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_ENGAGEMENT_KUDOS_REPOSITORY_H_
