// The demo rewards catalog: gift cards, merchandise, a training voucher, event seats and a
// donation (one kept for platinum partners, some low on stock), priced for the points the demo's
// people earned, and orders of an Amstel rep, placed and handled through the same rules as in the
// portal.
#ifndef CIM_SERVER_DEMO_DEMO_REWARDS_H_
#define CIM_SERVER_DEMO_DEMO_REWARDS_H_

#include "absl/status/statusor.h"
#include "server/identity/user_repository.h"
#include "server/redemption/redemption.h"

namespace cim {

struct DemoRewardsSummary {
  int items = 0;
  int orders = 0;
};

// Loads the catalog (as `program_admin`) and the demo orders into a database holding the demo
// partners, programs and recognition (whose points the orders spend).
absl::StatusOr<DemoRewardsSummary> LoadDemoRewards(Redemption& redemption, UserRepository& users,
                                                   int64_t program_admin);

}  // namespace cim

#endif  // CIM_SERVER_DEMO_DEMO_REWARDS_H_
