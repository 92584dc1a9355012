// The catalog and redemption rules: which item fields are refused and why, what an order needs
// (stock, per-user limit, balance) and when it waits for approval, how order statuses move,
// what each action needs, and how a fulfilment CSV is read.
#include "server/redemption/redemption_rules.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/decimals.h"
#include "tests/testing/phrase_matchers.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::InEnglish;

using ::cim::testing::D;
using ::cim::testing::StatusIs;
using ::cim::testing::ViolatedFields;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

RewardItem GiftCard() {
  RewardItem item;
  item.set_name("Gift card €25");
  item.set_kind(cim::v1::REWARD_ITEM_KIND_GIFT_CARD);
  item.set_points_price("2500");
  item.set_stock(10);
  item.set_status(cim::v1::REWARD_ITEM_STATUS_ACTIVE);
  return item;
}

std::vector<std::string> Violations(const RewardItem& item,
                                    const std::vector<std::string>& fields = {},
                                    bool creating = true) {
  FieldErrors errors;
  ValidateRewardItem(item, fields, creating, errors);
  return ViolatedFields(errors.ToStatus());
}

TEST(ValidateRewardItemTest, NamesEachBadField) {
  EXPECT_THAT(Violations(GiftCard()), IsEmpty());
  struct Case {
    const char* what;
    void (*spoil)(RewardItem&);
    const char* field;
  };
  const Case cases[] = {
      {"no name", [](RewardItem& i) { i.set_name("  "); }, "item.name"},
      {"no kind", [](RewardItem& i) { i.clear_kind(); }, "item.kind"},
      {"fraction of a point", [](RewardItem& i) { i.set_points_price("12.5"); },
       "item.points_price"},
      {"free", [](RewardItem& i) { i.set_points_price("0"); }, "item.points_price"},
      {"negative stock", [](RewardItem& i) { i.set_stock(-1); }, "item.stock"},
      {"limit below zero", [](RewardItem& i) { i.set_per_user_limit(-1); }, "item.per_user_limit"},
      {"approval in fractions", [](RewardItem& i) { i.set_approval_points("10.5"); },
       "item.approval_points"},
      {"negative alert", [](RewardItem& i) { i.set_low_stock_threshold(-2); },
       "item.low_stock_threshold"},
      {"bad tier code", [](RewardItem& i) { i.mutable_availability()->add_tiers("Gold!"); },
       "item.availability.tiers[0]"},
  };
  for (const Case& c : cases) {
    RewardItem item = GiftCard();
    c.spoil(item);
    EXPECT_THAT(Violations(item), ElementsAre(c.field)) << c.what;
  }
}

TEST(ValidateRewardItemTest, AnUpdateChecksOnlyTheFieldsItNames) {
  RewardItem item;
  item.set_points_price("300");
  EXPECT_THAT(Violations(item, {"points_price"}, /*creating=*/false), IsEmpty());
  item.set_status(cim::v1::REWARD_ITEM_STATUS_UNSPECIFIED);
  EXPECT_THAT(Violations(item, {"status"}, /*creating=*/false), ElementsAre("item.status"));
  // Stock is not an update field: it moves by orders and adjustments.
  item.set_stock(-5);
  EXPECT_THAT(Violations(item, {"points_price"}, /*creating=*/false), IsEmpty());
}

TEST(PlanOrderTest, DebitsPriceTimesQuantityAndWaitsForApprovalFromTheThreshold) {
  RewardItem item = GiftCard();
  item.set_approval_points("5000");
  struct Case {
    int quantity;
    const char* balance;
    const char* total;
    RedemptionOrderStatus status;
  };
  const Case cases[] = {
      {1, "2500", "2500", cim::v1::REDEMPTION_ORDER_STATUS_APPROVED},
      {1, "9999", "2500", cim::v1::REDEMPTION_ORDER_STATUS_APPROVED},
      {2, "5000", "5000", cim::v1::REDEMPTION_ORDER_STATUS_PLACED},  // the threshold itself
      {3, "8000", "7500", cim::v1::REDEMPTION_ORDER_STATUS_PLACED},
  };
  for (const Case& c : cases) {
    absl::StatusOr<OrderPlan> plan = PlanOrder(item, c.quantity, {.balance = D(c.balance)});
    ASSERT_TRUE(plan.ok()) << plan.status();
    EXPECT_EQ(plan->points_each, D("2500"));
    EXPECT_EQ(plan->points_total, D(c.total)) << c.quantity;
    EXPECT_EQ(plan->status, c.status) << c.quantity;
  }
  item.clear_approval_points();
  EXPECT_EQ(PlanOrder(item, 3, {.balance = D("7500")})->status,
            cim::v1::REDEMPTION_ORDER_STATUS_APPROVED);
}

