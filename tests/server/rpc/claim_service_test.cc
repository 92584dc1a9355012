// ClaimService and LedgerService through a real gRPC channel against a real server and
// MariaDB: submission, idempotency (also racing), duplicates and channel conflicts, the review
// workflow, approval postings, budget limits under concurrency, and proof attachments.
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/message_differencer.h>

#include <atomic>
#include <map>
#include <optional>
#include <thread>
#include <tuple>

#include "absl/strings/match.h"
#include "cim/v1/claim_service.grpc.pb.h"
#include "cim/v1/ledger_service.grpc.pb.h"
#include "cim/v1/program_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "lib/decimal.h"
#include "lib/sha256.h"
#include "server/claim/claim_rules.h"
#include "server/claim/mysql_claim_repository.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_server.h"
#include "tests/testing/test_world.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::cim::testing::TestServer;
using ::cim::testing::TestWorld;
using ::cim::testing::ViolatedFields;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;
using ::testing::StartsWith;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

constexpr char kRebateProgram[] = R"pb(
  name: "Storage Rebate 2026"
  currency_code: "EUR"
  budget: "100000"
  start_date: "2026-01-01"
  end_date: "2026-12-31"
  period: PROGRAM_PERIOD_QUARTER
  terms: "Terms"
  eligible_skus: [ "ST-100", "ST-200" ]
  rules {
    id: "rebate"
    name: "Volume rebate"
    rebate {
      mode: REBATE_MODE_RETROACTIVE
      tiers { min_volume: "0" percent: "2" }
      tiers { min_volume: "10000" percent: "3" }
    }
  }
  rules {
    id: "points"
    name: "Points"
    points { points_per_currency_unit: "0.1" }
  }
  rules {
    id: "coop"
    name: "Co-op"
    coop_accrual { percent: "1" }
  }
)pb";

constexpr char kSpifProgram[] = R"pb(
  name: "SPIF sprint"
  currency_code: "EUR"
  budget: "2550"
  start_date: "2026-01-01"
  end_date: "2026-06-30"
  period: PROGRAM_PERIOD_MONTH
  terms: "Terms"
  rules {
    id: "spif"
    name: "SPIF"
    spif {
      products { sku: "ST-200" amount_per_unit: "100" }
      start_date: "2026-01-01"
      end_date: "2026-06-30"
    }
  }
)pb";

class ClaimRpcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    alpha_ = server_.CreatePartner("Alpha Systems", PARTNER_TYPE_RESELLER);
    bravo_ = server_.CreatePartner("Bravo IT", PARTNER_TYPE_RESELLER);
    alpha_rep_user_ = server_.CreateUser("rep@alpha.example", ROLE_PARTNER_REP, alpha_.id());
    server_.CreateUser("admin@alpha.example", ROLE_PARTNER_ADMIN, alpha_.id());
    server_.CreateUser("admin@bravo.example", ROLE_PARTNER_ADMIN, bravo_.id());
    server_.CreateUser("pa@vendor.example", ROLE_PROGRAM_ADMIN);
    server_.CreateUser("cm@vendor.example", ROLE_CHANNEL_MANAGER);
    programs_ = ProgramService::NewStub(server_.channel());
    claims_ = ClaimService::NewStub(server_.channel());
    ledger_ = LedgerService::NewStub(server_.channel());
    admin_ = server_.Login("pa@vendor.example");
    manager_ = server_.Login("cm@vendor.example");
    alpha_rep_ = server_.Login("rep@alpha.example");
    alpha_admin_ = server_.Login("admin@alpha.example");
    bravo_admin_ = server_.Login("admin@bravo.example");
    world_.emplace(server_, admin_);
    world_->AddProducts({"ST-100", "ST-200", "XX-9"});
    program_ = world_->ActiveProgram(kRebateProgram);
    EXPECT_TRUE(world_->Enroll(alpha_admin_, program_.id()).ok());
    EXPECT_TRUE(world_->Enroll(bravo_admin_, program_.id()).ok());
  }

  // A claim of `quantity` × ST-100 at `price` on 2026-02-15.
  static SubmitClaimRequest SaleRequest(int64_t program_id, const std::string& invoice,
                                        const std::string& price = "1000", int64_t quantity = 1,
                                        const std::string& sku = "ST-100") {
    SubmitClaimRequest request;
    request.set_idempotency_key("idem-key-" + invoice);
    Claim* c = request.mutable_claim();
    c->set_program_id(program_id);
    c->set_invoice_number(invoice);
    c->set_invoice_date("2026-02-15");
    c->set_customer_name("Acme B.V.");
    c->set_customer_country("NL");
    c->set_currency_code("EUR");
    ClaimLine* line = c->add_lines();
    line->set_sku(sku);
    line->set_quantity(quantity);
    line->set_unit_price(price);
    return request;
  }

  grpc::Status Submit(const std::string& token, const SubmitClaimRequest& request, Claim* out) {
    return claims_->SubmitClaim(TestServer::Context(token).get(), request, out);
  }

  Claim MustSubmit(const std::string& token, const SubmitClaimRequest& request) {
    Claim claim;
    grpc::Status status = Submit(token, request, &claim);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return claim;
  }

  grpc::Status Review(ClaimAction action, int64_t claim_id, const std::string& comment, Claim* out,
                      const std::string& token = "") {
    ReviewClaimRequest request;
    request.set_claim_id(claim_id);
    request.set_comment(comment);
    auto context = TestServer::Context(token.empty() ? manager_ : token);
    switch (action) {
      case ClaimAction::kStartReview:
        return claims_->StartClaimReview(context.get(), request, out);
      case ClaimAction::kApprove:
        return claims_->ApproveClaim(context.get(), request, out);
      case ClaimAction::kReject:
        return claims_->RejectClaim(context.get(), request, out);
      default:
        return claims_->RequestClaimInfo(context.get(), request, out);
    }
  }

  Claim MustApprove(int64_t claim_id) {
    Claim claim;
    grpc::Status status = Review(ClaimAction::kApprove, claim_id, "", &claim);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return claim;
  }

  ListClaimsResponse ListAll(const std::string& token, ListClaimsRequest request = {}) {
    ListClaimsResponse response;
    EXPECT_TRUE(claims_->ListClaims(TestServer::Context(token).get(), request, &response).ok());
    return response;
  }

  Program GetProgram(int64_t id) {
    GetProgramRequest request;
    request.set_program_id(id);
    Program program;
    EXPECT_TRUE(programs_->GetProgram(TestServer::Context(admin_).get(), request, &program).ok());
    return program;
  }

  // "ACCOUNT kind rule amount" per reward.
  static std::vector<std::string> Rewards(const Claim& claim) {
    std::vector<std::string> out;
    for (const LedgerEntry& e : claim.rewards()) {
      out.push_back(absl::StrCat(LedgerEntryKind_Name(e.kind()), " ", e.rule_id(), " ", e.amount(),
                                 " ", e.unit()));
    }
    return out;
  }

  TestServer server_;
  std::optional<TestWorld> world_;  // after server_
  Partner alpha_, bravo_;
  User alpha_rep_user_;
  std::unique_ptr<ProgramService::Stub> programs_;
  std::unique_ptr<ClaimService::Stub> claims_;
  std::unique_ptr<LedgerService::Stub> ledger_;
  std::string admin_, manager_, alpha_rep_, alpha_admin_, bravo_admin_;
  Program program_;
};

