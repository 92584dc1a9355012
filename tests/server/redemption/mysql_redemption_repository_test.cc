// The catalog and order store against MariaDB: items read back exactly and update at a version;
// stock moves only within zero; an order debits its points with one explained entry, a retry
// with its key answers the same order, concurrent orders of one user never spend more than the
// balance and concurrent orders of many users never take more than the stock; cancelling gives
// points and stock back once; a batch of changes is all or nothing.
#include "server/redemption/mysql_redemption_repository.h"

#include <atomic>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/server/redemption/redemption_store_fixture.h"

namespace cim {
namespace {

using ::cim::testing::D;
using ::cim::testing::StatusIs;
using ::testing::HasSubstr;

class MysqlRedemptionRepositoryTest : public RedemptionStoreTest {
 protected:
  NewOrder Order(int64_t partner, int64_t user, int64_t item, int quantity,
                 const std::string& key) {
    return NewOrder{.partner_id = partner,
                    .user_id = user,
                    .item_id = item,
                    .quantity = quantity,
                    .idempotency_key = key,
                    .request_hash = absl::StrCat("hash-", item, "-", quantity),
                    .now = T0()};
  }
  // Plans as the rules do.
  static PlanFn Plan(int quantity) {
    return [quantity](const RewardItem& item, const OrderPosition& position) {
      return PlanOrder(item, quantity, position);
    };
  }
};

TEST_F(MysqlRedemptionRepositoryTest, ItemsReadBackAndUpdateAtTheirVersion) {
  RewardItem item;
  item.set_name("Noise-cancelling headphones");
  item.set_description("Over-ear, shipped in 5 days");
  item.set_kind(cim::v1::REWARD_ITEM_KIND_MERCHANDISE);
  item.set_points_price("18000");
  item.set_stock(4);
  item.set_per_user_limit(1);
  item.set_approval_points("15000");
  item.set_low_stock_threshold(5);
  item.mutable_availability()->add_tiers("gold");
  CIM_ASSERT_OK_AND_ASSIGN(const RewardItem stored, store_.CreateItem(item, kVera, T0()));
  EXPECT_EQ(stored.name(), "Noise-cancelling headphones");
  EXPECT_EQ(stored.points_price(), "18000");
  EXPECT_EQ(stored.approval_points(), "15000");
  EXPECT_EQ(stored.stock(), 4);
  EXPECT_TRUE(stored.low_stock());
  EXPECT_EQ(stored.status(), cim::v1::REWARD_ITEM_STATUS_ACTIVE);
  EXPECT_EQ(stored.availability().tiers(0), "gold");

  RewardItem change;
  change.set_id(stored.id());
  change.set_points_price("16500");
  change.clear_approval_points();
  CIM_ASSERT_OK_AND_ASSIGN(const RewardItem updated,
                           store_.UpdateItem(change, {"points_price", "approval_points"},
                                             std::stoll(stored.etag()), T0()));
  EXPECT_EQ(updated.points_price(), "16500");
  EXPECT_EQ(updated.approval_points(), "");
  EXPECT_EQ(updated.name(), "Noise-cancelling headphones");
  EXPECT_NE(updated.etag(), stored.etag());
  EXPECT_THAT(store_.UpdateItem(change, {"points_price"}, std::stoll(stored.etag()), T0()),
              StatusIs(absl::StatusCode::kAborted));
  change.set_id(999);
  EXPECT_THAT(store_.UpdateItem(change, {"points_price"}, std::nullopt, T0()),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(MysqlRedemptionRepositoryTest, StockMovesOnlyWithinZero) {
  const RewardItem item = Item("Event seat", "4000", 3, cim::v1::REWARD_ITEM_KIND_EVENT_SEAT);
  EXPECT_THAT(store_.AdjustStock(item.id(), -4, T0()),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "only 3 of \"Event seat\" in stock: cannot remove 4"));
  CIM_ASSERT_OK_AND_ASSIGN(const RewardItem restocked, store_.AdjustStock(item.id(), 7, T0()));
  EXPECT_EQ(restocked.stock(), 10);
  const RewardItem donation = Item("Donation", "500", -1, cim::v1::REWARD_ITEM_KIND_DONATION);
  EXPECT_THAT(store_.AdjustStock(donation.id(), 5, T0()),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("keeps no stock")));

  CIM_ASSERT_OK_AND_ASSIGN(std::vector<RewardItem> low,
                           store_.ListItems({.low_stock_only = true}, false, 0, 10));
  EXPECT_TRUE(low.empty());
  ASSERT_TRUE(store_.AdjustStock(item.id(), -10, T0()).ok());
  CIM_ASSERT_OK_AND_ASSIGN(low, store_.ListItems({.low_stock_only = true}, false, 0, 10));
  ASSERT_EQ(low.size(), 1u);
  EXPECT_EQ(low[0].id(), item.id());
}

TEST_F(MysqlRedemptionRepositoryTest, AnOrderDebitsItsPointsOnceWithAnEntryThatExplainsIt) {
  GivePoints(kAlpha, kRob, "6000");
  const RewardItem item = Item("Gift card €25", "2500", 5);
  CIM_ASSERT_OK_AND_ASSIGN(
      const PlaceOutcome placed,
      store_.PlaceOrder(Order(kAlpha, kRob, item.id(), 2, "order-key-1"), Plan(2)));
  EXPECT_FALSE(placed.replayed);
  const RedemptionOrder& order = placed.order;
  EXPECT_EQ(order.points_total(), "5000");
  EXPECT_EQ(order.status(), cim::v1::REDEMPTION_ORDER_STATUS_APPROVED);
  EXPECT_EQ(order.user_name(), "Rob");
  EXPECT_EQ(order.partner_name(), "Alpha");
  EXPECT_EQ(order.item_name(), "Gift card €25");
  ASSERT_NE(order.debit_entry_id(), 0);
  EXPECT_EQ(PointsOf(kRob), D("1000"));
  EXPECT_EQ(store_.GetItem(item.id())->stock(), 3);
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM ledger_entries WHERE redemption_order_id = ",
                               order.id(), " AND kind = 12 AND amount = -5000 AND basis = '",
                               RedemptionBasis(order.id(), 2, "Gift card €25", D("2500")), "'")),
            1);

  // The retry answers the same order and debits nothing more.
  CIM_ASSERT_OK_AND_ASSIGN(
      const PlaceOutcome again,
      store_.PlaceOrder(Order(kAlpha, kRob, item.id(), 2, "order-key-1"), Plan(2)));
  EXPECT_TRUE(again.replayed);
  EXPECT_EQ(again.order.id(), order.id());
  EXPECT_EQ(again.request_hash, absl::StrCat("hash-", item.id(), "-2"));
  EXPECT_EQ(PointsOf(kRob), D("1000"));
  // Keys are exact: another case is another order (refused by the balance here).
  EXPECT_THAT(store_.PlaceOrder(Order(kAlpha, kRob, item.id(), 1, "ORDER-KEY-1"), Plan(1)),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("1,500 points more")));
  EXPECT_EQ(store_.GetItem(item.id())->stock(), 3);
}

