// TierService through a real gRPC channel against a real server and MariaDB: the ladder (who
// may set it, validation), evaluation on demand (dry run, promotions and demotions with their
// history and reasons) and on the daily schedule, progress to the next tier, demotion
// warnings from expiring certifications, and partner isolation.
#include "cim/v1/engagement_service.grpc.pb.h"
#include "cim/v1/partner_service.grpc.pb.h"
#include "cim/v1/tier_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/app/server_app.h"
#include "tests/server/recognition/recognition_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::HasSubstr;

// Registered; Silver from €5,000 of trailing sales; Gold from €20,000 and 1 certified user.
constexpr char kLadder[] = R"pb(
  currency_code: "EUR"
  tiers { code: "registered" name: "Registered" benefits: "Portal access" }
  tiers {
    code: "silver"
    name: "Silver"
    benefits: "5% extra MDF"
    criteria { min_trailing_sales: "5000" }
  }
  tiers {
    code: "gold"
    name: "Gold"
    benefits: "10% extra MDF and deal registration priority"
    criteria { min_trailing_sales: "20000" min_certified_users: 1 }
  }
)pb";

class TierRpcTest : public RecognitionFixture {
 protected:
  void SetUp() override {
    RecognitionFixture::SetUp();
    tiers_ = TierService::NewStub(server_.channel());
  }

