// DisputeService through a real gRPC channel against a real server and MariaDB: a rep disputes
// a reward of an approved claim with proof; another partner gets NOT_FOUND for it; vendor staff
// reply and resolve it with an adjustment entry (drawn from the budget, shown to the partner
// with the thread) and cannot resolve it twice (FAILED_PRECONDITION); bad input is
// INVALID_ARGUMENT with field details; both sides download the proof; the program's
// performance counts the disputes.
#include <optional>
#include <string>

#include "cim/v1/claim_service.grpc.pb.h"
#include "cim/v1/dispute_service.grpc.pb.h"
#include "cim/v1/ledger_service.grpc.pb.h"
#include "cim/v1/performance_service.grpc.pb.h"
#include "cim/v1/program_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
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
  name: "Storage Rebate 2026"
  currency_code: "EUR"
  budget: "1000"
  start_date: "2026-01-01"
  end_date: "2026-12-31"
  period: PROGRAM_PERIOD_QUARTER
  terms: "Terms"
  rules {
    id: "rebate"
    name: "Volume rebate"
    rebate {
      mode: REBATE_MODE_MARGINAL
      tiers { min_volume: "0" percent: "2" }
    }
  }
)pb";

class DisputeRpcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const Partner alpha = server_.CreatePartner("Alpha Systems", PARTNER_TYPE_RESELLER);
    const Partner bravo = server_.CreatePartner("Bravo Networks", PARTNER_TYPE_RESELLER);
    server_.CreateUser("admin@alpha.example", ROLE_PARTNER_ADMIN, alpha.id());
    server_.CreateUser("rep@alpha.example", ROLE_PARTNER_REP, alpha.id());
    server_.CreateUser("admin@bravo.example", ROLE_PARTNER_ADMIN, bravo.id());
    server_.CreateUser("pa@vendor.example", ROLE_PROGRAM_ADMIN);
    server_.CreateUser("cm@vendor.example", ROLE_CHANNEL_MANAGER);
    server_.CreateUser("fin@vendor.example", ROLE_FINANCE);
    claims_ = ClaimService::NewStub(server_.channel());
    disputes_ = DisputeService::NewStub(server_.channel());
    admin_ = server_.Login("pa@vendor.example");
    manager_ = server_.Login("cm@vendor.example");
    finance_ = server_.Login("fin@vendor.example");
    alpha_admin_ = server_.Login("admin@alpha.example");
    alpha_rep_ = server_.Login("rep@alpha.example");
    bravo_admin_ = server_.Login("admin@bravo.example");
    world_.emplace(server_, admin_);
    world_->AddProducts({"ST-100"});
    program_ = world_->ActiveProgram(kProgram);
    ASSERT_TRUE(world_->Enroll(alpha_admin_, program_.id()).ok());

    // The rep's approved claim earns a 2% rebate: 200.00 EUR on 10,000.00.
    SubmitClaimRequest submit;
    submit.set_idempotency_key("dispute-test-claim");
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
    ASSERT_TRUE(claims_->SubmitClaim(TestServer::Context(alpha_rep_).get(), submit, &claim_).ok());
    ReviewClaimRequest approve;
    approve.set_claim_id(claim_.id());
    ASSERT_TRUE(claims_->ApproveClaim(TestServer::Context(manager_).get(), approve, &claim_).ok());
    ASSERT_THAT(claim_.rewards(), SizeIs(1));
    reward_ = claim_.rewards(0);
  }

  int64_t UploadProof(const std::string& token) {
    auto context = TestServer::Context(token);
    Attachment out;
    auto writer = claims_->UploadAttachment(context.get(), &out);
    UploadAttachmentRequest message;
    message.mutable_metadata()->set_filename("invoice.pdf");
    writer->Write(message);
    message.set_chunk("%PDF-1.4\n" + std::string(500, 'x'));
    writer->Write(message);
    writer->WritesDone();
    EXPECT_TRUE(writer->Finish().ok());
    return out.id();
  }

  grpc::Status Open(const std::string& token, int64_t entry, Dispute* out,
                    const std::string& key = "dispute-key-1", int64_t proof = 0) {
    OpenDisputeRequest request;
    request.set_idempotency_key(key);
    request.mutable_subject()->set_kind(DISPUTE_SUBJECT_KIND_REWARD);
    request.mutable_subject()->set_entry_id(entry);
    request.set_message("The rebate should be at the 3% tier");
    if (proof != 0) request.add_attachment_ids(proof);
    return disputes_->OpenDispute(TestServer::Context(token).get(), request, out);
  }

  grpc::Status Get(const std::string& token, int64_t id, Dispute* out) {
    GetDisputeRequest request;
    request.set_dispute_id(id);
    return disputes_->GetDispute(TestServer::Context(token).get(), request, out);
  }

  grpc::Status Adjust(const std::string& token, int64_t id, const std::string& amount,
                      Dispute* out) {
    ResolveDisputeRequest request;
    request.set_dispute_id(id);
    request.mutable_adjustment()->set_account(LEDGER_ACCOUNT_PAYABLE);
    request.mutable_adjustment()->set_amount(amount);
    request.mutable_adjustment()->set_explanation("the 3% tier applies");
    return disputes_->ResolveDispute(TestServer::Context(token).get(), request, out);
  }

  // The download of `attachment` as `token`: its status.
  grpc::Status Download(const std::string& token, int64_t attachment) {
    DownloadAttachmentRequest request;
    request.set_attachment_id(attachment);
    auto context = TestServer::Context(token);
    auto reader = claims_->DownloadAttachment(context.get(), request);
    DownloadAttachmentResponse message;
    while (reader->Read(&message)) {
    }
    return reader->Finish();
  }

  TestServer server_;
  std::optional<TestWorld> world_;  // after server_
  std::unique_ptr<ClaimService::Stub> claims_;
  std::unique_ptr<DisputeService::Stub> disputes_;
  std::string admin_, manager_, finance_, alpha_admin_, alpha_rep_, bravo_admin_;
  Program program_;
  Claim claim_;
  LedgerEntry reward_;
};

