// The redemption rules on the real stores: who keeps the catalog and who handles orders; what a
// partner user sees (items of other regions hidden, tier-locked items with the step that opens
// them, the points still missing); orders placed, retried and refused with the reason; who sees
// which orders; cancelling by the user who ordered; and CSV fulfilment that names every bad row
// and writes nothing until all are good.
#include "server/redemption/redemption.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/clock.h"
#include "server/identity/mysql_partner_repository.h"
#include "server/money/mysql_ledger_repository.h"
#include "server/training/mysql_certification_registry.h"
#include "tests/server/redemption/redemption_store_fixture.h"
#include "tests/testing/phrase_matchers.h"

namespace cim {
namespace {

using ::cim::testing::InEnglish;

using ::cim::testing::D;
using ::cim::testing::StatusIs;
using ::cim::testing::ViolatedFields;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class RedemptionTest : public RedemptionStoreTest {
 protected:
  static Principal Finance() { return As(kVera, cim::v1::ROLE_FINANCE); }

  RewardItem Create(const std::string& name, const char* price, long long stock,
                    void (*more)(RewardItem&) = nullptr) {
    RewardItem item;
    item.set_name(name);
    item.set_kind(cim::v1::REWARD_ITEM_KIND_GIFT_CARD);
    item.set_points_price(price);
    item.set_unlimited_stock(stock < 0);
    item.set_stock(stock < 0 ? 0 : stock);
    if (more != nullptr) more(item);
    absl::StatusOr<RewardItem> created = redemption_.CreateItem(Admin(), item);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.value_or(RewardItem());
  }

  absl::StatusOr<RedemptionOrder> Place(const Principal& who, int64_t item, int quantity,
                                        const std::string& key) {
    cim::v1::PlaceRedemptionOrderRequest r;
    r.set_idempotency_key(key);
    r.set_item_id(item);
    r.set_quantity(quantity);
    return redemption_.PlaceOrder(who, r);
  }

  static cim::v1::RedemptionOrderActionRequest Action(int64_t order, const char* reason = "",
                                                      const char* code = "") {
    cim::v1::RedemptionOrderActionRequest r;
    r.set_order_id(order);
    r.set_reason(reason);
    r.set_fulfilment_code(code);
    return r;
  }

  FakeClock clock_{T0()};
  MysqlLedgerRepository ledger_{database_.db()};
  MysqlPartnerRepository partners_{database_.db()};
  MysqlCertificationRegistry certifications_{database_.db(), clock_};
  Redemption redemption_{store_, ledger_, partners_, certifications_, clock_};
};

TEST_F(RedemptionTest, ProgramAdminsKeepTheCatalogAndBadFieldsAreNamed) {
  RewardItem item;
  item.set_name("Gift card");
  item.set_kind(cim::v1::REWARD_ITEM_KIND_GIFT_CARD);
  item.set_points_price("100");
  EXPECT_THAT(redemption_.CreateItem(Manager(), item),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(redemption_.CreateItem(Rob(), item), StatusIs(absl::StatusCode::kPermissionDenied));
  item.set_points_price("-3");
  item.clear_kind();
  absl::StatusOr<RewardItem> bad = redemption_.CreateItem(Admin(), item);
  EXPECT_THAT(bad, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ViolatedFields(bad.status()), ElementsAre("item.kind", "item.points_price"));

  const RewardItem stored = Create("Gift card €25", "2500", 3);
  RewardItem change;
  change.set_id(stored.id());
  change.set_status(cim::v1::REWARD_ITEM_STATUS_RETIRED);
  change.set_etag(stored.etag());
  google::protobuf::FieldMask mask;
  mask.add_paths("status");
  CIM_ASSERT_OK_AND_ASSIGN(const RewardItem retired, redemption_.UpdateItem(Admin(), change, mask));
  EXPECT_EQ(retired.status(), cim::v1::REWARD_ITEM_STATUS_RETIRED);
  EXPECT_THAT(redemption_.UpdateItem(Admin(), change, mask),
              StatusIs(absl::StatusCode::kAborted));  // the etag moved
  EXPECT_THAT(redemption_.GetItem(Rob(), stored.id()), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(RedemptionTest, PartnersSeeTheirItemsWithWhatStopsThemAndThePointsMissing) {
  GivePoints(kAlpha, kRob, "2380");
  Create("Gift card €25", "2500", 10);
  Create("Platinum lounge pass", "1000", -1, [](RewardItem& i) {
    i.mutable_availability()->add_tiers("platinum");
    i.mutable_availability()->add_partner_ids(kAlpha);
  });
  Create("NA road show seat", "500", 5,
         [](RewardItem& i) { i.mutable_availability()->add_regions("NA"); });

  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::ListRewardItemsResponse seen,
                           redemption_.ListItems(Rob(), {}));
  EXPECT_EQ(seen.points_balance(), "2380");
  ASSERT_EQ(seen.items_size(), 2);                          // the NA seat is not Alpha's to see
  EXPECT_EQ(seen.items(0).name(), "Platinum lounge pass");  // cheapest first
  EXPECT_EQ(seen.items(0).points_short(), "0");
  ASSERT_EQ(seen.items(0).gaps_size(), 1);
  EXPECT_EQ(InEnglish(seen.items(0).gaps(0).reason()), "tier gold is not eligible (platinum only)");
  EXPECT_EQ(InEnglish(seen.items(0).gaps(0).next_step()), "reach tier platinum");
  EXPECT_TRUE(seen.items(0).availability().partner_ids().empty());
  EXPECT_EQ(seen.items(1).points_short(), "120");
  EXPECT_TRUE(seen.items(1).gaps().empty());

  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::ListRewardItemsResponse bea,
                           redemption_.ListItems(Bea(), {}));
  ASSERT_EQ(bea.items_size(), 2);  // Bravo (NA) sees the seat and the card, not Alpha's pass
  EXPECT_EQ(bea.items(0).name(), "NA road show seat");
  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::ListRewardItemsResponse all,
                           redemption_.ListItems(Finance(), {}));
  EXPECT_EQ(all.items_size(), 3);

  // Pages of one item each walk the partner's view without the hidden item.
  cim::v1::ListRewardItemsRequest page;
  page.set_page_size(1);
  CIM_ASSERT_OK_AND_ASSIGN(cim::v1::ListRewardItemsResponse first,
                           redemption_.ListItems(Rob(), page));
  ASSERT_EQ(first.items_size(), 1);
  page.set_page_token(first.next_page_token());
  CIM_ASSERT_OK_AND_ASSIGN(cim::v1::ListRewardItemsResponse second,
                           redemption_.ListItems(Rob(), page));
  ASSERT_EQ(second.items_size(), 1);
  EXPECT_EQ(second.items(0).name(), "Gift card €25");
}

TEST_F(RedemptionTest, OrdersAreRetriedSafelyAndRefusedWithTheReason) {
  GivePoints(kAlpha, kRob, "6000");
  const RewardItem card = Create("Gift card €25", "2500", 10);
  const RewardItem pass = Create("Platinum lounge pass", "1000", -1, [](RewardItem& i) {
    i.mutable_availability()->add_tiers("platinum");
  });
  CIM_ASSERT_OK_AND_ASSIGN(const RedemptionOrder order, Place(Rob(), card.id(), 2, "rob-order-1"));
  EXPECT_EQ(order.status(), cim::v1::REDEMPTION_ORDER_STATUS_APPROVED);
  CIM_ASSERT_OK_AND_ASSIGN(const RedemptionOrder retry, Place(Rob(), card.id(), 2, "rob-order-1"));
  EXPECT_EQ(retry.id(), order.id());
  EXPECT_THAT(Place(Rob(), card.id(), 1, "rob-order-1"),
              StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("used for a different order")));
  EXPECT_EQ(PointsOf(kRob), D("1000"));

