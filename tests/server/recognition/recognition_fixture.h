// The fixture recognition, tier and engagement RPC tests share: a real server and MariaDB with
// two enrolled partners, their users, vendor staff and a points program; helpers to approve
// claims and to create and read badges and boards.
#ifndef CIM_TESTS_SERVER_RECOGNITION_RECOGNITION_FIXTURE_H_
#define CIM_TESTS_SERVER_RECOGNITION_RECOGNITION_FIXTURE_H_

#include <google/protobuf/text_format.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cim/v1/auth_service.grpc.pb.h"
#include "cim/v1/claim_service.grpc.pb.h"
#include "cim/v1/ledger_service.grpc.pb.h"
#include "cim/v1/program_service.grpc.pb.h"
#include "cim/v1/recognition_service.grpc.pb.h"
#include "gtest/gtest.h"
#include "server/app/server_app.h"
#include "tests/testing/test_server.h"
#include "tests/testing/test_world.h"

namespace cim {

using ::cim::testing::TestServer;
using ::cim::testing::TestWorld;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

// 1 point per 10 EUR of ST-200 sales.
inline constexpr char kProgram[] = R"pb(
  name: "Storage points"
  currency_code: "EUR"
  budget: "1000000"
  start_date: "2026-01-01"
  end_date: "2026-12-31"
  period: PROGRAM_PERIOD_MONTH
  terms: "Terms"
  rules {
    id: "points"
    name: "Points"
    points { skus: "ST-200" points_per_currency_unit: "0.1" }
  }
)pb";

// Polls `condition` until it holds or 10 seconds pass.
inline bool Eventually(const std::function<bool()>& condition) {
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (absl::Now() < deadline) {
    if (condition()) return true;
    absl::SleepFor(absl::Milliseconds(50));
  }
  return condition();
}

// Polls until `condition` holds `replicas` times in a row: through a round-robin channel, once
// on every server (each follows the scores on its own, a poll interval apart).
inline bool EventuallyOnEveryReplica(size_t replicas, const std::function<bool()>& condition) {
  return Eventually([&] {
    for (size_t i = 0; i < replicas; ++i) {
      if (!condition()) return false;
    }
    return true;
  });
}