TEST_F(ClaimRpcTest, SubmitStoresTheClaimWithItsTimeline) {
  SubmitClaimRequest request = SaleRequest(program_.id(), "INV-1001", "199.99", 3);
  request.mutable_claim()->set_notes("Q1 deal");
  const Claim claim = MustSubmit(alpha_rep_, request);
  EXPECT_EQ(claim.status(), CLAIM_STATUS_SUBMITTED);
  EXPECT_EQ(claim.partner_id(), alpha_.id());
  EXPECT_EQ(claim.submitted_by_user_id(), alpha_rep_user_.id());
  EXPECT_EQ(claim.total_amount(), "599.97");
  ASSERT_THAT(claim.lines(), SizeIs(1));
  EXPECT_EQ(claim.lines(0).amount(), "599.97");
  ASSERT_THAT(claim.timeline(), SizeIs(1));
  EXPECT_EQ(claim.timeline(0).to_status(), CLAIM_STATUS_SUBMITTED);
  EXPECT_EQ(claim.timeline(0).actor_name(), "Test rep");
  EXPECT_THAT(claim.flags(), IsEmpty());

  // Bravo does not see Alpha's claim.
  GetClaimRequest get;
  get.set_claim_id(claim.id());
  Claim seen;
  EXPECT_THAT(claims_->GetClaim(TestServer::Context(bravo_admin_).get(), get, &seen),
              StatusIs(grpc::StatusCode::NOT_FOUND));
  EXPECT_THAT(ListAll(bravo_admin_).claims(), IsEmpty());
  EXPECT_THAT(ListAll(alpha_admin_).claims(), SizeIs(1));
}

TEST_F(ClaimRpcTest, BadClaimsAreRefusedWithFieldDetailsAndWriteNothing) {
  SubmitClaimRequest request = SaleRequest(program_.id(), "INV-2001");
  Claim* c = request.mutable_claim();
  c->set_invoice_date("2026-03-03");  // tomorrow
  c->set_customer_country("XX");
  c->set_currency_code("USD");
  c->mutable_lines(0)->set_quantity(0);
  ClaimLine* other = c->add_lines();
  other->set_sku("XX-9");  // in the catalog, not in the program
  other->set_quantity(1);
  other->set_unit_price("20000");  // 20× list price
  ClaimLine* unknown = c->add_lines();
  unknown->set_sku("NOPE");
  unknown->set_quantity(1);
  unknown->set_unit_price("-5");
  Claim out;
  grpc::Status status = Submit(alpha_rep_, request, &out);
  EXPECT_THAT(status, StatusIs(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(
      ViolatedFields(status),
      ElementsAre("claim.invoice_date", "claim.customer_country", "claim.currency_code",
                  "claim.lines[0].quantity", "claim.lines[1].sku", "claim.lines[1].unit_price",
                  "claim.lines[2].sku", "claim.lines[2].unit_price"));

  // A caller who reads Dutch: the same field paths, the descriptions and a LocalizedMessage in
  // Dutch, the message itself in English.
  auto dutch = TestServer::Context(alpha_rep_);
  dutch->AddMetadata("accept-language", "nl-NL,nl;q=0.9");
  const grpc::Status in_dutch = claims_->SubmitClaim(dutch.get(), request, &out);
  EXPECT_EQ(in_dutch.error_message(), status.error_message());
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(in_dutch.error_details()));
  std::map<std::string, std::string> described;
  google::rpc::LocalizedMessage localized;
  for (const google::protobuf::Any& any : details.details()) {
    google::rpc::BadRequest bad;
    if (any.UnpackTo(&bad)) {
      for (const auto& v : bad.field_violations()) described[v.field()] = v.description();
    }
    any.UnpackTo(&localized);
  }
  EXPECT_EQ(described["claim.invoice_date"], "mag niet in de toekomst liggen");
  EXPECT_EQ(described["claim.lines[1].sku"], "SKU XX-9 telt niet mee in dit programma");
  EXPECT_EQ(described["claim.lines[2].sku"], "onbekende SKU \"NOPE\"");
  EXPECT_EQ(localized.locale(), "nl-NL");
  EXPECT_THAT(localized.message(), StartsWith("ongeldige aanvraag: claim.invoice_date: mag niet"));

  request.set_idempotency_key("short");
  EXPECT_THAT(ViolatedFields(Submit(alpha_rep_, request, &out)), ElementsAre("idempotency_key"));
  EXPECT_THAT(ListAll(admin_).claims(), IsEmpty());

  // Vendor users do not submit; partners must be enrolled; programs must be active.
  EXPECT_THAT(Submit(manager_, SaleRequest(program_.id(), "INV-2002"), &out),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  const Program spif = world_->ActiveProgram(kSpifProgram);
  EXPECT_THAT(Submit(alpha_rep_, SaleRequest(spif.id(), "INV-2003"), &out),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("not enrolled")));
}

TEST_F(ClaimRpcTest, IdempotentSubmissionAlsoWhenRetriesRace) {
  const SubmitClaimRequest request = SaleRequest(program_.id(), "INV-3001");
  constexpr int kClients = 16;
  std::vector<std::thread> threads;
  std::vector<int64_t> ids(kClients, -1);
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      Claim claim;
      if (Submit(alpha_rep_, request, &claim).ok()) ids[i] = claim.id();
    });
  }
  for (std::thread& t : threads) t.join();
  for (int64_t id : ids) EXPECT_EQ(id, ids[0]);
  EXPECT_GT(ids[0], 0);
  EXPECT_THAT(ListAll(admin_).claims(), SizeIs(1));

  SubmitClaimRequest changed = request;
  changed.mutable_claim()->mutable_lines(0)->set_quantity(2);
  Claim out;
  EXPECT_THAT(Submit(alpha_rep_, changed, &out),
              StatusIs(grpc::StatusCode::ALREADY_EXISTS, HasSubstr("different claim")));
  // A retry after the program was paused still returns the claim.
  ChangeProgramStatusRequest pause;
  pause.set_program_id(program_.id());
  Program paused;
  ASSERT_TRUE(programs_->PauseProgram(TestServer::Context(admin_).get(), pause, &paused).ok());
  ASSERT_TRUE(Submit(alpha_rep_, request, &out).ok());
  EXPECT_EQ(out.id(), ids[0]);
}