  void SetLadder() {
    SetTierLadderRequest request;
    ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(kLadder, request.mutable_ladder()));
    TierLadder ladder;
    grpc::Status status =
        tiers_->SetTierLadder(TestServer::Context(admin_).get(), request, &ladder);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  EvaluateTiersResponse Evaluate(bool dry_run, int64_t partner_id = 0) {
    EvaluateTiersRequest request;
    request.set_dry_run(dry_run);
    request.set_partner_id(partner_id);
    EvaluateTiersResponse response;
    grpc::Status status = tiers_->EvaluateTiers(
        TestServer::Context(server_.Login("cm@vendor.example")).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  PartnerTierStatus Status(const std::string& token, int64_t partner_id = 0) {
    GetPartnerTierStatusRequest request;
    request.set_partner_id(partner_id);
    PartnerTierStatus response;
    grpc::Status status =
        tiers_->GetPartnerTierStatus(TestServer::Context(token).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  std::vector<TierChange> Changes(const std::string& token, int64_t partner_id = 0) {
    ListTierChangesRequest request;
    request.set_partner_id(partner_id);
    ListTierChangesResponse response;
    grpc::Status status =
        tiers_->ListTierChanges(TestServer::Context(token).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return {response.changes().begin(), response.changes().end()};
  }

  // Sets a partner's tier by hand, as a channel manager would.
  void SetTier(int64_t partner_id, const char* tier) {
    UpdatePartnerRequest request;
    request.mutable_partner()->set_id(partner_id);
    request.mutable_partner()->set_tier(tier);
    request.mutable_update_mask()->add_paths("tier");
    Partner updated;
    grpc::Status status = PartnerService::NewStub(server_.channel())
                              ->UpdatePartner(TestServer::Context(admin_).get(), request, &updated);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  std::unique_ptr<TierService::Stub> tiers_;
};

TEST_F(TierRpcTest, OnlyProgramAdminsSetAValidLadder) {
  SetTierLadderRequest request;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(kLadder, request.mutable_ladder()));
  TierLadder ladder;
  EXPECT_THAT(tiers_->SetTierLadder(TestServer::Context(rep1_token_).get(), request, &ladder),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(tiers_->SetTierLadder(TestServer::Context(server_.Login("cm@vendor.example")).get(),
                                    request, &ladder),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  request.mutable_ladder()->mutable_tiers(2)->mutable_criteria()->set_min_trailing_sales("100");
  EXPECT_THAT(tiers_->SetTierLadder(TestServer::Context(admin_).get(), request, &ladder),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT,
                       HasSubstr("ladder.tiers[2].criteria.min_trailing_sales")));
  // Evaluating without a ladder is a precondition failure.
  EvaluateTiersRequest evaluate;
  EvaluateTiersResponse evaluated;
  EXPECT_THAT(tiers_->EvaluateTiers(TestServer::Context(admin_).get(), evaluate, &evaluated),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION));

  SetLadder();
  ASSERT_TRUE(
      tiers_->GetTierLadder(TestServer::Context(rep1_token_).get(), GetTierLadderRequest(), &ladder)
          .ok());
  ASSERT_EQ(ladder.tiers_size(), 3);
  EXPECT_EQ(ladder.tiers(2).rank(), 3);
  EXPECT_EQ(ladder.tiers(2).criteria().min_trailing_sales(), "20000");
  EXPECT_EQ(ladder.currency_code(), "EUR");
  EXPECT_TRUE(ladder.has_update_time());
  // Partner users may not evaluate.
  EXPECT_THAT(tiers_->EvaluateTiers(TestServer::Context(rep1_token_).get(), evaluate, &evaluated),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
}

TEST_F(TierRpcTest, EvaluationPromotesAndDemotesWithHistory) {
  SetLadder();
  SetTier(alpha_.id(), "registered");  // Bravo stays "silver" without sales
  Approve(rep1_token_, 4);             // €4,000
  Approve(rep2_token_, 2);             // €2,000: Alpha has €6,000

  // A dry run reports without changing anything.
  EvaluateTiersResponse dry = Evaluate(/*dry_run=*/true);
  EXPECT_GE(dry.evaluated(), 2);
  ASSERT_EQ(dry.changes_size(), 2);
  EXPECT_EQ(dry.changes(0).partner_id(), alpha_.id());
  EXPECT_EQ(dry.changes(0).to_tier(), "silver");
  EXPECT_TRUE(dry.changes(0).promotion());
  EXPECT_EQ(dry.changes(0).id(), 0);
  EXPECT_EQ(dry.changes(1).partner_id(), bravo_.id());
  EXPECT_EQ(dry.changes(1).from_tier(), "silver");
  EXPECT_EQ(dry.changes(1).to_tier(), "registered");
  EXPECT_FALSE(dry.changes(1).promotion());
  EXPECT_TRUE(Changes(admin_).empty());

  EXPECT_EQ(Evaluate(/*dry_run=*/false).changes_size(), 2);
  std::vector<TierChange> history = Changes(rep1_token_);
  ASSERT_EQ(history.size(), 1);
  EXPECT_EQ(history[0].partner_id(), alpha_.id());
  EXPECT_EQ(history[0].partner_name(), "Alpha Systems");
  EXPECT_EQ(history[0].to_tier(), "silver");
  EXPECT_EQ(history[0].trigger(), TIER_CHANGE_TRIGGER_ON_DEMAND);
  EXPECT_EQ(history[0].reason(), "Trailing 12-month sales €6,000 meet Silver (€5,000)");
  EXPECT_GT(history[0].evaluated_by(), 0);
  // Evaluating again changes nothing.
  EXPECT_EQ(Evaluate(false).changes_size(), 0);
  // The promotion reaches the feed for everyone, without Alpha's figures.
  auto engagement = EngagementService::NewStub(server_.channel());
  const auto promotion = [&]() -> std::optional<FeedEntry> {
    ListFeedRequest request;
    ListFeedResponse feed;
    EXPECT_TRUE(engagement->ListFeed(TestServer::Context(bravo_token_).get(), request, &feed).ok());
    for (const FeedEntry& e : feed.entries()) {
      if (e.kind() == FEED_ENTRY_KIND_TIER_PROMOTION) return e;
    }
    return std::nullopt;
  };
  ASSERT_TRUE(Eventually([&] { return promotion().has_value(); }));
  EXPECT_EQ(promotion()->headline(), "Alpha Systems moved up to Silver tier");
  EXPECT_EQ(promotion()->message(), "");
  EXPECT_EQ(promotion()->partner_id(), alpha_.id());

  PartnerTierStatus status = Status(rep1_token_);
  EXPECT_EQ(status.tier().code(), "silver");
  EXPECT_EQ(status.tier().benefits(), "5% extra MDF");
  EXPECT_EQ(status.trailing_sales(), "6000");
  EXPECT_EQ(status.trailing_points(), "600");
  EXPECT_EQ(status.next_tier().text(), "€14,000 more sales and 1 more certified user to Gold");
  EXPECT_EQ(status.next_tier().sales_needed(), "14000");
  EXPECT_FALSE(status.has_demotion_warning());

  // Thirteen months on, the sales have left the trailing year: back to Registered.
  server_.clock().Advance(absl::Hours(24 * 400));
  admin_ = server_.Login("pa@vendor.example");
  rep1_token_ = server_.Login("rep1@alpha.example");
  Evaluate(false, alpha_.id());
  history = Changes(rep1_token_);
  ASSERT_EQ(history.size(), 2);
  EXPECT_EQ(history[0].from_tier(), "silver");
  EXPECT_EQ(history[0].to_tier(), "registered");
  EXPECT_FALSE(history[0].promotion());
  EXPECT_EQ(history[0].reason(),
            "Trailing 12-month sales €0 are below €5,000: below Silver, moves to Registered");
  EXPECT_EQ(Status(rep1_token_).tier().code(), "registered");
}

TEST_F(TierRpcTest, PartnersSeeOnlyTheirOwnTier) {
  SetLadder();
  Approve(rep1_token_, 6);
  Evaluate(false);
  // Bravo's rep reads neither Alpha's standing nor its history.
  GetPartnerTierStatusRequest other;
  other.set_partner_id(alpha_.id());
  PartnerTierStatus status;
  EXPECT_THAT(tiers_->GetPartnerTierStatus(TestServer::Context(bravo_token_).get(), other, &status),
              StatusIs(grpc::StatusCode::NOT_FOUND));
  ListTierChangesRequest list;
  list.set_partner_id(alpha_.id());
  ListTierChangesResponse changes;
  EXPECT_THAT(tiers_->ListTierChanges(TestServer::Context(bravo_token_).get(), list, &changes),
              StatusIs(grpc::StatusCode::NOT_FOUND));
  for (const TierChange& c : Changes(bravo_token_)) EXPECT_EQ(c.partner_id(), bravo_.id());
  // Vendor roles name the partner; a bad id is a field error.
  GetPartnerTierStatusRequest none;
  EXPECT_THAT(tiers_->GetPartnerTierStatus(TestServer::Context(admin_).get(), none, &status),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("partner_id")));
  EXPECT_EQ(Status(admin_, alpha_.id()).tier().code(), "silver");
  list.set_partner_id(0);
  list.set_page_size(-1);
  EXPECT_THAT(tiers_->ListTierChanges(TestServer::Context(admin_).get(), list, &changes),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("page_size")));
}

TEST_F(TierRpcTest, ExpiringCertificationWarnsOfDemotion) {
  SetLadder();
  Approve(rep1_token_, 25);  // €25,000
  const std::string lms = LmsKey();
  CreateTrainingModuleRequest create;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      "title: \"Storage expert\" duration_minutes: 60 certification_code: \"storage-expert\""
      " certification_valid_months: 1",
      create.mutable_training_module()));
  TrainingModule module;
  ASSERT_TRUE(
      recognition_->CreateTrainingModule(TestServer::Context(admin_).get(), create, &module).ok());
  CompleteTrainingRequest complete;
  complete.set_module_id(module.id());
  complete.set_user_id(rep2_.id());
  complete.set_external_completion_id("lms-1");
  TrainingCompletion done;
  ASSERT_TRUE(recognition_->CompleteTraining(TestServer::Context(lms).get(), complete, &done).ok());

  Evaluate(false);
  PartnerTierStatus status = Status(rep1_token_);
  EXPECT_EQ(status.tier().code(), "gold");
  EXPECT_EQ(status.certified_users(), 1);
  EXPECT_FALSE(status.has_next_tier());
  ASSERT_TRUE(status.has_demotion_warning());
  EXPECT_EQ(status.demotion_warning().would_drop_to().code(), "silver");
  ASSERT_EQ(status.demotion_warning().expiring_size(), 1);
  EXPECT_EQ(status.demotion_warning().expiring(0).user_id(), rep2_.id());
  EXPECT_THAT(status.demotion_warning().text(), HasSubstr("1 certification expires by"));
  EXPECT_THAT(status.demotion_warning().text(), HasSubstr("renew it to keep Gold"));
}

TEST_F(TierRpcTest, TheDailyScheduleEvaluatesOncePerDayAcrossServers) {
  SetLadder();
  Approve(rep1_token_, 6);
  // Two more servers on the same database checking every 50 ms: the day is evaluated once.
  std::vector<std::unique_ptr<ServerApp>> replicas;
  for (int i = 0; i < 2; ++i) {
    replicas.push_back(StartReplica([](ServerOptions& options) {
      options.jobs.tier_schedule_interval = absl::Milliseconds(50);
    }));
    ASSERT_NE(replicas.back(), nullptr);
  }
  ASSERT_TRUE(Eventually([&] { return !Changes(admin_).empty(); }));
  absl::SleepFor(absl::Milliseconds(300));
  std::vector<TierChange> history = Changes(admin_);
  // Alpha's €6,000 keeps Silver; Bravo without sales drops to Registered.
  ASSERT_EQ(history.size(), 1);
  EXPECT_EQ(history[0].partner_id(), bravo_.id());
  EXPECT_EQ(history[0].to_tier(), "registered");
  EXPECT_EQ(history[0].trigger(), TIER_CHANGE_TRIGGER_SCHEDULED);
  EXPECT_EQ(history[0].evaluated_by(), 0);
}

}  // namespace
}  // namespace cim
