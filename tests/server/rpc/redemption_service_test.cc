// RedemptionService through a real gRPC channel against a real server and MariaDB: the catalog
// kept by program admins with bad fields named, a partner user's store with their balance, an
// order placed and retried, approved, fulfilled and cancelled by the right people only, pictures
// uploaded and downloaded, and another partner's order answering NOT_FOUND.
#include <string>

#include "absl/strings/str_cat.h"
#include "cim/v1/ledger_service.grpc.pb.h"
#include "cim/v1/redemption_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/money/mysql_ledger_entries.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_server.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::cim::testing::TestServer;
using ::cim::testing::ViolatedFields;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

class RedemptionRpcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    alpha_ = server_.CreatePartner("Alpha Systems");
    bravo_ = server_.CreatePartner("Bravo Networks");
    rep_user_ = server_.CreateUser("rep@alpha.example", ROLE_PARTNER_REP, alpha_.id());
    server_.CreateUser("rep@bravo.example", ROLE_PARTNER_REP, bravo_.id());
    server_.CreateUser("pa@vendor.example", ROLE_PROGRAM_ADMIN);
    server_.CreateUser("cm@vendor.example", ROLE_CHANNEL_MANAGER);
    stub_ = RedemptionService::NewStub(server_.channel());
    admin_ = server_.Login("pa@vendor.example");
    manager_ = server_.Login("cm@vendor.example");
    rep_ = server_.Login("rep@alpha.example");
    bravo_rep_ = server_.Login("rep@bravo.example");
  }

  void GivePoints(const User& user, const char* points) {
    const absl::Status status =
        server_.database().db().Transact([&](soci::session& s) -> absl::Status {
          AppendLedgerEntries(s, {LedgerPosting{.partner_id = user.partner_id(),
                                                .user_id = user.id(),
                                                .account = LEDGER_ACCOUNT_POINTS,
                                                .kind = LEDGER_ENTRY_KIND_POINTS,
                                                .unit = kPointsUnit,
                                                .amount = *Decimal::Parse(points),
                                                .basis = "test points",
                                                .created_by = user.id(),
                                                .created_at = server_.clock().Now()}});
          return absl::OkStatus();
        });
    ASSERT_TRUE(status.ok()) << status;
  }

  grpc::Status Create(const std::string& token, const RewardItem& item, RewardItem* out) {
    CreateRewardItemRequest request;
    *request.mutable_item() = item;
    return stub_->CreateRewardItem(TestServer::Context(token).get(), request, out);
  }

  RewardItem GiftCard() {
    RewardItem item;
    item.set_name("Gift card €25");
    item.set_kind(REWARD_ITEM_KIND_GIFT_CARD);
    item.set_points_price("2500");
    item.set_stock(3);
    item.set_approval_points("5000");
    return item;
  }

  grpc::Status Place(const std::string& token, int64_t item, int quantity, const std::string& key,
                     RedemptionOrder* out) {
    PlaceRedemptionOrderRequest request;
    request.set_idempotency_key(key);
    request.set_item_id(item);
    request.set_quantity(quantity);
    return stub_->PlaceRedemptionOrder(TestServer::Context(token).get(), request, out);
  }

  grpc::Status Balance(const std::string& token, std::string* points) {
    ListRewardItemsResponse response;
    grpc::Status status = stub_->ListRewardItems(TestServer::Context(token).get(), {}, &response);
    *points = response.points_balance();
    return status;
  }

  TestServer server_;
  Partner alpha_, bravo_;
  User rep_user_;
  std::unique_ptr<RedemptionService::Stub> stub_;
  std::string admin_, manager_, rep_, bravo_rep_;
};

TEST_F(RedemptionRpcTest, ProgramAdminsKeepTheCatalogAndBadFieldsAreNamed) {
  RewardItem item = GiftCard();
  RewardItem stored;
  EXPECT_THAT(Create(rep_, item, &stored), StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(Create("", item, &stored), StatusIs(grpc::StatusCode::UNAUTHENTICATED));
  item.set_name("");
  item.set_points_price("25.5");
  grpc::Status bad = Create(admin_, item, &stored);
  EXPECT_THAT(bad, StatusIs(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(bad), ElementsAre("item.name", "item.points_price"));

  ASSERT_TRUE(Create(admin_, GiftCard(), &stored).ok());
  EXPECT_EQ(stored.points_price(), "2500");
  EXPECT_EQ(stored.stock(), 3);
  AdjustRewardItemStockRequest restock;
  restock.set_item_id(stored.id());
  restock.set_delta(-5);
  restock.set_reason("count");
  RewardItem after;
  EXPECT_THAT(stub_->AdjustRewardItemStock(TestServer::Context(admin_).get(), restock, &after),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION));
  restock.set_delta(7);
  ASSERT_TRUE(
      stub_->AdjustRewardItemStock(TestServer::Context(admin_).get(), restock, &after).ok());
  EXPECT_EQ(after.stock(), 10);

  UpdateRewardItemRequest update;
  update.mutable_item()->set_id(stored.id());
  update.mutable_item()->set_name("Gift card €30");
  update.mutable_item()->set_points_price("3000");
  update.mutable_update_mask()->add_paths("name");
  update.mutable_update_mask()->add_paths("points_price");
  ASSERT_TRUE(stub_->UpdateRewardItem(TestServer::Context(admin_).get(), update, &after).ok());
  EXPECT_EQ(after.name(), "Gift card €30");
  EXPECT_EQ(after.points_price(), "3000");
  update.mutable_update_mask()->add_paths("stock");  // not an update field
  EXPECT_THAT(stub_->UpdateRewardItem(TestServer::Context(admin_).get(), update, &after),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT));
}