TEST_F(ClaimRpcTest, DuplicateInvoicesAndChannelConflicts) {
  const Claim first = MustSubmit(alpha_rep_, SaleRequest(program_.id(), "INV-4001"));
  SubmitClaimRequest again = SaleRequest(program_.id(), "inv 4001");  // same invoice key
  again.set_idempotency_key("another-key-1");
  Claim out;
  EXPECT_THAT(Submit(alpha_admin_, again, &out),
              StatusIs(grpc::StatusCode::ALREADY_EXISTS, HasSubstr("already claimed")));

  // Bravo claims the same invoice for the same customer: both are flagged.
  SubmitClaimRequest bravo_request = SaleRequest(program_.id(), "INV-4001");
  bravo_request.mutable_claim()->set_customer_name("ACME b.v.");
  const Claim bravo = MustSubmit(bravo_admin_, bravo_request);
  ASSERT_THAT(bravo.flags(), SizeIs(1));
  EXPECT_EQ(bravo.flags(0).flag(), CLAIM_FLAG_CHANNEL_CONFLICT);
  EXPECT_THAT(bravo.flags(0).related_claim_ids(), IsEmpty());  // partners learn no names
  EXPECT_THAT(bravo.flags(0).reason(), Not(HasSubstr("Alpha")));

  GetClaimRequest get;
  get.set_claim_id(first.id());
  Claim reviewed;
  ASSERT_TRUE(claims_->GetClaim(TestServer::Context(manager_).get(), get, &reviewed).ok());
  ASSERT_THAT(reviewed.flags(), SizeIs(1));
  EXPECT_THAT(reviewed.flags(0).related_claim_ids(), ElementsAre(bravo.id()));
  EXPECT_THAT(reviewed.flags(0).reason(),
              HasSubstr("invoice INV-4001 for ACME b.v. was also claimed by Bravo IT"));
  ListClaimsRequest flagged;
  flagged.set_flagged_only(true);
  EXPECT_THAT(ListAll(manager_, flagged).claims(), SizeIs(2));

  // A rejected claim frees its invoice number.
  ASSERT_TRUE(
      Review(ClaimAction::kReject, first.id(), "duplicate of the distributor's", &out).ok());
  ASSERT_TRUE(Submit(alpha_admin_, again, &out).ok());
}

TEST_F(ClaimRpcTest, SimultaneousClaimsOfOneDealAreBothFlagged) {
  for (int round = 0; round < 5; ++round) {
    const std::string invoice = absl::StrCat("RACE-", round);
    Claim alpha, bravo;
    std::thread a([&] { alpha = MustSubmit(alpha_rep_, SaleRequest(program_.id(), invoice)); });
    std::thread b([&] { bravo = MustSubmit(bravo_admin_, SaleRequest(program_.id(), invoice)); });
    a.join();
    b.join();
    for (int64_t id : {alpha.id(), bravo.id()}) {
      GetClaimRequest get;
      get.set_claim_id(id);
      Claim seen;
      ASSERT_TRUE(claims_->GetClaim(TestServer::Context(manager_).get(), get, &seen).ok());
      ASSERT_THAT(seen.flags(), SizeIs(1)) << "round " << round << " claim " << id;
      EXPECT_EQ(seen.flags(0).flag(), CLAIM_FLAG_CHANNEL_CONFLICT);
    }
  }
}

