// PayoutService through a real gRPC channel against a real server and MariaDB: runs group
// unpaid payable money per partner, nothing lands in two statements (also when runs race),
// paying posts the PAYOUT entry and marks claims paid, partners see only their statements,
// and the CSV export.
#include <google/protobuf/text_format.h>

#include <set>
#include <thread>

#include "cim/v1/claim_service.grpc.pb.h"
#include "cim/v1/ledger_service.grpc.pb.h"
#include "cim/v1/payout_service.grpc.pb.h"
#include "cim/v1/program_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/csv.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_server.h"
#include "tests/testing/test_world.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::cim::testing::TestServer;
using ::cim::testing::TestWorld;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using ::testing::StartsWith;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

constexpr char kProgram[] = R"pb(
  name: "SPIF sprint"
  currency_code: "EUR"
  budget: "100000"
  start_date: "2026-01-01"
  end_date: "2026-12-31"
  period: PROGRAM_PERIOD_MONTH
  terms: "Terms"
  rules {
    id: "spif"
    name: "SPIF"
    spif {
      products { sku: "ST-200" amount_per_unit: "100" }
      start_date: "2026-01-01"
      end_date: "2026-12-31"
    }
  }
)pb";

class PayoutRpcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    alpha_ = server_.CreatePartner("Alpha Systems", PARTNER_TYPE_RESELLER);
    bravo_ = server_.CreatePartner("Bravo IT", PARTNER_TYPE_RESELLER);
    server_.CreateUser("admin@alpha.example", ROLE_PARTNER_ADMIN, alpha_.id());
    server_.CreateUser("rep@alpha.example", ROLE_PARTNER_REP, alpha_.id());
    server_.CreateUser("admin@bravo.example", ROLE_PARTNER_ADMIN, bravo_.id());
    server_.CreateUser("pa@vendor.example", ROLE_PROGRAM_ADMIN);
    server_.CreateUser("cm@vendor.example", ROLE_CHANNEL_MANAGER);
    server_.CreateUser("fin@vendor.example", ROLE_FINANCE);
    programs_ = ProgramService::NewStub(server_.channel());
    claims_ = ClaimService::NewStub(server_.channel());
    payouts_ = PayoutService::NewStub(server_.channel());
    ledger_ = LedgerService::NewStub(server_.channel());
    const std::string admin = server_.Login("pa@vendor.example");
    TestWorld world(server_, admin);
    world.AddProducts({"ST-200"});
    program_ = world.ActiveProgram(kProgram);
    for (const char* email : {"admin@alpha.example", "admin@bravo.example"}) {
      ASSERT_TRUE(world.Enroll(server_.Login(email), program_.id()).ok());
    }
    // Approved on 2026-03-02: Alpha earns 300 (two claims), Bravo 500.
    alpha_claims_ = {Approve("admin@alpha.example", "A-1", 1),
                     Approve("admin@alpha.example", "A-2", 2)};
    Approve("admin@bravo.example", "B-1", 5);
    // A month later, finance pays March.
    server_.clock().Advance(absl::Hours(24 * 31));
    finance_ = server_.Login("fin@vendor.example");
    alpha_admin_ = server_.Login("admin@alpha.example");
    bravo_admin_ = server_.Login("admin@bravo.example");
  }

  int64_t Approve(const std::string& email, const std::string& invoice, int units) {
    SubmitClaimRequest submit;
    submit.set_idempotency_key("payout-" + invoice);
    Claim* c = submit.mutable_claim();
    c->set_program_id(program_.id());
    c->set_invoice_number(invoice);
    c->set_invoice_date("2026-02-20");
    c->set_customer_name("Acme");
    c->set_customer_country("NL");
    c->set_currency_code("EUR");
    ClaimLine* line = c->add_lines();
    line->set_sku("ST-200");
    line->set_quantity(units);
    line->set_unit_price("900");
    Claim claim;
    EXPECT_TRUE(
        claims_->SubmitClaim(TestServer::Context(server_.Login(email)).get(), submit, &claim).ok());
    ReviewClaimRequest approve;
    approve.set_claim_id(claim.id());
    EXPECT_TRUE(claims_
                    ->ApproveClaim(TestServer::Context(server_.Login("cm@vendor.example")).get(),
                                   approve, &claim)
                    .ok());
    return claim.id();
  }

  grpc::Status Run(const std::string& token, PayoutRun* out,
                   const std::string& start = "2026-03-01", const std::string& end = "2026-03-31") {
    CreatePayoutRunRequest request;
    request.set_period_start(start);
    request.set_period_end(end);
    request.set_idempotency_key(absl::StrCat("rpc-run-", ++runs_));
    return payouts_->CreatePayoutRun(TestServer::Context(token).get(), request, out);
  }

  TestServer server_;
  Partner alpha_, bravo_;
  Program program_;
  std::vector<int64_t> alpha_claims_;
  std::unique_ptr<ProgramService::Stub> programs_;
  std::unique_ptr<ClaimService::Stub> claims_;
  std::unique_ptr<PayoutService::Stub> payouts_;
  std::unique_ptr<LedgerService::Stub> ledger_;
  std::string finance_, alpha_admin_, bravo_admin_;
  int runs_ = 0;
};