TEST(PlanOrderTest, RefusesWhatTheBalanceStockOrLimitDoesNotAllow) {
  RewardItem item = GiftCard();
  item.set_stock(2);
  item.set_per_user_limit(3);
  EXPECT_THAT(PlanOrder(item, 1, {.balance = D("2380")}),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "the order needs 2,500 points; your balance is 2,380 points"
                       " (120 points more needed)"));
  EXPECT_THAT(PlanOrder(item, 3, {.balance = D("100000")}),
              StatusIs(absl::StatusCode::kFailedPrecondition, "only 2 of \"Gift card €25\" left"));
  EXPECT_THAT(PlanOrder(item, 2, {.balance = D("100000"), .units_held = 2}),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("at most 3 of \"Gift card €25\" per person; you have 2")));
  item.set_stock(0);
  EXPECT_THAT(PlanOrder(item, 1, {.balance = D("100000")}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("out of stock")));
  item.set_unlimited_stock(true);
  EXPECT_TRUE(PlanOrder(item, 1, {.balance = D("2500")}).ok());
  item.set_status(cim::v1::REWARD_ITEM_STATUS_RETIRED);
  EXPECT_THAT(PlanOrder(item, 1, {.balance = D("100000")}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("no longer in the store")));
}

TEST(PointsShortTest, IsWhatIsMissingOrZero) {
  EXPECT_EQ(PointsShort(D("2500"), D("2380")), D("120"));
  EXPECT_EQ(PointsShort(D("2500"), D("2500")), D("0"));
  EXPECT_EQ(PointsShort(D("2500"), D("-40")), D("2540"));
  EXPECT_TRUE(PointsShort(D("100"), D("900")).is_zero());
}

TEST(RedemptionBasisTest, NamesOrderQuantityItemAndPrice) {
  EXPECT_EQ(InEnglish(RedemptionBasis(12, 2, "Gift card €25", D("2500"))),
            "Order 12: 2 × Gift card €25 at 2,500 points each");
}

TEST(NextOrderStatusTest, FollowsTheFulfilmentLine) {
  using cim::v1::REDEMPTION_ORDER_STATUS_APPROVED;
  using cim::v1::REDEMPTION_ORDER_STATUS_CANCELLED;
  using cim::v1::REDEMPTION_ORDER_STATUS_DELIVERED;
  using cim::v1::REDEMPTION_ORDER_STATUS_FULFILLED;
  using cim::v1::REDEMPTION_ORDER_STATUS_PLACED;
  using cim::v1::REDEMPTION_ORDER_STATUS_REFUSED;
  struct Case {
    RedemptionOrderStatus from;
    OrderAction action;
    RedemptionOrderStatus to;  // UNSPECIFIED: refused
  };
  const RedemptionOrderStatus kNo = cim::v1::REDEMPTION_ORDER_STATUS_UNSPECIFIED;
  const Case cases[] = {
      {REDEMPTION_ORDER_STATUS_PLACED, OrderAction::kApprove, REDEMPTION_ORDER_STATUS_APPROVED},
      {REDEMPTION_ORDER_STATUS_PLACED, OrderAction::kRefuse, REDEMPTION_ORDER_STATUS_REFUSED},
      {REDEMPTION_ORDER_STATUS_PLACED, OrderAction::kFulfil, kNo},
      {REDEMPTION_ORDER_STATUS_APPROVED, OrderAction::kApprove, kNo},
      {REDEMPTION_ORDER_STATUS_APPROVED, OrderAction::kRefuse, kNo},
      {REDEMPTION_ORDER_STATUS_APPROVED, OrderAction::kFulfil, REDEMPTION_ORDER_STATUS_FULFILLED},
      {REDEMPTION_ORDER_STATUS_APPROVED, OrderAction::kCancel, REDEMPTION_ORDER_STATUS_CANCELLED},
      {REDEMPTION_ORDER_STATUS_FULFILLED, OrderAction::kDeliver, REDEMPTION_ORDER_STATUS_DELIVERED},
      {REDEMPTION_ORDER_STATUS_FULFILLED, OrderAction::kCancel, REDEMPTION_ORDER_STATUS_CANCELLED},
      {REDEMPTION_ORDER_STATUS_DELIVERED, OrderAction::kCancel, kNo},
      {REDEMPTION_ORDER_STATUS_CANCELLED, OrderAction::kCancel, kNo},
      {REDEMPTION_ORDER_STATUS_REFUSED, OrderAction::kApprove, kNo},
  };
  for (const Case& c : cases) {
    absl::StatusOr<RedemptionOrderStatus> to = NextOrderStatus(c.from, c.action);
    if (c.to == kNo) {
      EXPECT_THAT(to, StatusIs(absl::StatusCode::kFailedPrecondition))
          << OrderStatusName(c.from) << " " << static_cast<int>(c.action);
    } else {
      EXPECT_THAT(to, ::cim::testing::IsOkAndHolds(c.to)) << OrderStatusName(c.from);
    }
  }
  EXPECT_THAT(
      NextOrderStatus(REDEMPTION_ORDER_STATUS_DELIVERED, OrderAction::kCancel),
      StatusIs(absl::StatusCode::kFailedPrecondition, "a DELIVERED order cannot be cancelled"));
  EXPECT_TRUE(ReturnsPoints(REDEMPTION_ORDER_STATUS_CANCELLED));
  EXPECT_TRUE(ReturnsPoints(REDEMPTION_ORDER_STATUS_REFUSED));
  EXPECT_FALSE(ReturnsPoints(REDEMPTION_ORDER_STATUS_DELIVERED));
}