TEST_F(DisputeRpcTest, ARepDisputesARewardAndVendorStaffResolveItWithAnAdjustment) {
  const int64_t proof = UploadProof(alpha_rep_);
  Dispute opened;
  ASSERT_TRUE(Open(alpha_rep_, reward_.id(), &opened, "dispute-key-1", proof).ok());
  EXPECT_EQ(opened.state(), DISPUTE_STATE_OPEN);
  EXPECT_EQ(opened.program_id(), program_.id());
  EXPECT_EQ(opened.partner_name(), "Alpha Systems");
  ASSERT_THAT(opened.thread(), SizeIs(1));
  ASSERT_THAT(opened.thread(0).attachments(), SizeIs(1));
  // The same key again is the same dispute.
  Dispute again;
  ASSERT_TRUE(Open(alpha_rep_, reward_.id(), &again).ok());
  EXPECT_EQ(again.id(), opened.id());

  // Another partner: as if it did not exist; its proof stays theirs.
  Dispute out;
  EXPECT_THAT(Get(bravo_admin_, opened.id(), &out), StatusIs(grpc::StatusCode::NOT_FOUND));
  EXPECT_THAT(Open(bravo_admin_, reward_.id(), &out, "dispute-key-2"),
              StatusIs(grpc::StatusCode::NOT_FOUND));
  EXPECT_THAT(Download(bravo_admin_, proof), StatusIs(grpc::StatusCode::NOT_FOUND));
  // Both sides of the dispute download its proof.
  EXPECT_TRUE(Download(manager_, proof).ok());
  EXPECT_TRUE(Download(alpha_admin_, proof).ok());

  ListDisputesResponse queue;
  ListDisputesRequest list;
  list.set_state(DISPUTE_STATE_OPEN);
  ASSERT_TRUE(disputes_->ListDisputes(TestServer::Context(manager_).get(), list, &queue).ok());
  ASSERT_THAT(queue.disputes(), SizeIs(1));
  EXPECT_EQ(queue.disputes(0).id(), opened.id());

  PostDisputeMessageRequest reply;
  reply.set_dispute_id(opened.id());
  reply.set_body("Checking the period volume");
  ASSERT_TRUE(disputes_->PostDisputeMessage(TestServer::Context(manager_).get(), reply, &out).ok());
  EXPECT_TRUE(out.has_first_reply_time());

  EXPECT_THAT(Adjust(alpha_admin_, opened.id(), "100", &out),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(Adjust(finance_, opened.id(), "800.01", &out),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("budget")));
  ASSERT_TRUE(Adjust(finance_, opened.id(), "100.005", &out).ok());
  EXPECT_EQ(out.state(), DISPUTE_STATE_ADJUSTED);
  EXPECT_EQ(out.adjustment().amount(), "100.01");
  EXPECT_EQ(out.adjustment().kind(), LEDGER_ENTRY_KIND_ADJUSTMENT);
  EXPECT_THAT(Adjust(manager_, opened.id(), "5", &out),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("ADJUSTED")));

  // The partner sees the thread, the outcome and the entry; so does the ledger.
  ASSERT_TRUE(Get(alpha_rep_, opened.id(), &out).ok());
  ASSERT_THAT(out.thread(), SizeIs(2));
  EXPECT_TRUE(out.thread(1).from_vendor());
  EXPECT_EQ(out.resolution(), "the 3% tier applies");
  EXPECT_EQ(out.adjustment().basis(),
            absl::StrCat("Adjustment for dispute #", opened.id(), ": the 3% tier applies"));
  auto ledger = LedgerService::NewStub(server_.channel());
  ListLedgerEntriesRequest entries;
  ListLedgerEntriesResponse listed;
  ASSERT_TRUE(
      ledger->ListLedgerEntries(TestServer::Context(alpha_admin_).get(), entries, &listed).ok());
  ASSERT_THAT(listed.entries(), SizeIs(2));
  EXPECT_EQ(listed.entries(0).dispute_id(), opened.id());
  EXPECT_EQ(listed.entries(0).amount(), "100.01");

  // The program's performance counts it.
  auto performance = PerformanceService::NewStub(server_.channel());
  GetProgramPerformanceRequest figures;
  figures.set_program_id(program_.id());
  ProgramPerformance report;
  ASSERT_TRUE(
      performance->GetProgramPerformance(TestServer::Context(admin_).get(), figures, &report).ok());
  EXPECT_EQ(report.disputes().opened(), 1);
  EXPECT_EQ(report.disputes().adjusted(), 1);
  EXPECT_EQ(report.disputes().open(), 0);
  EXPECT_EQ(report.budget().drawn(), "300.01");
}