TEST_F(RedemptionRpcTest, APartnerUserSpendsPointsThroughTheOrderLine) {
  GivePoints(rep_user_, "8000");
  RewardItem item;
  ASSERT_TRUE(Create(admin_, GiftCard(), &item).ok());
  std::string balance;
  ASSERT_TRUE(Balance(rep_, &balance).ok());
  EXPECT_EQ(balance, "8000");

  RedemptionOrder small, large, again;
  ASSERT_TRUE(Place(rep_, item.id(), 1, "rpc-order-1", &small).ok());
  ASSERT_TRUE(Place(rep_, item.id(), 1, "rpc-order-1", &again).ok());
  EXPECT_EQ(again.id(), small.id());
  EXPECT_EQ(small.status(), REDEMPTION_ORDER_STATUS_APPROVED);
  ASSERT_TRUE(Place(rep_, item.id(), 2, "rpc-order-2", &large).ok());
  EXPECT_EQ(large.status(), REDEMPTION_ORDER_STATUS_PLACED);
  ASSERT_TRUE(Balance(rep_, &balance).ok());
  EXPECT_EQ(balance, "500");
  RedemptionOrder refused;
  EXPECT_THAT(Place(rep_, item.id(), 1, "rpc-order-3", &refused),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("out of stock")));

  // Only vendor staff approve; another partner does not see the order at all.
  RedemptionOrderActionRequest act;
  act.set_order_id(large.id());
  RedemptionOrder out;
  EXPECT_THAT(stub_->ApproveRedemptionOrder(TestServer::Context(rep_).get(), act, &out),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  act.set_reason("not mine");
  EXPECT_THAT(stub_->CancelRedemptionOrder(TestServer::Context(bravo_rep_).get(), act, &out),
              StatusIs(grpc::StatusCode::NOT_FOUND));
  act.clear_reason();
  ASSERT_TRUE(stub_->ApproveRedemptionOrder(TestServer::Context(manager_).get(), act, &out).ok());
  EXPECT_EQ(out.status(), REDEMPTION_ORDER_STATUS_APPROVED);
  act.set_fulfilment_code("AMZN-7Q4K-22XP");
  ASSERT_TRUE(stub_->FulfilRedemptionOrder(TestServer::Context(manager_).get(), act, &out).ok());
  EXPECT_EQ(out.fulfilment_code(), "AMZN-7Q4K-22XP");

  // The small order is cancelled by its user: the points come back with a reversal.
  RedemptionOrderActionRequest cancel;
  cancel.set_order_id(small.id());
  cancel.set_reason("ordered by mistake");
  ASSERT_TRUE(stub_->CancelRedemptionOrder(TestServer::Context(rep_).get(), cancel, &out).ok());
  EXPECT_EQ(out.status(), REDEMPTION_ORDER_STATUS_CANCELLED);
  EXPECT_NE(out.reversal_entry_id(), 0);
  ASSERT_TRUE(Balance(rep_, &balance).ok());
  EXPECT_EQ(balance, "3000");

  ListRedemptionOrdersResponse mine, theirs;
  ASSERT_TRUE(stub_->ListRedemptionOrders(TestServer::Context(rep_).get(), {}, &mine).ok());
  EXPECT_EQ(mine.orders_size(), 2);
  ASSERT_TRUE(stub_->ListRedemptionOrders(TestServer::Context(bravo_rep_).get(), {}, &theirs).ok());
  EXPECT_EQ(theirs.orders_size(), 0);
}

TEST_F(RedemptionRpcTest, PicturesAreUploadedByContentAndDownloadedByWhoeverSeesTheItem) {
  RewardItem item;
  ASSERT_TRUE(Create(admin_, GiftCard(), &item).ok());
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(4000, 'p');
  const auto upload = [&](const std::string& token, const std::string& bytes, RewardItem* out) {
    auto context = TestServer::Context(token);
    auto writer = stub_->UploadRewardItemImage(context.get(), out);
    UploadRewardItemImageRequest message;
    message.mutable_metadata()->set_item_id(item.id());
    message.mutable_metadata()->set_filename("card.png");
    writer->Write(message);
    message.set_chunk(bytes);
    writer->Write(message);
    writer->WritesDone();
    return writer->Finish();
  };
  RewardItem with_image;
  EXPECT_THAT(upload(rep_, png, &with_image), StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(upload(admin_, "%PDF-1.7 not a picture", &with_image),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("PNG and JPEG")));
  ASSERT_TRUE(upload(admin_, png, &with_image).ok());
  ASSERT_NE(with_image.image_id(), 0);

  DownloadRewardItemImageRequest request;
  request.set_image_id(with_image.image_id());
  auto context = TestServer::Context(rep_);
  auto reader = stub_->DownloadRewardItemImage(context.get(), request);
  DownloadRewardItemImageResponse message;
  std::string bytes, type;
  while (reader->Read(&message)) {
    if (message.has_metadata()) type = message.metadata().content_type();
    bytes += message.chunk();
  }
  ASSERT_TRUE(reader->Finish().ok());
  EXPECT_EQ(type, "image/png");
  EXPECT_EQ(bytes, png);
}

}  // namespace
}  // namespace cim
