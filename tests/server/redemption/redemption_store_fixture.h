// The fixture the redemption store and domain tests share: the store world (partners Alpha and
// Bravo, vendor staff and partner users) with a catalog store and points to spend.
#ifndef CIM_TESTS_SERVER_REDEMPTION_REDEMPTION_STORE_FIXTURE_H_
#define CIM_TESTS_SERVER_REDEMPTION_REDEMPTION_STORE_FIXTURE_H_

#include <string>

#include "server/money/mysql_ledger_entries.h"
#include "server/redemption/mysql_redemption_repository.h"
#include "tests/testing/decimals.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/store_world.h"

namespace cim {

class RedemptionStoreTest : public StoreWorldTest {
 protected:
  // A stored item: `price` points, `stock` units (-1: unlimited).
  RewardItem Item(const std::string& name, const char* price, long long stock,
                  cim::v1::RewardItemKind kind = cim::v1::REWARD_ITEM_KIND_GIFT_CARD) {
    RewardItem item;
    item.set_name(name);
    item.set_kind(kind);
    item.set_points_price(price);
    item.set_unlimited_stock(stock < 0);
    item.set_stock(stock < 0 ? 0 : stock);
    absl::StatusOr<RewardItem> stored = store_.CreateItem(item, kVera, T0());
    EXPECT_TRUE(stored.ok()) << stored.status();
    return stored.value_or(RewardItem());
  }

  // Credits `user` of `partner` with `points` (a points reward).
  void GivePoints(int64_t partner, int64_t user, const char* points) {
    const absl::Status status = database_.db().Transact([&](soci::session& s) -> absl::Status {
      AppendLedgerEntries(s, {LedgerPosting{.partner_id = partner,
                                            .user_id = user,
                                            .account = cim::v1::LEDGER_ACCOUNT_POINTS,
                                            .kind = cim::v1::LEDGER_ENTRY_KIND_POINTS,
                                            .unit = kPointsUnit,
                                            .amount = testing::D(points),
                                            .basis = "test points",
                                            .created_by = kVera,
                                            .created_at = T0()}});
      return absl::OkStatus();
    });
    ASSERT_TRUE(status.ok()) << status;
  }

  Decimal PointsOf(int64_t user) {
    return *database_.db().Run(
        [&](soci::session& s) -> absl::StatusOr<Decimal> { return UserPointsBalance(s, user); });
  }

  MysqlRedemptionRepository store_{database_.db()};
};

}  // namespace cim

#endif  // CIM_TESTS_SERVER_REDEMPTION_REDEMPTION_STORE_FIXTURE_H_