// Two partners (Alpha: two reps and an admin; Bravo: a rep and an admin), vendor staff, and an
// active points program both partners are enrolled in.
class RecognitionFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    alpha_ = server_.CreatePartner("Alpha Systems", PARTNER_TYPE_RESELLER);
    bravo_ = server_.CreatePartner("Bravo Distribution", PARTNER_TYPE_DISTRIBUTOR);
    rep1_ = server_.CreateUser("rep1@alpha.example", ROLE_PARTNER_REP, alpha_.id());
    rep2_ = server_.CreateUser("rep2@alpha.example", ROLE_PARTNER_REP, alpha_.id());
    server_.CreateUser("admin@alpha.example", ROLE_PARTNER_ADMIN, alpha_.id());
    bravo_rep_ = server_.CreateUser("rep@bravo.example", ROLE_PARTNER_REP, bravo_.id());
    server_.CreateUser("admin@bravo.example", ROLE_PARTNER_ADMIN, bravo_.id());
    server_.CreateUser("pa@vendor.example", ROLE_PROGRAM_ADMIN);
    server_.CreateUser("cm@vendor.example", ROLE_CHANNEL_MANAGER);
    server_.CreateUser("fin@vendor.example", ROLE_FINANCE);
    programs_ = ProgramService::NewStub(server_.channel());
    claims_ = ClaimService::NewStub(server_.channel());
    ledger_ = LedgerService::NewStub(server_.channel());
    recognition_ = RecognitionService::NewStub(server_.channel());
    admin_ = server_.Login("pa@vendor.example");
    world_.emplace(server_, admin_);
    world_->AddProducts({"ST-200"});
    StartProgram(kProgram, &program_);
    rep1_token_ = server_.Login("rep1@alpha.example");
    rep2_token_ = server_.Login("rep2@alpha.example");
    bravo_token_ = server_.Login("rep@bravo.example");
  }

  // Creates the program `text` describes (as the program admin), activates it and enrolls
  // Alpha and Bravo.
  void StartProgram(const char* text, Program* program) {
    *program = world_->ActiveProgram(text);
    for (const char* email : {"admin@alpha.example", "admin@bravo.example"}) {
      ASSERT_TRUE(world_->Enroll(server_.Login(email), program->id()).ok());
    }
  }

  // Submits a claim of `units` × 1,000 EUR of ST-200 as `token` and approves it: 100 points
  // per unit.
  int64_t Approve(const std::string& token, int units) {
    SubmitClaimRequest submit;
    submit.set_idempotency_key(absl::StrCat("recognition-", ++invoices_));
    Claim* c = submit.mutable_claim();
    c->set_program_id(program_.id());
    c->set_invoice_number(absl::StrCat("INV-", invoices_));
    c->set_invoice_date("2026-03-01");
    c->set_customer_name(absl::StrCat("Customer ", invoices_));
    c->set_customer_country("NL");
    c->set_currency_code("EUR");
    ClaimLine* line = c->add_lines();
    line->set_sku("ST-200");
    line->set_quantity(units);
    line->set_unit_price("1000");
    Claim claim;
    grpc::Status submitted = claims_->SubmitClaim(TestServer::Context(token).get(), submit, &claim);
    EXPECT_TRUE(submitted.ok()) << submitted.error_message();
    ReviewClaimRequest approve;
    approve.set_claim_id(claim.id());
    grpc::Status approved = claims_->ApproveClaim(
        TestServer::Context(server_.Login("cm@vendor.example")).get(), approve, &claim);
    EXPECT_TRUE(approved.ok()) << approved.error_message();
    return claim.id();
  }

  std::unique_ptr<ServerApp> StartReplica(
      const std::function<void(ServerOptions&)>& configure = {}) {
    return server_.StartReplica(configure);
  }
  static std::shared_ptr<grpc::Channel> ChannelTo(const ServerApp& app) {
    return TestServer::ChannelTo(app);
  }

  // An API key of a new LMS service account (lms@service.example).
  std::string LmsKey() {
    const User lms = server_.CreateUser("lms@service.example", ROLE_SERVICE_ACCOUNT);
    auto auth = AuthService::NewStub(server_.channel());
    IssueApiKeyRequest issue;
    issue.set_user_id(lms.id());
    issue.set_description("LMS completions");
    IssueApiKeyResponse key;
    EXPECT_TRUE(auth->IssueApiKey(TestServer::Context(admin_).get(), issue, &key).ok());
    return key.api_key();
  }

  Badge CreateBadge(const char* text) {
    CreateBadgeRequest request;
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, request.mutable_badge()));
    Badge badge;
    grpc::Status status =
        recognition_->CreateBadge(TestServer::Context(admin_).get(), request, &badge);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return badge;
  }

  Leaderboard CreateBoard(const char* text) {
    CreateLeaderboardRequest request;
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, request.mutable_leaderboard()));
    Leaderboard board;
    grpc::Status status =
        recognition_->CreateLeaderboard(TestServer::Context(admin_).get(), request, &board);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return board;
  }

  std::vector<BadgeStatus> Badges(const std::string& token, int64_t user_id = 0) {
    ListUserBadgesRequest request;
    request.set_user_id(user_id);
    ListUserBadgesResponse response;
    grpc::Status status =
        recognition_->ListUserBadges(TestServer::Context(token).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return {response.badges().begin(), response.badges().end()};
  }

  static int Earned(const std::vector<BadgeStatus>& badges) {
    int n = 0;
    for (const BadgeStatus& b : badges) n += b.earned() ? 1 : 0;
    return n;
  }

  GetLeaderboardResponse Board(const std::string& token, int64_t board_id,
                               const std::function<void(GetLeaderboardRequest&)>& edit = {}) {
    GetLeaderboardRequest request;
    request.set_leaderboard_id(board_id);
    if (edit) edit(request);
    GetLeaderboardResponse response;
    grpc::Status status =
        recognition_->GetLeaderboard(TestServer::Context(token).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  static std::vector<std::string> Names(
      const google::protobuf::RepeatedPtrField<LeaderboardRow>& rows) {
    std::vector<std::string> out;
    for (const LeaderboardRow& r : rows)
      out.push_back(absl::StrCat(r.display_name(), "=", r.score()));
    return out;
  }

  TestServer server_;
  std::optional<TestWorld> world_;  // after server_
  Partner alpha_, bravo_;
  User rep1_, rep2_, bravo_rep_;
  Program program_;
  std::string admin_, rep1_token_, rep2_token_, bravo_token_;
  std::unique_ptr<ProgramService::Stub> programs_;
  std::unique_ptr<ClaimService::Stub> claims_;
  std::unique_ptr<LedgerService::Stub> ledger_;
  std::unique_ptr<RecognitionService::Stub> recognition_;
  int invoices_ = 0;
};

}  // namespace cim

#endif  // CIM_TESTS_SERVER_RECOGNITION_RECOGNITION_FIXTURE_H_