  EXPECT_THAT(Place(Rob(), pass.id(), 1, "rob-order-2"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("is not open to you yet: tier gold is not eligible")));
  EXPECT_THAT(Place(Admin(), card.id(), 1, "vendor-order"),
              StatusIs(absl::StatusCode::kPermissionDenied));
  absl::StatusOr<RedemptionOrder> bad = Place(Rob(), card.id(), 0, "short");
  EXPECT_THAT(ViolatedFields(bad.status()), ElementsAre("idempotency_key", "quantity"));
  cim::v1::PlaceRedemptionOrderRequest shipped;
  shipped.set_idempotency_key("rob-order-3");
  shipped.set_item_id(card.id());
  shipped.set_quantity(1);
  shipped.set_delivery_address("Keizersgracht 1, Amsterdam");
  EXPECT_THAT(ViolatedFields(redemption_.PlaceOrder(Rob(), shipped).status()),
              ElementsAre("delivery_address"));
}

TEST_F(RedemptionTest, LargeOrdersWaitForApprovalAndEachSideSeesItsOwn) {
  GivePoints(kAlpha, kRob, "20000");
  GivePoints(kAlpha, kHid, "20000");
  const RewardItem item =
      Create("Headphones", "6000", 5, [](RewardItem& i) { i.set_approval_points("10000"); });
  CIM_ASSERT_OK_AND_ASSIGN(const RedemptionOrder small, Place(Rob(), item.id(), 1, "rob-small-1"));
  CIM_ASSERT_OK_AND_ASSIGN(const RedemptionOrder large, Place(Hid(), item.id(), 2, "hid-large-1"));
  EXPECT_EQ(small.status(), cim::v1::REDEMPTION_ORDER_STATUS_APPROVED);
  EXPECT_EQ(large.status(), cim::v1::REDEMPTION_ORDER_STATUS_PLACED);

  EXPECT_THAT(redemption_.GetOrder(Rob(), large.id()), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(redemption_.GetOrder(Bea(), large.id()), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_TRUE(redemption_.GetOrder(Ann(), large.id()).ok());
  EXPECT_EQ(redemption_.ListOrders(Rob(), {})->orders_size(), 1);
  EXPECT_EQ(redemption_.ListOrders(Ann(), {})->orders_size(), 2);
  EXPECT_EQ(redemption_.ListOrders(Bea(), {})->orders_size(), 0);

  EXPECT_THAT(redemption_.Act(Finance(), Action(large.id()), OrderAction::kApprove),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(redemption_.Act(Hid(), Action(large.id()), OrderAction::kApprove),
              StatusIs(absl::StatusCode::kPermissionDenied));
  CIM_ASSERT_OK_AND_ASSIGN(
      const RedemptionOrder refused,
      redemption_.Act(Manager(), Action(large.id(), "two per partner this quarter"),
                      OrderAction::kRefuse));
  EXPECT_EQ(refused.status(), cim::v1::REDEMPTION_ORDER_STATUS_REFUSED);
  EXPECT_EQ(refused.reason(), "two per partner this quarter");
  EXPECT_EQ(PointsOf(kHid), D("20000"));
  EXPECT_EQ(store_.GetItem(item.id())->stock(), 4);
}

TEST_F(RedemptionTest, TheUserWhoOrderedCancelsUntilItIsFulfilled) {
  GivePoints(kAlpha, kRob, "10000");
  const RewardItem item = Create("Gift card €25", "2500", -1);
  CIM_ASSERT_OK_AND_ASSIGN(const RedemptionOrder first, Place(Rob(), item.id(), 1, "rob-cancel-1"));
  CIM_ASSERT_OK_AND_ASSIGN(const RedemptionOrder second,
                           Place(Rob(), item.id(), 1, "rob-cancel-2"));
  EXPECT_THAT(redemption_.Act(Hid(), Action(first.id(), "not mine"), OrderAction::kCancel),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(redemption_.Act(Ann(), Action(first.id(), "admin"), OrderAction::kCancel),
              StatusIs(absl::StatusCode::kPermissionDenied));
  CIM_ASSERT_OK_AND_ASSIGN(
      const RedemptionOrder cancelled,
      redemption_.Act(Rob(), Action(first.id(), "ordered twice"), OrderAction::kCancel));
  EXPECT_EQ(cancelled.status(), cim::v1::REDEMPTION_ORDER_STATUS_CANCELLED);
  EXPECT_EQ(PointsOf(kRob), D("7500"));

  ASSERT_TRUE(
      redemption_.Act(Manager(), Action(second.id(), "", "AMZN-7Q4K"), OrderAction::kFulfil).ok());
  EXPECT_THAT(
      redemption_.Act(Rob(), Action(second.id(), "too late"), OrderAction::kCancel),
      StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("can no longer be cancelled")));
  CIM_ASSERT_OK_AND_ASSIGN(const RedemptionOrder delivered,
                           redemption_.Act(Rob(), Action(second.id()), OrderAction::kDeliver));
  EXPECT_EQ(delivered.status(), cim::v1::REDEMPTION_ORDER_STATUS_DELIVERED);
  EXPECT_EQ(delivered.fulfilment_code(), "AMZN-7Q4K");
}

TEST_F(RedemptionTest, CsvFulfilmentNamesEveryBadRowAndWritesOnlyWhenAllAreGood) {
  GivePoints(kAlpha, kRob, "20000");
  const RewardItem card = Create("Gift card €25", "2500", -1);
  RewardItem mug_in;
  mug_in.set_name("Mug");
  mug_in.set_kind(cim::v1::REWARD_ITEM_KIND_MERCHANDISE);
  mug_in.set_points_price("300");
  mug_in.set_unlimited_stock(true);
  CIM_ASSERT_OK_AND_ASSIGN(const RewardItem mug, redemption_.CreateItem(Admin(), mug_in));
  CIM_ASSERT_OK_AND_ASSIGN(const RedemptionOrder a, Place(Rob(), card.id(), 1, "csv-order-a"));
  cim::v1::PlaceRedemptionOrderRequest ship;
  ship.set_idempotency_key("csv-order-b");
  ship.set_item_id(mug.id());
  ship.set_quantity(1);
  ship.set_delivery_address("Keizersgracht 1, Amsterdam");
  CIM_ASSERT_OK_AND_ASSIGN(const RedemptionOrder b, redemption_.PlaceOrder(Rob(), ship));

  cim::v1::FulfilRedemptionOrdersFromCsvRequest request;
  request.set_csv(absl::StrCat("order_id,fulfilment_code,tracking_reference\n", a.id(),
                               ",AMZN-1,\n", b.id(), ",MUG-CODE,\n9999,X,\n"));
  CIM_ASSERT_OK_AND_ASSIGN(cim::v1::FulfilRedemptionOrdersFromCsvResponse checked,
                           redemption_.FulfilFromCsv(Manager(), request));
  EXPECT_EQ(checked.fulfilled(), 0);
  ASSERT_EQ(checked.rows_size(), 3);
  EXPECT_EQ(checked.rows(0).error(), "");
  EXPECT_EQ(InEnglish(checked.rows(1).error()),
            "merchandise needs a tracking_reference of 1 to 200 characters");
  EXPECT_EQ(InEnglish(checked.rows(2).error()), "order 9999 not found");
  EXPECT_EQ(store_.GetOrder(a.id())->status(), cim::v1::REDEMPTION_ORDER_STATUS_APPROVED);

  request.set_csv(absl::StrCat("order_id,fulfilment_code,tracking_reference\n", a.id(),
                               ",AMZN-1,\n", b.id(), ",,1Z999AA10123456784\n"));
  request.set_validate_only(true);
  CIM_ASSERT_OK_AND_ASSIGN(checked, redemption_.FulfilFromCsv(Manager(), request));
  EXPECT_EQ(checked.fulfilled(), 0);
  EXPECT_EQ(store_.GetOrder(a.id())->status(), cim::v1::REDEMPTION_ORDER_STATUS_APPROVED);
  request.set_validate_only(false);
  CIM_ASSERT_OK_AND_ASSIGN(checked, redemption_.FulfilFromCsv(Manager(), request));
  EXPECT_EQ(checked.fulfilled(), 2);
  EXPECT_EQ(store_.GetOrder(b.id())->tracking_reference(), "1Z999AA10123456784");
  EXPECT_THAT(redemption_.FulfilFromCsv(Rob(), request),
              StatusIs(absl::StatusCode::kPermissionDenied));
}

}  // namespace
}  // namespace cim