TEST(ValidateOrderActionTest, AsksForWhatEachActionNeeds) {
  const auto fields = [](OrderAction action, cim::v1::RewardItemKind kind,
                         void (*fill)(cim::v1::RedemptionOrderActionRequest&)) {
    cim::v1::RedemptionOrderActionRequest r;
    r.set_order_id(7);
    fill(r);
    FieldErrors errors;
    ValidateOrderAction(r, action, kind, errors);
    return ViolatedFields(errors.ToStatus());
  };
  const auto gift = cim::v1::REWARD_ITEM_KIND_GIFT_CARD;
  const auto merch = cim::v1::REWARD_ITEM_KIND_MERCHANDISE;
  const auto nothing = [](cim::v1::RedemptionOrderActionRequest&) {};
  EXPECT_THAT(fields(OrderAction::kRefuse, gift, nothing), ElementsAre("reason"));
  EXPECT_THAT(fields(OrderAction::kCancel, gift, nothing), ElementsAre("reason"));
  EXPECT_THAT(fields(OrderAction::kApprove, gift, nothing), IsEmpty());
  EXPECT_THAT(fields(OrderAction::kFulfil, gift, nothing), ElementsAre("fulfilment_code"));
  EXPECT_THAT(fields(OrderAction::kFulfil, merch, nothing), ElementsAre("tracking_reference"));
  EXPECT_THAT(fields(OrderAction::kFulfil, gift,
                     [](cim::v1::RedemptionOrderActionRequest& r) {
                       r.set_fulfilment_code("AMZN-7Q4K-22XP");
                     }),
              IsEmpty());
  EXPECT_THAT(
      fields(OrderAction::kApprove, gift,
             [](cim::v1::RedemptionOrderActionRequest& r) { r.set_tracking_reference("1Z999"); }),
      ElementsAre("tracking_reference"));
}

TEST(ParseFulfilmentCsvTest, ReadsRowsByHeaderAndMarksBadOnes) {
  absl::StatusOr<std::vector<FulfilmentRow>> rows = ParseFulfilmentCsv(
      "Tracking_Reference,order_id,fulfilment_code\r\n"
      ",12,AMZN-1\r\n"
      "1Z999AA1,13,\r\n"
      ",x,CODE\r\n"
      "\r\n"
      ",14,\r\n");
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 4u);
  EXPECT_EQ((*rows)[0].line, 2);
  EXPECT_EQ((*rows)[0].order_id, 12);
  EXPECT_EQ((*rows)[0].fulfilment_code, "AMZN-1");
  EXPECT_EQ((*rows)[0].error, "");
  EXPECT_EQ((*rows)[1].tracking_reference, "1Z999AA1");
  EXPECT_EQ((*rows)[2].line, 4);
  EXPECT_EQ(InEnglish((*rows)[2].error), "order_id must be an order number");
  EXPECT_EQ((*rows)[3].line, 6);
  EXPECT_EQ(InEnglish((*rows)[3].error), "give a fulfilment_code or a tracking_reference");
}

TEST(ParseFulfilmentCsvTest, RefusesFilesItCannotUse) {
  const char* bad[] = {
      "",
      "order,code\n1,x\n",
      "order_id,fulfilment_code\n",
      "order_id,fulfilment_code\n12,a\n12,b\n",
      "order_id,fulfilment_code\n12,\"open\n",
  };
  for (const char* csv : bad) {
    absl::StatusOr<std::vector<FulfilmentRow>> rows = ParseFulfilmentCsv(csv);
    EXPECT_THAT(rows, StatusIs(absl::StatusCode::kInvalidArgument)) << csv;
    EXPECT_THAT(ViolatedFields(rows.status()), ElementsAre("csv")) << csv;
  }
  EXPECT_THAT(
      ParseFulfilmentCsv("order_id,fulfilment_code\n12,a\n12,b\n"),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("line 3: order 12 is named twice")));
}

}  // namespace
}  // namespace cim