TEST_F(ClaimRpcTest, ReviewWorkflowWithResubmission) {
  const Claim claim = MustSubmit(alpha_rep_, SaleRequest(program_.id(), "INV-5001"));
  Claim out;
  EXPECT_THAT(Review(ClaimAction::kApprove, claim.id(), "", &out, alpha_admin_),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(Review(ClaimAction::kReject, claim.id(), "", &out),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("comment")));
  ASSERT_TRUE(Review(ClaimAction::kStartReview, claim.id(), "", &out).ok());
  EXPECT_EQ(out.status(), CLAIM_STATUS_IN_REVIEW);
  ASSERT_TRUE(Review(ClaimAction::kRequestInfo, claim.id(), "Attach the invoice PDF", &out).ok());
  EXPECT_EQ(out.status(), CLAIM_STATUS_NEEDS_INFO);
  EXPECT_THAT(Review(ClaimAction::kApprove, claim.id(), "", &out),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION,
                       HasSubstr("NEEDS_INFO claim cannot become APPROVED")));

  ResubmitClaimRequest resubmit;
  *resubmit.mutable_claim() = SaleRequest(program_.id(), "INV-5001", "1100").claim();
  resubmit.mutable_claim()->set_id(claim.id());
  resubmit.set_comment("Corrected the price");
  Claim resubmitted;
  ASSERT_TRUE(
      claims_->ResubmitClaim(TestServer::Context(alpha_rep_).get(), resubmit, &resubmitted).ok());
  EXPECT_EQ(resubmitted.status(), CLAIM_STATUS_SUBMITTED);
  EXPECT_EQ(resubmitted.total_amount(), "1100.00");
  ASSERT_THAT(resubmitted.flags(), SizeIs(1));
  EXPECT_EQ(resubmitted.flags(0).flag(), CLAIM_FLAG_RESUBMITTED);
  EXPECT_THAT(claims_->ResubmitClaim(TestServer::Context(alpha_rep_).get(), resubmit, &out),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION));

  const Claim approved = MustApprove(claim.id());
  EXPECT_EQ(approved.status(), CLAIM_STATUS_APPROVED);
  ASSERT_THAT(approved.timeline(), SizeIs(5));
  EXPECT_EQ(approved.timeline(2).comment(), "Attach the invoice PDF");
  EXPECT_EQ(approved.timeline(3).comment(), "Corrected the price");
  EXPECT_EQ(approved.timeline(4).actor_name(), "Test cm");
  EXPECT_THAT(Review(ClaimAction::kReject, claim.id(), "too late", &out),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION));
}

TEST_F(ClaimRpcTest, ApprovalPostsExplainedRewardsAndDrawsTheBudget) {
  const Claim first =
      MustApprove(MustSubmit(alpha_rep_, SaleRequest(program_.id(), "A-1", "6000")).id());
  EXPECT_THAT(Rewards(first), ElementsAre("LEDGER_ENTRY_KIND_REBATE rebate 120.00 EUR",
                                          "LEDGER_ENTRY_KIND_POINTS points 600 points",
                                          "LEDGER_ENTRY_KIND_COOP_ACCRUAL coop 60.00 EUR"));
  EXPECT_EQ(first.rewards(0).rules_version(), 1);
  EXPECT_EQ(first.rewards(0).period_start(), "2026-01-01");
  EXPECT_EQ(first.rewards(1).user_id(), alpha_rep_user_.id());
  EXPECT_THAT(first.rewards(0).basis(), HasSubstr("2% of €6,000 eligible sales"));

  // The second claim crosses into tier 2: a true-up re-rates the first claim's sales.
  const Claim second =
      MustApprove(MustSubmit(alpha_rep_, SaleRequest(program_.id(), "A-2", "5000")).id());
  EXPECT_THAT(Rewards(second), ElementsAre("LEDGER_ENTRY_KIND_REBATE rebate 150.00 EUR",
                                           "LEDGER_ENTRY_KIND_REBATE_TRUE_UP rebate 60.00 EUR",
                                           "LEDGER_ENTRY_KIND_POINTS points 500 points",
                                           "LEDGER_ENTRY_KIND_COOP_ACCRUAL coop 50.00 EUR"));
  EXPECT_THAT(second.rewards(1).basis(),
              HasSubstr("earlier period sales of €6,000 re-rated from 2% to 3%"));

  // Budget drawn: money rewards only (120 + 60 + 150 + 60 + 50).
  EXPECT_EQ(GetProgram(program_.id()).budget_drawn(), "440.00");

  GetBalanceRequest balance_request;
  GetBalanceResponse balances;
  ASSERT_TRUE(
      ledger_->GetBalance(TestServer::Context(alpha_admin_).get(), balance_request, &balances)
          .ok());
  ASSERT_THAT(balances.balances(), SizeIs(3));
  EXPECT_EQ(balances.balances(0).account(), LEDGER_ACCOUNT_PAYABLE);
  EXPECT_EQ(balances.balances(0).amount(), "330.00");
  EXPECT_EQ(balances.balances(1).account(), LEDGER_ACCOUNT_POINTS);
  EXPECT_EQ(balances.balances(1).amount(), "1100");
  EXPECT_EQ(balances.balances(2).account(), LEDGER_ACCOUNT_COOP_FUND);
  EXPECT_EQ(balances.balances(2).amount(), "110.00");

  ListLedgerEntriesRequest entries_request;
  entries_request.set_account(LEDGER_ACCOUNT_PAYABLE);
  ListLedgerEntriesResponse entries;
  ASSERT_TRUE(
      ledger_->ListLedgerEntries(TestServer::Context(alpha_rep_).get(), entries_request, &entries)
          .ok());
  ASSERT_THAT(entries.entries(), SizeIs(3));
  EXPECT_EQ(entries.entries(0).kind(), LEDGER_ENTRY_KIND_REBATE_TRUE_UP);  // newest first
  entries_request.set_partner_id(alpha_.id());
  EXPECT_THAT(ledger_->ListLedgerEntries(TestServer::Context(bravo_admin_).get(), entries_request,
                                         &entries),
              StatusIs(grpc::StatusCode::NOT_FOUND, HasSubstr("not found")));
}