TEST_F(MysqlRedemptionRepositoryTest, ConcurrentOrdersOfOneUserNeverSpendMoreThanTheBalance) {
  GivePoints(kAlpha, kRob, "10000");
  const RewardItem item = Item("Voucher", "3000", -1, cim::v1::REWARD_ITEM_KIND_TRAINING_VOUCHER);
  std::atomic<int> placed{0}, refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      absl::StatusOr<PlaceOutcome> outcome = store_.PlaceOrder(
          Order(kAlpha, kRob, item.id(), 1, absl::StrCat("concurrent-", i)), Plan(1));
      if (outcome.ok()) {
        ++placed;
      } else if (absl::IsFailedPrecondition(outcome.status())) {
        ++refused;
      } else {
        ADD_FAILURE() << outcome.status();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(placed.load(), 3);
  EXPECT_EQ(refused.load(), 5);
  EXPECT_EQ(PointsOf(kRob), D("1000"));
}

TEST_F(MysqlRedemptionRepositoryTest, ConcurrentOrdersOfManyUsersNeverTakeMoreThanTheStock) {
  for (int64_t user : {kAnn, kRob, kHid}) GivePoints(kAlpha, user, "10000");
  GivePoints(kBravo, kBea, "10000");
  const RewardItem item =
      Item("Launch event seat", "1000", 5, cim::v1::REWARD_ITEM_KIND_EVENT_SEAT);
  const std::pair<int64_t, int64_t> buyers[] = {
      {kAlpha, kAnn}, {kAlpha, kRob}, {kAlpha, kHid}, {kBravo, kBea}};
  std::atomic<int> units{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      const auto [partner, user] = buyers[i % 4];
      absl::StatusOr<PlaceOutcome> outcome =
          store_.PlaceOrder(Order(partner, user, item.id(), 1, absl::StrCat("seat-", i)), Plan(1));
      if (outcome.ok()) ++units;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(units.load(), 5);
  EXPECT_EQ(store_.GetItem(item.id())->stock(), 0);
  EXPECT_EQ(Count("SELECT CAST(SUM(quantity) AS SIGNED) FROM redemption_orders"), 5);
}

TEST_F(MysqlRedemptionRepositoryTest, CancellingGivesPointsAndStockBackOnce) {
  GivePoints(kAlpha, kRob, "5000");
  const RewardItem item = Item("Gift card €25", "2500", 2);
  CIM_ASSERT_OK_AND_ASSIGN(
      const PlaceOutcome placed,
      store_.PlaceOrder(Order(kAlpha, kRob, item.id(), 1, "cancel-me-1"), Plan(1)));
  const auto cancel = [](size_t, const RedemptionOrder& o) -> absl::StatusOr<OrderChange> {
    CIM_ASSIGN_OR_RETURN(const RedemptionOrderStatus to,
                         NextOrderStatus(o.status(), OrderAction::kCancel));
    return OrderChange{.to = to, .note = "changed my mind", .reason = "changed my mind"};
  };
  CIM_ASSERT_OK_AND_ASSIGN(std::vector<RedemptionOrder> changed,
                           store_.ChangeOrders({placed.order.id()}, kRob, T0(), cancel, nullptr));
  const RedemptionOrder& cancelled = changed.front();
  EXPECT_EQ(cancelled.status(), cim::v1::REDEMPTION_ORDER_STATUS_CANCELLED);
  EXPECT_EQ(cancelled.reason(), "changed my mind");
  ASSERT_NE(cancelled.reversal_entry_id(), 0);
  ASSERT_EQ(cancelled.timeline_size(), 2);
  EXPECT_EQ(cancelled.timeline(1).status(), cim::v1::REDEMPTION_ORDER_STATUS_CANCELLED);
  EXPECT_EQ(cancelled.timeline(1).actor_name(), "Rob");
  EXPECT_EQ(PointsOf(kRob), D("5000"));
  EXPECT_EQ(store_.GetItem(item.id())->stock(), 2);
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM ledger_entries WHERE kind = 11 AND"
                               " reverses_entry_id = ",
                               cancelled.debit_entry_id(), " AND amount = 2500")),
            1);
  // A second cancel is refused by the rules and changes nothing.
  EXPECT_THAT(store_.ChangeOrders({placed.order.id()}, kRob, T0(), cancel, nullptr),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_EQ(PointsOf(kRob), D("5000"));
}

