// FundService through a real gRPC channel against a real server and MariaDB: MDF allocation on
// enrollment, co-op accrual from approvals, requests reserving amounts (also concurrently),
// reimbursement against proof, cancellation and rejection.
#include <google/protobuf/text_format.h>

#include <atomic>
#include <optional>
#include <thread>

#include "cim/v1/claim_service.grpc.pb.h"
#include "cim/v1/fund_service.grpc.pb.h"
#include "cim/v1/ledger_service.grpc.pb.h"
#include "cim/v1/program_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/fund/fund_workflow.h"
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
using ::testing::SizeIs;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

constexpr char kProgram[] = R"pb(
  name: "Marketing funds 2026"
  currency_code: "EUR"
  budget: "100000"
  start_date: "2026-01-01"
  end_date: "2026-12-31"
  period: PROGRAM_PERIOD_QUARTER
  terms: "Terms"
  rules {
    id: "coop"
    name: "Co-op"
    coop_accrual { percent: "2" }
  }
  rules {
    id: "mdf"
    name: "MDF"
    mdf_allocation {
      amount_per_partner: "2000"
      tier_amounts { tier: "gold" amount: "5000" }
    }
  }
)pb";

constexpr char kMdfOnlyProgram[] = R"pb(
  name: "MDF only"
  currency_code: "EUR"
  budget: "100000"
  start_date: "2026-01-01"
  end_date: "2026-12-31"
  period: PROGRAM_PERIOD_QUARTER
  terms: "Terms"
  rules {
    id: "mdf"
    name: "MDF"
    mdf_allocation { amount_per_partner: "1000" }
  }
)pb";

class FundRpcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    alpha_ = server_.CreatePartner("Alpha Systems", PARTNER_TYPE_RESELLER);
    server_.CreateUser("admin@alpha.example", ROLE_PARTNER_ADMIN, alpha_.id());
    server_.CreateUser("pa@vendor.example", ROLE_PROGRAM_ADMIN);
    server_.CreateUser("cm@vendor.example", ROLE_CHANNEL_MANAGER);
    programs_ = ProgramService::NewStub(server_.channel());
    claims_ = ClaimService::NewStub(server_.channel());
    funds_ = FundService::NewStub(server_.channel());
    admin_ = server_.Login("pa@vendor.example");
    manager_ = server_.Login("cm@vendor.example");
    alpha_admin_ = server_.Login("admin@alpha.example");
    world_.emplace(server_, admin_);
    world_->AddProducts({"ST-100"});
    program_ = world_->ActiveProgram(kProgram);
  }

  FundBalance Fund(LedgerAccount fund) {
    ListFundsRequest request;
    request.set_program_id(program_.id());
    ListFundsResponse response;
    EXPECT_TRUE(
        funds_->ListFunds(TestServer::Context(alpha_admin_).get(), request, &response).ok());
    for (const FundBalance& f : response.funds()) {
      if (f.fund() == fund) return f;
    }
    return FundBalance();
  }

  FundRequest Request(const std::string& planned, LedgerAccount fund = LEDGER_ACCOUNT_MDF_FUND) {
    CreateFundRequestRequest request;
    FundRequest* r = request.mutable_request();
    r->set_program_id(program_.id());
    r->set_fund(fund);
    r->set_activity("Storage roadshow");
    r->set_planned_cost(planned);
    r->set_start_date("2026-04-01");
    r->set_end_date("2026-04-03");
    FundRequest out;
    grpc::Status status =
        funds_->CreateFundRequest(TestServer::Context(alpha_admin_).get(), request, &out);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return out;
  }

  grpc::Status Decide(FundAction action, int64_t id, FundRequest* out,
                      const std::string& amount = "", const std::string& comment = "",
                      const std::string& token = "") {
    DecideFundRequestRequest request;
    request.set_fund_request_id(id);
    request.set_amount(amount);
    request.set_comment(comment);
    auto context = TestServer::Context(token.empty() ? manager_ : token);
    switch (action) {
      case FundAction::kApprove:
        return funds_->ApproveFundRequest(context.get(), request, out);
      case FundAction::kReject:
        return funds_->RejectFundRequest(context.get(), request, out);
      case FundAction::kCancel:
        return funds_->CancelFundRequest(context.get(), request, out);
      case FundAction::kApproveReimbursement:
        return funds_->ApproveReimbursement(context.get(), request, out);
      default:
        return funds_->RejectReimbursement(context.get(), request, out);
    }
  }

  int64_t UploadProof() {
    auto context = TestServer::Context(alpha_admin_);
    Attachment out;
    auto writer = claims_->UploadAttachment(context.get(), &out);
    UploadAttachmentRequest message;
    message.mutable_metadata()->set_filename("roadshow-photo.png");
    writer->Write(message);
    message.set_chunk(std::string("\x89PNG\r\n\x1a\n", 8) + std::string(2000, '\x01'));
    writer->Write(message);
    writer->WritesDone();
    EXPECT_TRUE(writer->Finish().ok());
    return out.id();
  }

  TestServer server_;
  std::optional<TestWorld> world_;  // after server_
  Partner alpha_;
  std::unique_ptr<ProgramService::Stub> programs_;
  std::unique_ptr<ClaimService::Stub> claims_;
  std::unique_ptr<FundService::Stub> funds_;
  std::string admin_, manager_, alpha_admin_;
  Program program_;
};