TEST_F(ClaimRpcTest, PartnerProgressShowsTiersEarningsAndPendingRewards) {
  GetPartnerProgressRequest request;
  request.set_program_id(program_.id());
  PartnerProgress progress;
  MustApprove(MustSubmit(alpha_rep_, SaleRequest(program_.id(), "P-1", "6000")).id());
  ASSERT_TRUE(
      programs_->GetPartnerProgress(TestServer::Context(alpha_rep_).get(), request, &progress)
          .ok());
  EXPECT_EQ(progress.period_start(), "2026-01-01");
  EXPECT_EQ(progress.period_end(), "2026-03-31");
  ASSERT_THAT(progress.rules(), SizeIs(3));
  const RuleProgress& rebate = progress.rules(0);
  EXPECT_EQ(rebate.kind(), "rebate");
  EXPECT_EQ(rebate.period_volume(), "6000.00");
  EXPECT_EQ(rebate.current_tier(), 1);
  EXPECT_EQ(rebate.current_percent(), "2");
  EXPECT_EQ(rebate.next_tier_volume(), "10000.00");
  EXPECT_EQ(rebate.next_tier_percent(), "3");
  EXPECT_EQ(rebate.amount_to_next_tier(), "4000.00");

  // A claim awaiting review that would cross into tier 2: its estimate includes the true-up.
  MustSubmit(alpha_rep_, SaleRequest(program_.id(), "P-2", "5000"));
  ASSERT_TRUE(
      programs_->GetPartnerProgress(TestServer::Context(alpha_admin_).get(), request, &progress)
          .ok());
  EXPECT_EQ(progress.earned(), "180.00");  // rebate 120 + co-op 60
  EXPECT_EQ(progress.paid(), "0.00");
  EXPECT_EQ(progress.points(), "600");
  EXPECT_EQ(progress.pending_claims(), 1);
  EXPECT_EQ(progress.pending_sales(), "5000.00");
  EXPECT_EQ(progress.pending_rewards(), "260.00");  // 150 + true-up 60 + co-op 50
  EXPECT_EQ(progress.budget_remaining(), "99820.00");

  request.set_partner_id(bravo_.id());
  EXPECT_THAT(
      programs_->GetPartnerProgress(TestServer::Context(alpha_rep_).get(), request, &progress),
      StatusIs(grpc::StatusCode::NOT_FOUND, HasSubstr("not found")));
  ASSERT_TRUE(
      programs_->GetPartnerProgress(TestServer::Context(manager_).get(), request, &progress).ok());
  EXPECT_EQ(progress.rules(0).period_volume(), "0.00");
}

TEST_F(ClaimRpcTest, CorrectionsAreReversalEntriesThatGiveTheBudgetBack) {
  const Claim claim =
      MustApprove(MustSubmit(alpha_rep_, SaleRequest(program_.id(), "R-1", "6000")).id());
  ASSERT_EQ(GetProgram(program_.id()).budget_drawn(), "180.00");
  ReverseLedgerEntryRequest reverse;
  reverse.set_entry_id(claim.rewards(0).id());  // the 120.00 rebate
  reverse.set_reason("Customer returned the array");
  LedgerEntry reversal;
  EXPECT_THAT(
      ledger_->ReverseLedgerEntry(TestServer::Context(alpha_admin_).get(), reverse, &reversal),
      StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  ASSERT_TRUE(
      ledger_->ReverseLedgerEntry(TestServer::Context(admin_).get(), reverse, &reversal).ok());
  EXPECT_EQ(reversal.kind(), LEDGER_ENTRY_KIND_REVERSAL);
  EXPECT_EQ(reversal.amount(), "-120.00");
  EXPECT_EQ(reversal.reverses_entry_id(), claim.rewards(0).id());
  EXPECT_EQ(reversal.claim_id(), claim.id());
  EXPECT_THAT(reversal.basis(), HasSubstr("Customer returned the array"));
  EXPECT_EQ(GetProgram(program_.id()).budget_drawn(), "60.00");
  EXPECT_THAT(ledger_->ReverseLedgerEntry(TestServer::Context(admin_).get(), reverse, &reversal),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("already reversed")));
  reverse.set_entry_id(reversal.id());
  EXPECT_THAT(ledger_->ReverseLedgerEntry(TestServer::Context(admin_).get(), reverse, &reversal),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION));
  reverse.clear_reason();
  EXPECT_THAT(ViolatedFields(ledger_->ReverseLedgerEntry(TestServer::Context(admin_).get(), reverse,
                                                         &reversal)),
              ElementsAre("reason"));
  GetBalanceRequest balance_request;
  GetBalanceResponse balances;
  ASSERT_TRUE(
      ledger_->GetBalance(TestServer::Context(alpha_admin_).get(), balance_request, &balances)
          .ok());
  EXPECT_EQ(balances.balances(0).amount(), "0.00");  // payable: 120 − 120
}