TEST_F(DisputeRpcTest, BadInputIsInvalidArgumentWithFieldDetails) {
  OpenDisputeRequest request;
  request.set_idempotency_key("k");
  request.mutable_subject()->set_kind(DISPUTE_SUBJECT_KIND_STATEMENT_LINE);
  Dispute out;
  const grpc::Status status =
      disputes_->OpenDispute(TestServer::Context(alpha_rep_).get(), request, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("idempotency_key", "subject.statement_id",
                                                  "subject.entry_id", "message"));
  Dispute opened;
  ASSERT_TRUE(Open(alpha_rep_, reward_.id(), &opened).ok());
  EXPECT_THAT(ViolatedFields(Adjust(manager_, opened.id(), "-3", &out)),
              ElementsAre("adjustment.amount"));
  ListDisputesRequest list;
  list.set_page_token("not-a-token");
  ListDisputesResponse listed;
  EXPECT_THAT(
      ViolatedFields(disputes_->ListDisputes(TestServer::Context(manager_).get(), list, &listed)),
      ElementsAre("page_token"));
  EXPECT_THAT(Get(alpha_rep_, 0, &out), StatusIs(grpc::StatusCode::INVALID_ARGUMENT));
}

TEST_F(DisputeRpcTest, ARefusalAndAWithdrawalCloseDisputes) {
  Dispute first, second, out;
  ASSERT_TRUE(Open(alpha_rep_, reward_.id(), &first, "dispute-key-1").ok());
  ASSERT_TRUE(Open(alpha_admin_, reward_.id(), &second, "dispute-key-2").ok());
  ResolveDisputeRequest refuse;
  refuse.set_dispute_id(first.id());
  refuse.mutable_refusal()->set_reason("2% is the rate of the reached tier");
  ASSERT_TRUE(disputes_->ResolveDispute(TestServer::Context(manager_).get(), refuse, &out).ok());
  EXPECT_EQ(out.state(), DISPUTE_STATE_REFUSED);
  EXPECT_FALSE(out.has_adjustment());
  // A rep sees only their own disputes; the admin both.
  EXPECT_THAT(Get(alpha_rep_, second.id(), &out), StatusIs(grpc::StatusCode::NOT_FOUND));
  WithdrawDisputeRequest withdraw;
  withdraw.set_dispute_id(second.id());
  ASSERT_TRUE(
      disputes_->WithdrawDispute(TestServer::Context(alpha_admin_).get(), withdraw, &out).ok());
  EXPECT_EQ(out.state(), DISPUTE_STATE_WITHDRAWN);
  ListDisputesResponse mine;
  ASSERT_TRUE(
      disputes_->ListDisputes(TestServer::Context(alpha_admin_).get(), ListDisputesRequest(), &mine)
          .ok());
  ASSERT_THAT(mine.disputes(), SizeIs(2));
  EXPECT_EQ(mine.disputes(0).id(), second.id());  // newest first
}

}  // namespace
}  // namespace cim