TEST_F(PayoutRpcTest, RunPayAndExport) {
  PayoutRun run;
  EXPECT_THAT(Run(alpha_admin_, &run), StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(Run(finance_, &run, "2026-03-01", "2026-05-01"),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("has ended")));
  ASSERT_TRUE(Run(finance_, &run).ok());
  ASSERT_THAT(run.statements(), SizeIs(2));
  EXPECT_EQ(run.statements(0).partner_id(), alpha_.id());
  EXPECT_EQ(run.statements(0).total(), "300.00");
  EXPECT_EQ(run.statements(0).entry_count(), 2);
  EXPECT_EQ(run.statements(0).status(), STATEMENT_STATUS_OPEN);
  EXPECT_EQ(run.statements(1).total(), "500.00");

  // Nothing is in two statements: a second run finds nothing unpaid.
  PayoutRun again;
  ASSERT_TRUE(Run(finance_, &again).ok());
  EXPECT_THAT(again.statements(), IsEmpty());

  // Partner admins see their own statements only; reps none.
  ListStatementsResponse mine;
  ASSERT_TRUE(
      payouts_
          ->ListStatements(TestServer::Context(alpha_admin_).get(), ListStatementsRequest(), &mine)
          .ok());
  ASSERT_THAT(mine.statements(), SizeIs(1));
  GetStatementRequest get;
  get.set_statement_id(run.statements(0).id());
  Statement statement;
  EXPECT_THAT(payouts_->GetStatement(TestServer::Context(bravo_admin_).get(), get, &statement),
              StatusIs(grpc::StatusCode::NOT_FOUND));
  EXPECT_THAT(
      payouts_->ListStatements(TestServer::Context(server_.Login("rep@alpha.example")).get(),
                               ListStatementsRequest(), &mine),
      StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  ASSERT_TRUE(
      payouts_->GetStatement(TestServer::Context(alpha_admin_).get(), get, &statement).ok());
  ASSERT_THAT(statement.entries(), SizeIs(2));
  EXPECT_EQ(statement.entries(0).statement_id(), statement.id());

  // A reward in an open statement cannot be reversed: the statement would still pay it.
  ReverseLedgerEntryRequest reverse;
  reverse.set_entry_id(statement.entries(0).id());
  reverse.set_reason("wrong SKU");
  LedgerEntry reversal;
  EXPECT_THAT(ledger_->ReverseLedgerEntry(TestServer::Context(finance_).get(), reverse, &reversal),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("open statement")));

  // Paying posts the PAYOUT entry, empties payable and marks the claims paid.
  MarkStatementPaidRequest pay;
  pay.set_statement_id(statement.id());
  pay.set_payment_reference("SEPA-2026-04-0001");
  Statement paid;
  EXPECT_THAT(payouts_->MarkStatementPaid(
                  TestServer::Context(server_.Login("cm@vendor.example")).get(), pay, &paid),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  ASSERT_TRUE(payouts_->MarkStatementPaid(TestServer::Context(finance_).get(), pay, &paid).ok());
  EXPECT_EQ(paid.status(), STATEMENT_STATUS_PAID);
  EXPECT_EQ(paid.payment_reference(), "SEPA-2026-04-0001");
  EXPECT_THAT(payouts_->MarkStatementPaid(TestServer::Context(finance_).get(), pay, &paid),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("already paid")));
  GetBalanceRequest balance_request;
  GetBalanceResponse balance;
  ASSERT_TRUE(
      ledger_->GetBalance(TestServer::Context(alpha_admin_).get(), balance_request, &balance).ok());
  ASSERT_THAT(balance.balances(), SizeIs(1));
  EXPECT_EQ(balance.balances(0).amount(), "0.00");
  EXPECT_EQ(balance.balances(0).credited(), "300.00");
  EXPECT_EQ(balance.balances(0).debited(), "-300.00");
  for (int64_t id : alpha_claims_) {
    GetClaimRequest claim_request;
    claim_request.set_claim_id(id);
    Claim claim;
    ASSERT_TRUE(
        claims_->GetClaim(TestServer::Context(alpha_admin_).get(), claim_request, &claim).ok());
    EXPECT_EQ(claim.status(), CLAIM_STATUS_PAID);
    EXPECT_THAT(claim.timeline().rbegin()->comment(), HasSubstr("SEPA-2026-04-0001"));
  }

  ExportStatementRequest export_request;
  export_request.set_statement_id(statement.id());
  ExportStatementResponse csv;
  ASSERT_TRUE(
      payouts_->ExportStatement(TestServer::Context(alpha_admin_).get(), export_request, &csv)
          .ok());
  EXPECT_EQ(csv.content_type(), "text/csv; charset=utf-8");
  EXPECT_THAT(csv.csv(), StartsWith("entry_id,posted_utc,kind,program_id,rule_id,"));
  EXPECT_THAT(csv.csv(), HasSubstr(",spif,"));
  EXPECT_THAT(csv.csv(), HasSubstr(",total,,,,,,300.00,EUR,\"Alpha Systems, 2026-03-01 to "
                                   "2026-03-31\"\r\n"));
}