TEST_F(ClaimRpcTest, ConcurrentApprovalsNeverOverspendTheBudget) {
  const Program spif = world_->ActiveProgram(kSpifProgram);  // 100 per unit; budget 2550
  EXPECT_TRUE(world_->Enroll(alpha_admin_, spif.id()).ok());
  constexpr int kClaims = 64;
  std::vector<int64_t> ids;
  for (int i = 0; i < kClaims; ++i) {
    ids.push_back(
        MustSubmit(alpha_rep_, SaleRequest(spif.id(), absl::StrCat("S-", i), "900", 1, "ST-200"))
            .id());
  }
  std::atomic<int> approved = 0, refused = 0, other = 0;
  std::vector<std::thread> threads;
  for (int64_t id : ids) {
    threads.emplace_back([&, id] {
      Claim out;
      grpc::Status status = Review(ClaimAction::kApprove, id, "", &out);
      if (status.ok()) {
        ++approved;
      } else if (status.error_code() == grpc::StatusCode::FAILED_PRECONDITION &&
                 absl::StrContains(status.error_message(), "budget")) {
        ++refused;
      } else {
        ++other;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(approved, 25);
  EXPECT_EQ(refused, kClaims - 25);
  EXPECT_EQ(other, 0);
  const Program after = GetProgram(spif.id());
  EXPECT_EQ(after.budget_drawn(), "2500.00");
  EXPECT_EQ(after.budget_remaining(), "50.00");

  // The ledger agrees with the budget to the cent.
  GetBalanceRequest request;
  request.set_partner_id(alpha_.id());
  request.set_program_id(spif.id());
  GetBalanceResponse balances;
  ASSERT_TRUE(ledger_->GetBalance(TestServer::Context(admin_).get(), request, &balances).ok());
  ASSERT_THAT(balances.balances(), SizeIs(1));
  EXPECT_EQ(balances.balances(0).amount(), "2500.00");
  // Refused approvals left their claims untouched.
  ListClaimsRequest submitted;
  submitted.set_program_id(spif.id());
  submitted.set_status(CLAIM_STATUS_SUBMITTED);
  submitted.set_page_size(100);
  EXPECT_THAT(ListAll(manager_, submitted).claims(), SizeIs(kClaims - 25));
}

// Concurrent submissions and approvals are stored in batches; each claim must come out exactly
// as if they had been handled one after the other.
TEST_F(ClaimRpcTest, ConcurrentClaimsAreRatedAsIfOneAfterTheOther) {
  constexpr int kAlpha = 12, kBravo = 8;  // 1000 EUR each: alpha crosses the 10000 tier
  std::vector<Claim> submitted(kAlpha + kBravo);
  std::vector<std::thread> threads;
  for (int i = 0; i < kAlpha + kBravo; ++i) {
    threads.emplace_back([&, i] {
      submitted[i] = MustSubmit(i < kAlpha ? alpha_rep_ : bravo_admin_,
                                SaleRequest(program_.id(), absl::StrCat("C-", i)));
    });
  }
  for (std::thread& t : threads) t.join();
  threads.clear();
  for (int i = 0; i < kAlpha + kBravo; ++i) {
    ASSERT_GT(submitted[i].id(), 0) << i;
    EXPECT_EQ(submitted[i].invoice_number(), absl::StrCat("C-", i));
    EXPECT_EQ(submitted[i].partner_id(), i < kAlpha ? alpha_.id() : bravo_.id());
    EXPECT_EQ(submitted[i].total_amount(), "1000.00");
    GetClaimRequest get;
    get.set_claim_id(submitted[i].id());
    Claim stored;
    ASSERT_TRUE(claims_->GetClaim(TestServer::Context(manager_).get(), get, &stored).ok());
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(stored, submitted[i]))
        << "submission response differs from the stored claim " << i;
  }

  std::vector<Claim> approved(kAlpha + kBravo);
  for (int i = 0; i < kAlpha + kBravo; ++i) {
    threads.emplace_back([&, i] { approved[i] = MustApprove(submitted[i].id()); });
  }
  for (std::thread& t : threads) t.join();
  for (int i = 0; i < kAlpha + kBravo; ++i) {
    EXPECT_EQ(approved[i].status(), CLAIM_STATUS_APPROVED);
    GetClaimRequest get;
    get.set_claim_id(submitted[i].id());
    Claim stored;
    ASSERT_TRUE(claims_->GetClaim(TestServer::Context(manager_).get(), get, &stored).ok());
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(stored, approved[i]))
        << "approval response differs from the stored claim " << i << ":\n"
        << stored.DebugString() << "\n"
        << approved[i].DebugString();
  }

  // Alpha's 12000 EUR earn 3% on all of it (true-ups included), Bravo's 8000 EUR 2%.
  for (const auto& [partner, rebate, points, coop] :
       {std::tuple{alpha_.id(), "360.00", "1200", "120.00"},
        std::tuple{bravo_.id(), "160.00", "800", "80.00"}}) {
    GetBalanceRequest request;
    request.set_partner_id(partner);
    request.set_program_id(program_.id());
    GetBalanceResponse balances;
    ASSERT_TRUE(ledger_->GetBalance(TestServer::Context(admin_).get(), request, &balances).ok());
    ASSERT_THAT(balances.balances(), SizeIs(3));
    EXPECT_EQ(balances.balances(0).amount(), rebate) << partner;
    EXPECT_EQ(balances.balances(1).amount(), points) << partner;
    EXPECT_EQ(balances.balances(2).amount(), coop) << partner;
  }
  EXPECT_EQ(GetProgram(program_.id()).budget_drawn(), "720.00");
}

// The repository's batch of decisions, driven directly so that the jobs surely share one batch.
TEST_F(ClaimRpcTest, ABatchOfDecisionsActsAsIfTakenOneAfterTheOther) {
  const int64_t first = MustSubmit(alpha_rep_, SaleRequest(program_.id(), "B-1", "6000")).id();
  const int64_t second = MustSubmit(alpha_rep_, SaleRequest(program_.id(), "B-2", "5000")).id();
  const int64_t third = MustSubmit(alpha_rep_, SaleRequest(program_.id(), "B-3", "1000")).id();
  MysqlClaimRepository repository(server_.app().database());
  const absl::CivilDay quarter(2026, 1, 1);
  // Approves with the claim's total as rebate volume after checking the volume it sees.
  const auto approve = [&](const std::string& expected_volume, const Decimal& budget_draw) {
    return [=](const Claim& claim, const Program&,
               DecisionContext& context) -> absl::StatusOr<ClaimDecision> {
      CIM_ASSIGN_OR_RETURN(auto totals, context.LockTotals({"rebate"}, quarter));
      EXPECT_EQ(totals["rebate"].volume.ToString(2), expected_volume) << claim.invoice_number();
      if (claim.status() != CLAIM_STATUS_SUBMITTED) {
        return absl::FailedPreconditionError("already decided");
      }
      return ClaimDecision{
          .to = CLAIM_STATUS_APPROVED,
          .assign_reviewer = true,
          .totals = {TotalsChange{.rule_id = "rebate",
                                  .period_start = quarter,
                                  .volume = *Decimal::Parse(claim.total_amount())}},
          .budget_draw = budget_draw};
    };
  };
  const int64_t reviewer = server_.app().users().GetByEmail("cm@vendor.example")->user.id();
  const absl::Time now = server_.clock().Now();
  std::vector<DecideJob> jobs = {
      {.claim_id = first, .actor = reviewer, .now = now, .decide = approve("0.00", Decimal())},
      // Sees the first job's volume; cannot be covered, so writes nothing.
      {.claim_id = second,
       .actor = reviewer,
       .now = now,
       .decide = approve("6000.00", *Decimal::Parse("1000000"))},
      // Sees the first job's approval.
      {.claim_id = first, .actor = reviewer, .now = now, .decide = approve("6000.00", Decimal())},
      {.claim_id = third, .actor = reviewer, .now = now, .decide = approve("6000.00", Decimal())},
      {.claim_id = 999999, .actor = reviewer, .now = now, .decide = approve("0.00", Decimal())},
  };
  std::vector<absl::StatusOr<Claim>> results = repository.DecideMany(jobs);
  ASSERT_THAT(results, SizeIs(5));
  ASSERT_TRUE(results[0].ok()) << results[0].status();
  EXPECT_EQ(results[0]->status(), CLAIM_STATUS_APPROVED);
  EXPECT_EQ(results[0]->etag(), "2");
  EXPECT_THAT(results[1], StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("budget")));
  EXPECT_THAT(results[2], StatusIs(absl::StatusCode::kFailedPrecondition, "already decided"));
  ASSERT_TRUE(results[3].ok()) << results[3].status();
  EXPECT_THAT(results[4], StatusIs(absl::StatusCode::kNotFound));

  GetClaimRequest get;
  get.set_claim_id(second);
  Claim untouched;
  ASSERT_TRUE(claims_->GetClaim(TestServer::Context(manager_).get(), get, &untouched).ok());
  EXPECT_EQ(untouched.status(), CLAIM_STATUS_SUBMITTED);
  EXPECT_EQ(untouched.etag(), "1");
  auto totals = repository.PeriodTotals(program_.id(), alpha_.id(), quarter);
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ((*totals)["rebate"].volume.ToString(2), "7000.00");
}

// A batch of submissions that cannot be stored together is stored one claim at a time, so only
// the claim at fault fails.
TEST_F(ClaimRpcTest, ABatchOfSubmissionsFailsOnlyTheClaimAtFault) {
  MustSubmit(alpha_rep_, SaleRequest(program_.id(), "D-1"));
  const auto claim = [&](const std::string& invoice, const std::string& key) {
    NewClaim in{.idempotency_key = key, .request_hash = key, .now = server_.clock().Now()};
    Claim& c = in.claim;
    c.set_program_id(program_.id());
    c.set_partner_id(alpha_.id());
    c.set_submitted_by_user_id(alpha_rep_user_.id());
    c.set_invoice_number(invoice);
    c.set_invoice_date("2026-02-15");
    c.set_customer_name("Acme B.V.");
    c.set_customer_country("NL");
    c.set_currency_code("EUR");
    c.set_total_amount("1000.00");
    ClaimLine* line = c.add_lines();
    line->set_sku("ST-100");
    line->set_quantity(1);
    line->set_unit_price("1000.00");
    line->set_amount("1000.00");
    in.invoice_key = InvoiceKey(invoice);
    in.customer_key = CustomerKey(c.customer_name());
    return in;
  };
  MysqlClaimRepository repository(server_.app().database());
  std::vector<absl::StatusOr<InsertOutcome>> results = repository.InsertMany(
      {claim("D-2", "batch-key-1"), claim("D-1", "batch-key-2"), claim("D-3", "batch-key-3")});
  ASSERT_THAT(results, SizeIs(3));
  ASSERT_TRUE(results[0].ok()) << results[0].status();
  EXPECT_FALSE(results[0]->replayed);
  EXPECT_THAT(results[1], StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("D-1")));
  ASSERT_TRUE(results[2].ok()) << results[2].status();
  EXPECT_EQ(results[2]->claim->invoice_number(), "D-3");
  // The same key twice in one batch: the first stores the claim, the second replays it.
  results = repository.InsertMany({claim("D-4", "batch-key-4"), claim("D-4", "batch-key-4")});
  ASSERT_TRUE(results[0].ok() && results[1].ok());
  EXPECT_FALSE(results[0]->replayed);
  EXPECT_TRUE(results[1]->replayed);
  EXPECT_EQ(results[1]->claim_id, results[0]->claim_id);
}