TEST_F(MysqlRedemptionRepositoryTest, ABatchOfChangesIsAllOrNothing) {
  GivePoints(kAlpha, kRob, "9000");
  const RewardItem item = Item("Gift card €25", "2500", -1);
  std::vector<int64_t> ids;
  for (const char* key : {"batch-key-1", "batch-key-2"}) {
    CIM_ASSERT_OK_AND_ASSIGN(const PlaceOutcome placed,
                             store_.PlaceOrder(Order(kAlpha, kRob, item.id(), 1, key), Plan(1)));
    ids.push_back(placed.order.id());
  }
  ids.push_back(9999);  // no such order
  ChangeError error;
  const auto fulfil = [](size_t i, const RedemptionOrder& o) -> absl::StatusOr<OrderChange> {
    CIM_ASSIGN_OR_RETURN(const RedemptionOrderStatus to,
                         NextOrderStatus(o.status(), OrderAction::kFulfil));
    return OrderChange{.to = to, .fulfilment_code = absl::StrCat("CODE-", i)};
  };
  EXPECT_THAT(store_.ChangeOrders(ids, kVera, T0(), fulfil, &error),
              StatusIs(absl::StatusCode::kNotFound, "order 9999 not found"));
  EXPECT_EQ(error.index, 2u);
  EXPECT_EQ(store_.GetOrder(ids[0])->status(), cim::v1::REDEMPTION_ORDER_STATUS_APPROVED);
  EXPECT_EQ(store_.GetOrder(ids[0])->fulfilment_code(), "");

  ids.pop_back();
  CIM_ASSERT_OK_AND_ASSIGN(std::vector<RedemptionOrder> done,
                           store_.ChangeOrders(ids, kVera, T0(), fulfil, &error));
  ASSERT_EQ(done.size(), 2u);
  EXPECT_EQ(done[1].status(), cim::v1::REDEMPTION_ORDER_STATUS_FULFILLED);
  EXPECT_EQ(done[1].fulfilment_code(), "CODE-1");
  CIM_ASSERT_OK_AND_ASSIGN(
      std::vector<RedemptionOrder> waiting,
      store_.ListOrders(
          {.status = cim::v1::REDEMPTION_ORDER_STATUS_FULFILLED, .oldest_first = true}, 0, 10));
  ASSERT_EQ(waiting.size(), 2u);
  EXPECT_EQ(waiting[0].id(), ids[0]);
}

}  // namespace
}  // namespace cim