TEST_F(FundRpcTest, EnrollmentAllocatesMdfAndApprovalsAccrueCoop) {
  ASSERT_TRUE(world_->Enroll(alpha_admin_, program_.id()).ok());
  FundBalance mdf = Fund(LEDGER_ACCOUNT_MDF_FUND);
  EXPECT_EQ(mdf.credited(), "2000.00");
  EXPECT_EQ(mdf.available(), "2000.00");
  GetProgramRequest get;
  get.set_program_id(program_.id());
  Program program;
  ASSERT_TRUE(programs_->GetProgram(TestServer::Context(admin_).get(), get, &program).ok());
  EXPECT_EQ(program.budget_drawn(), "2000.00");

  SubmitClaimRequest submit;
  submit.set_idempotency_key("fund-test-claim-1");
  Claim* c = submit.mutable_claim();
  c->set_program_id(program_.id());
  c->set_invoice_number("INV-1");
  c->set_invoice_date("2026-02-01");
  c->set_customer_name("Acme");
  c->set_customer_country("NL");
  c->set_currency_code("EUR");
  ClaimLine* line = c->add_lines();
  line->set_sku("ST-100");
  line->set_quantity(10);
  line->set_unit_price("1000");
  Claim claim;
  ASSERT_TRUE(claims_->SubmitClaim(TestServer::Context(alpha_admin_).get(), submit, &claim).ok());
  ReviewClaimRequest approve;
  approve.set_claim_id(claim.id());
  ASSERT_TRUE(claims_->ApproveClaim(TestServer::Context(manager_).get(), approve, &claim).ok());
  EXPECT_EQ(Fund(LEDGER_ACCOUNT_COOP_FUND).available(), "200.00");

  // A budget that cannot cover the allocation refuses the enrollment and writes nothing.
  const Program small = world_->ActiveProgram(kProgram, "1500");
  EXPECT_THAT(world_->Enroll(alpha_admin_, small.id()),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("budget")));
  EXPECT_THAT(world_->Enroll(alpha_admin_, small.id()),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION));
}