TEST_F(ClaimRpcTest, ProofAttachmentsAreSniffedStoredAndStreamedBack) {
  // A "PDF" with NUL bytes and a size above one chunk.
  std::string pdf = "%PDF-1.7\n";
  for (int i = 0; pdf.size() < (1 << 20) + 4321; ++i) pdf.push_back(static_cast<char>(i % 256));
  const auto upload = [&](const std::string& token, const std::string& name,
                          const std::string& bytes, Attachment* out) {
    auto context = TestServer::Context(token);
    auto writer = claims_->UploadAttachment(context.get(), out);
    UploadAttachmentRequest message;
    message.mutable_metadata()->set_filename(name);
    writer->Write(message);
    for (size_t offset = 0; offset < bytes.size(); offset += 512 * 1024) {
      message.set_chunk(bytes.substr(offset, 512 * 1024));
      if (!writer->Write(message)) break;
    }
    writer->WritesDone();
    return writer->Finish();
  };
  Attachment stored;
  ASSERT_TRUE(upload(alpha_rep_, "invoice.pdf", pdf, &stored).ok());
  EXPECT_EQ(stored.content_type(), "application/pdf");
  EXPECT_EQ(stored.size_bytes(), static_cast<int64_t>(pdf.size()));
  EXPECT_EQ(stored.sha256(), Sha256Hex(pdf));

  Attachment refused;
  EXPECT_THAT(upload(alpha_rep_, "invoice.exe", "MZ\x90\x00 not a pdf", &refused),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("PDF, PNG and JPEG")));
  EXPECT_THAT(upload(alpha_rep_, "huge.pdf", "%PDF-" + std::string(10 << 20, 'x'), &refused),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("larger than 10 MiB")));

  // Another partner can neither attach nor download it.
  SubmitClaimRequest bravo_request = SaleRequest(program_.id(), "B-1");
  bravo_request.mutable_claim()->add_attachment_ids(stored.id());
  Claim out;
  EXPECT_THAT(ViolatedFields(Submit(bravo_admin_, bravo_request, &out)),
              ElementsAre("claim.attachment_ids[0]"));
  DownloadAttachmentRequest download;
  download.set_attachment_id(stored.id());
  {
    auto context = TestServer::Context(bravo_admin_);
    auto reader = claims_->DownloadAttachment(context.get(), download);
    DownloadAttachmentResponse message;
    while (reader->Read(&message)) {
    }
    EXPECT_THAT(reader->Finish(), StatusIs(grpc::StatusCode::NOT_FOUND));
  }

  SubmitClaimRequest request = SaleRequest(program_.id(), "A-9");
  request.mutable_claim()->add_attachment_ids(stored.id());
  const Claim claim = MustSubmit(alpha_rep_, request);
  ASSERT_THAT(claim.attachments(), SizeIs(1));
  EXPECT_EQ(claim.attachments(0).claim_id(), claim.id());

  // The reviewer downloads exactly the bytes uploaded.
  auto context = TestServer::Context(manager_);
  auto reader = claims_->DownloadAttachment(context.get(), download);
  DownloadAttachmentResponse message;
  std::string bytes;
  Attachment metadata;
  while (reader->Read(&message)) {
    if (message.has_metadata()) metadata = message.metadata();
    bytes += message.chunk();
  }
  ASSERT_TRUE(reader->Finish().ok());
  EXPECT_EQ(metadata.filename(), "invoice.pdf");
  EXPECT_EQ(bytes.size(), pdf.size());
  EXPECT_EQ(Sha256Hex(bytes), Sha256Hex(pdf));
}