TEST_F(PayoutRpcTest, RacingRunsNeverPutAnEntryInTwoStatements) {
  std::vector<PayoutRun> runs(4);
  std::vector<grpc::Status> statuses(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] { statuses[i] = Run(finance_, &runs[i]); });
  }
  for (std::thread& t : threads) t.join();
  std::set<int64_t> entries;
  int statements = 0;
  for (int i = 0; i < 4; ++i) {
    if (!statuses[i].ok()) {
      EXPECT_EQ(statuses[i].error_code(), grpc::StatusCode::ABORTED) << statuses[i].error_message();
      continue;
    }
    for (const Statement& s : runs[i].statements()) {
      ++statements;
      GetStatementRequest get;
      get.set_statement_id(s.id());
      Statement full;
      ASSERT_TRUE(payouts_->GetStatement(TestServer::Context(finance_).get(), get, &full).ok());
      for (const LedgerEntry& e : full.entries()) {
        EXPECT_TRUE(entries.insert(e.id()).second) << "entry " << e.id() << " paid twice";
      }
    }
  }
  EXPECT_EQ(statements, 2);
  EXPECT_EQ(entries.size(), 3u);
}

TEST(CsvTest, CellsAreQuotedAndFormulaSafe) {
  EXPECT_EQ(CsvText("plain"), "plain");
  EXPECT_EQ(CsvText("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvText("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvText("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(CsvText("+1"), "'+1");
  EXPECT_EQ(CsvText("-2"), "'-2");
  EXPECT_EQ(CsvText("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvText("line\nbreak"), "\"line\nbreak\"");
  EXPECT_EQ(CsvNumber("-60.00"), "-60.00");
  std::string out;
  AppendCsvRow({"a", "b"}, out);
  EXPECT_EQ(out, "a,b\r\n");
}

}  // namespace
}  // namespace cim