TEST_F(FundRpcTest, PreApprovalReservesAndReimbursementMovesTheMoney) {
  ASSERT_TRUE(world_->Enroll(alpha_admin_, program_.id()).ok());
  const FundRequest first = Request("1500");
  EXPECT_EQ(first.status(), FUND_REQUEST_STATUS_SUBMITTED);
  FundRequest out;
  EXPECT_THAT(Decide(FundAction::kApprove, first.id(), &out, "", "", alpha_admin_),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(Decide(FundAction::kApprove, first.id(), &out, "1600"),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("at most 1,500")));
  ASSERT_TRUE(Decide(FundAction::kApprove, first.id(), &out, "1200").ok());
  EXPECT_EQ(out.status(), FUND_REQUEST_STATUS_APPROVED);
  EXPECT_EQ(out.approved_amount(), "1200.00");
  EXPECT_EQ(Fund(LEDGER_ACCOUNT_MDF_FUND).reserved(), "1200.00");
  EXPECT_EQ(Fund(LEDGER_ACCOUNT_MDF_FUND).available(), "800.00");

  const FundRequest second = Request("1000");
  EXPECT_THAT(Decide(FundAction::kApprove, second.id(), &out),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION,
                       HasSubstr("the MDF fund has €800 available; it cannot reserve €1,000")));
  ASSERT_TRUE(Decide(FundAction::kCancel, second.id(), &out, "", "", alpha_admin_).ok());
  EXPECT_EQ(out.status(), FUND_REQUEST_STATUS_CANCELLED);

  // Proof is required; the reimbursement is capped at the pre-approved amount.
  SubmitReimbursementRequest claim;
  claim.set_fund_request_id(first.id());
  claim.set_actual_cost("1500");
  EXPECT_THAT(ViolatedFields(funds_->SubmitReimbursement(TestServer::Context(alpha_admin_).get(),
                                                         claim, &out)),
              ElementsAre("attachment_ids"));
  claim.add_attachment_ids(UploadProof());
  claim.set_notes("Photos of the booth");
  ASSERT_TRUE(
      funds_->SubmitReimbursement(TestServer::Context(alpha_admin_).get(), claim, &out).ok());
  EXPECT_EQ(out.status(), FUND_REQUEST_STATUS_CLAIMED);
  ASSERT_THAT(out.proof(), SizeIs(1));
  EXPECT_THAT(Decide(FundAction::kRejectReimbursement, first.id(), &out),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("comment")));
  ASSERT_TRUE(Decide(FundAction::kApproveReimbursement, first.id(), &out).ok());
  EXPECT_EQ(out.status(), FUND_REQUEST_STATUS_REIMBURSED);
  EXPECT_EQ(out.reimbursed_amount(), "1200.00");
  ASSERT_THAT(out.entries(), SizeIs(2));
  EXPECT_EQ(out.entries(0).account(), LEDGER_ACCOUNT_MDF_FUND);
  EXPECT_EQ(out.entries(0).amount(), "-1200.00");
  EXPECT_EQ(out.entries(1).account(), LEDGER_ACCOUNT_PAYABLE);
  EXPECT_EQ(out.entries(1).amount(), "1200.00");
  EXPECT_THAT(out.entries(1).basis(), HasSubstr("actual cost €1,500, pre-approved €1,200"));
  ASSERT_THAT(out.timeline(), SizeIs(4));

  const FundBalance mdf = Fund(LEDGER_ACCOUNT_MDF_FUND);
  EXPECT_EQ(mdf.credited(), "2000.00");
  EXPECT_EQ(mdf.debited(), "-1200.00");
  EXPECT_EQ(mdf.reserved(), "0.00");
  EXPECT_EQ(mdf.available(), "800.00");

  // A program without a co-op fund takes no co-op requests.
  const Program without_coop = world_->ActiveProgram(kMdfOnlyProgram);
  ASSERT_TRUE(world_->Enroll(alpha_admin_, without_coop.id()).ok());
  CreateFundRequestRequest coop;
  *coop.mutable_request() = first;
  coop.mutable_request()->set_program_id(without_coop.id());
  coop.mutable_request()->set_fund(LEDGER_ACCOUNT_COOP_FUND);
  EXPECT_THAT(funds_->CreateFundRequest(TestServer::Context(alpha_admin_).get(), coop, &out),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("no co-op fund")));
}

TEST_F(FundRpcTest, ConcurrentApprovalsNeverReserveMoreThanTheFund) {
  ASSERT_TRUE(world_->Enroll(alpha_admin_, program_.id()).ok());  // MDF 2000
  std::vector<int64_t> ids;
  for (int i = 0; i < 8; ++i) ids.push_back(Request("500").id());
  std::atomic<int> approved = 0, refused = 0;
  std::vector<std::thread> threads;
  for (int64_t id : ids) {
    threads.emplace_back([&, id] {
      FundRequest out;
      grpc::Status status = Decide(FundAction::kApprove, id, &out);
      if (status.ok()) ++approved;
      if (status.error_code() == grpc::StatusCode::FAILED_PRECONDITION) ++refused;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(approved, 4);
  EXPECT_EQ(refused, 4);
  EXPECT_EQ(Fund(LEDGER_ACCOUNT_MDF_FUND).available(), "0.00");
}

}  // namespace
}  // namespace cim