TEST_F(ClaimRpcTest, WatchClaimEventsStreamsEachPartnerOnlyItsOwnClaimsAndResumes) {
  grpc::ClientContext alpha_context, bravo_context;
  alpha_context.AddMetadata("authorization", "Bearer " + alpha_rep_);
  bravo_context.AddMetadata("authorization", "Bearer " + bravo_admin_);
  for (grpc::ClientContext* c : {&alpha_context, &bravo_context}) {
    c->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  }
  auto alpha_watch = claims_->WatchClaimEvents(&alpha_context, WatchClaimEventsRequest());
  auto bravo_watch = claims_->WatchClaimEvents(&bravo_context, WatchClaimEventsRequest());
  // Both streams have read the newest event id before the claims below exist.
  absl::SleepFor(absl::Seconds(1));

  const Claim alpha_claim = MustSubmit(alpha_rep_, SaleRequest(program_.id(), "INV-W-1"));
  const Claim bravo_claim = MustSubmit(bravo_admin_, SaleRequest(program_.id(), "INV-W-2"));
  Claim reviewed;
  ASSERT_TRUE(Review(ClaimAction::kStartReview, alpha_claim.id(), "", &reviewed).ok());

  ClaimEventNotice first, second, bravo_first;
  ASSERT_TRUE(alpha_watch->Read(&first));
  EXPECT_EQ(first.claim_id(), alpha_claim.id());
  EXPECT_EQ(first.partner_id(), alpha_.id());
  EXPECT_EQ(first.program_id(), program_.id());
  EXPECT_EQ(first.event().to_status(), CLAIM_STATUS_SUBMITTED);
  EXPECT_EQ(first.event().actor_user_id(), alpha_rep_user_.id());
  ASSERT_TRUE(alpha_watch->Read(&second));
  EXPECT_EQ(second.claim_id(), alpha_claim.id());
  EXPECT_EQ(second.event().from_status(), CLAIM_STATUS_SUBMITTED);
  EXPECT_EQ(second.event().to_status(), CLAIM_STATUS_IN_REVIEW);
  EXPECT_GT(second.event_id(), first.event_id());
  // Resuming from resume_after misses nothing. When no id below the event is missing (one
  // database: consecutive ids) that is the event itself; on a Galera cluster ids step by the
  // cluster size, and the gaps settle after the cursor's horizon.
  EXPECT_LE(second.resume_after(), second.event_id());
  if (second.event_id() == first.event_id() + 1) {
    EXPECT_EQ(second.resume_after(), second.event_id());
  }
  // Bravo's first event is its own claim's, never Alpha's.
  ASSERT_TRUE(bravo_watch->Read(&bravo_first));
  EXPECT_EQ(bravo_first.claim_id(), bravo_claim.id());
  alpha_context.TryCancel();
  bravo_context.TryCancel();

  // Resuming after the first event replays the second, and nothing of Bravo's.
  grpc::ClientContext resume_context;
  resume_context.AddMetadata("authorization", "Bearer " + alpha_rep_);
  WatchClaimEventsRequest resume;
  resume.set_after_event_id(first.resume_after());
  auto resumed = claims_->WatchClaimEvents(&resume_context, resume);
  // Events after the resume point come again in order, up to the second (on a cluster the
  // first may come again too: its resume point can lie below it).
  ClaimEventNotice replayed;
  do {
    ASSERT_TRUE(resumed->Read(&replayed));
    EXPECT_EQ(replayed.partner_id(), alpha_.id());
    EXPECT_LE(replayed.event_id(), second.event_id());
  } while (replayed.event_id() != second.event_id());
  resume_context.TryCancel();
}

TEST_F(ClaimRpcTest, WatchClaimEventsRefusesBadRequestsAndStrangers) {
  grpc::ClientContext bad_context;
  bad_context.AddMetadata("authorization", "Bearer " + alpha_rep_);
  WatchClaimEventsRequest bad;
  bad.set_after_event_id(-1);
  bad.set_program_id(-2);
  auto stream = claims_->WatchClaimEvents(&bad_context, bad);
  ClaimEventNotice notice;
  EXPECT_FALSE(stream->Read(&notice));
  grpc::Status status = stream->Finish();
  EXPECT_THAT(status, StatusIs(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(status), ElementsAre("after_event_id", "program_id"));

  grpc::ClientContext anonymous;
  auto refused = claims_->WatchClaimEvents(&anonymous, WatchClaimEventsRequest());
  EXPECT_FALSE(refused->Read(&notice));
  EXPECT_THAT(refused->Finish(), StatusIs(grpc::StatusCode::UNAUTHENTICATED));
}

}  // namespace
}  // namespace cim
