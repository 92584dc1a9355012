// PayoutWorkflow over the real payout store with an injected clock: only finance runs payouts,
// for valid dates of a period that has ended (INVALID_ARGUMENT naming the field otherwise), and
// marks statements paid with a payment reference at the clock's time; vendor roles and service
// accounts read every statement, partner admins only their partner's (another partner's is
// NOT_FOUND), partner reps none; the CSV export is the statement's entries and total, exactly,
// with text cells that a spreadsheet will not run.
#include "server/payout/payout_workflow.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/clock.h"
#include "tests/server/payout/payout_store_fixture.h"
#include "tests/testing/phrase_matchers.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::IsOkAndHolds;
using ::cim::testing::ReadsInEnglish;
using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Property;
using ::testing::SizeIs;

class PayoutWorkflowTest : public PayoutStoreTest {
 protected:
  // Each call with its own idempotency key unless `key` is given.
  absl::StatusOr<cim::v1::PayoutRun> Run(int64_t caller, const std::string& start = "2026-03-01",
                                         const std::string& end = "2026-03-31",
                                         std::string key = "") {
    cim::v1::CreatePayoutRunRequest request;
    request.set_period_start(start);
    request.set_period_end(end);
    request.set_idempotency_key(key.empty() ? absl::StrCat("payout-run-", ++runs_) : key);
    return workflow_.CreateRun(Caller(caller), request);
  }

  absl::StatusOr<cim::v1::Statement> MarkPaid(int64_t caller, int64_t statement_id,
                                              const std::string& reference,
                                              const std::string& etag = "") {
    cim::v1::MarkStatementPaidRequest request;
    request.set_statement_id(statement_id);
    request.set_payment_reference(reference);
    request.set_etag(etag);
    return workflow_.MarkPaid(Caller(caller), request);
  }

  std::vector<int64_t> ListedPartners(int64_t caller, int64_t partner_id = 0) {
    cim::v1::ListStatementsRequest request;
    request.set_partner_id(partner_id);
    absl::StatusOr<cim::v1::ListStatementsResponse> list = workflow_.List(Caller(caller), request);
    EXPECT_THAT(list, IsOk());
    std::vector<int64_t> out;
    if (list.ok()) {
      for (const cim::v1::Statement& s : list->statements()) out.push_back(s.partner_id());
    }
    return out;
  }

  // 2026-04-02 10:00 UTC: March has ended, April 2nd has not.
  FakeClock clock_{absl::FromCivil(absl::CivilSecond(2026, 4, 2, 10, 0, 0), absl::UTCTimeZone())};
  PayoutWorkflow workflow_{payouts_, clock_};
  int runs_ = 0;
};

TEST_F(PayoutWorkflowTest, FinanceRunsPayoutsForPeriodsThatHaveEnded) {
  PostMarch();
  EXPECT_THAT(Run(kVera), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Run(kAnn), StatusIs(absl::StatusCode::kPermissionDenied));
  const struct {
    const char* start;
    const char* end;
    const char* violation;
  } kBad[] = {
      {"2026-03-32", "2026-03-31", "period_start"},
      {"", "2026-03-31", "period_start"},
      {"2026-03-01", "31.03.2026", "period_end"},
      {"2026-03-15", "2026-03-14", "period_end: must not be before period_start"},
      {"2026-04-01", "2026-04-02", "period_end: must be a day that has ended"},  // today
      {"2026-03-01", "2026-05-01", "period_end: must be a day that has ended"},
  };
  for (const auto& c : kBad) {
    EXPECT_THAT(Run(kFay, c.start, c.end),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.violation)))
        << c.start << " " << c.end;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM payout_runs"), 0);

  absl::StatusOr<cim::v1::PayoutRun> run = Run(kFay);
  ASSERT_THAT(run, IsOk());
  EXPECT_EQ(run->created_by_user_id(), kFay);
  EXPECT_EQ(run->create_time().seconds(), absl::ToUnixSeconds(clock_.Now()));
  EXPECT_THAT(run->statements(), ElementsAre(Property(&cim::v1::Statement::total, "200.00"),
                                             Property(&cim::v1::Statement::total, "50.00"),
                                             Property(&cim::v1::Statement::total, "300.00")));
  // Yesterday has ended: April 1st's 999.00 can be paid now.
  EXPECT_THAT(Run(kFay, "2026-04-01", "2026-04-01"),
              IsOkAndHolds(Property(&cim::v1::PayoutRun::statements, SizeIs(1))));
}

TEST_F(PayoutWorkflowTest, ARetryWithTheSameKeyAnswersTheFirstRun) {
  PostMarch();
  for (const char* key : {"short", "tab\tinside"}) {
    EXPECT_THAT(Run(kFay, "2026-03-01", "2026-03-31", key),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("idempotency_key")))
        << key;
  }
  cim::v1::CreatePayoutRunRequest keyless;
  keyless.set_period_start("2026-03-01");
  keyless.set_period_end("2026-03-31");
  EXPECT_THAT(workflow_.CreateRun(Caller(kFay), keyless),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("idempotency_key")));
  absl::StatusOr<cim::v1::PayoutRun> first = Run(kFay, "2026-03-01", "2026-03-31", "march-run-1");
  ASSERT_THAT(first, IsOk());
  EXPECT_EQ(first->idempotency_key(), "march-run-1");
  EXPECT_THAT(Run(kFay, "2026-03-01", "2026-03-31", "march-run-1"),
              IsOkAndHolds(Property(&cim::v1::PayoutRun::id, first->id())));
  EXPECT_THAT(Run(kFay, "2026-03-01", "2026-03-30", "march-run-1"),
              StatusIs(absl::StatusCode::kAlreadyExists,
                       ReadsInEnglish(HasSubstr(absl::StrCat(
                           "idempotency key march-run-1 was used for payout run ", first->id(),
                           " of another period (1 Mar 2026 to 31 Mar 2026)")))));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM payout_runs"), 1);
}

TEST_F(PayoutWorkflowTest, StatementsFilterByProgramAndPeriod) {
  PostMarch();
  absl::StatusOr<cim::v1::PayoutRun> march = Run(kFay);
  ASSERT_THAT(march, IsOk());
  clock_.Advance(absl::Hours(24 * 30));
  absl::StatusOr<cim::v1::PayoutRun> april = Run(kFay, "2026-04-01", "2026-04-30");
  ASSERT_THAT(april, IsOk());
  const auto listed = [&](int64_t caller, cim::v1::ListStatementsRequest request) {
    absl::StatusOr<cim::v1::ListStatementsResponse> list = workflow_.List(Caller(caller), request);
    EXPECT_THAT(list, IsOk());
    std::vector<int64_t> ids;
    if (list.ok()) {
      for (const cim::v1::Statement& s : list->statements()) ids.push_back(s.id());
    }
    return ids;
  };
  cim::v1::ListStatementsRequest request;
  request.set_program_id(program_.id());
  // The program's claims are Alpha's: March's EUR statement and April's.
  EXPECT_THAT(listed(kFay, request),
              ElementsAre(april->statements(0).id(), march->statements(0).id()));
  EXPECT_THAT(listed(kBea, request), ElementsAre());
  request.set_from_date("2026-04-01");
  EXPECT_THAT(listed(kAnn, request), ElementsAre(april->statements(0).id()));
  request.set_program_id(0);
  request.set_from_date("2026-02-01");
  request.set_to_date("2026-03-15");
  EXPECT_THAT(
      listed(kFay, request),
      ElementsAre(march->statements(2).id(), march->statements(1).id(), march->statements(0).id()));

  const struct {
    const char* from;
    const char* to;
    const char* violation;
  } kBad[] = {
      {"2026-13-01", "", "from_date"},
      {"", "1 April", "to_date"},
      {"2026-04-02", "2026-04-01", "from_date: must not be after to_date"},
  };
  for (const auto& c : kBad) {
    request.set_from_date(c.from);
    request.set_to_date(c.to);
    EXPECT_THAT(workflow_.List(Caller(kFay), request),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.violation)))
        << c.from << " " << c.to;
  }
}

TEST_F(PayoutWorkflowTest, PartnerAdminsReadOnlyTheirPartnersStatements) {
  PostMarch();
  absl::StatusOr<cim::v1::PayoutRun> run = Run(kFay);
  ASSERT_THAT(run, IsOk());
  const int64_t alphas = run->statements(0).id(), bravos = run->statements(2).id();

  EXPECT_THAT(workflow_.Get(Caller(kAnn), alphas),
              IsOkAndHolds(Property(&cim::v1::Statement::entries, SizeIs(4))));
  EXPECT_THAT(workflow_.Get(Caller(kAnn), bravos),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("not found")));
  EXPECT_THAT(workflow_.Get(Caller(kRob), alphas), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(workflow_.Get(Caller(kVera), bravos),
              IsOkAndHolds(Property(&cim::v1::Statement::partner_id, kBravo)));
  EXPECT_THAT(workflow_.Get(Caller(kErp), bravos),
              IsOkAndHolds(Property(&cim::v1::Statement::total, "300.00")));
  EXPECT_THAT(workflow_.Get(Caller(kFay), 0),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("statement_id")));
  EXPECT_THAT(workflow_.Get(Caller(kFay), 99999), StatusIs(absl::StatusCode::kNotFound));

  EXPECT_THAT(ListedPartners(kAnn), ElementsAre(kAlpha, kAlpha));
  EXPECT_THAT(ListedPartners(kBea), ElementsAre(kBravo));
  EXPECT_THAT(ListedPartners(kFay), ElementsAre(kBravo, kAlpha, kAlpha));
  EXPECT_THAT(ListedPartners(kVera, kBravo), ElementsAre(kBravo));
  cim::v1::ListStatementsRequest foreign;
  foreign.set_partner_id(kBravo);
  EXPECT_THAT(workflow_.List(Caller(kAnn), foreign), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(workflow_.List(Caller(kRob), cim::v1::ListStatementsRequest()),
              StatusIs(absl::StatusCode::kPermissionDenied));

  // Pages of one, newest first, with a token bound to the filters.
  cim::v1::ListStatementsRequest paged;
  paged.set_page_size(1);
  paged.set_status(cim::v1::STATEMENT_STATUS_OPEN);
  absl::StatusOr<cim::v1::ListStatementsResponse> first = workflow_.List(Caller(kFay), paged);
  ASSERT_THAT(first, IsOk());
  EXPECT_THAT(first->statements(), ElementsAre(Property(&cim::v1::Statement::id, bravos)));
  paged.set_page_token(first->next_page_token());
  absl::StatusOr<cim::v1::ListStatementsResponse> second = workflow_.List(Caller(kFay), paged);
  ASSERT_THAT(second, IsOk());
  EXPECT_THAT(second->statements(),
              ElementsAre(Property(&cim::v1::Statement::id, run->statements(1).id())));
  paged.set_status(cim::v1::STATEMENT_STATUS_PAID);
  EXPECT_THAT(workflow_.List(Caller(kFay), paged),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_token")));
  paged = cim::v1::ListStatementsRequest();
  paged.set_status(static_cast<cim::v1::StatementStatus>(9));
  EXPECT_THAT(workflow_.List(Caller(kFay), paged),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("status")));
}

TEST_F(PayoutWorkflowTest, FinanceMarksStatementsPaidWithAReference) {
  PostMarch();
  absl::StatusOr<cim::v1::PayoutRun> run = Run(kFay);
  ASSERT_THAT(run, IsOk());
  const int64_t id = run->statements(0).id();
  EXPECT_THAT(MarkPaid(kVera, id, "SEPA-1"), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(MarkPaid(kAnn, id, "SEPA-1"), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(MarkPaid(kFay, 0, "SEPA-1"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("statement_id")));
  EXPECT_THAT(MarkPaid(kFay, id, ""),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("payment_reference")));
  EXPECT_THAT(MarkPaid(kFay, id, std::string(101, 'R')),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("payment_reference")));
  EXPECT_THAT(MarkPaid(kFay, id, "SEPA-1", "2"), StatusIs(absl::StatusCode::kAborted));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM statements WHERE status = 2"), 0);

  clock_.Advance(absl::Hours(3));
  absl::StatusOr<cim::v1::Statement> paid = MarkPaid(kFay, id, "SEPA-1", "1");
  ASSERT_THAT(paid, IsOk());
  EXPECT_EQ(paid->status(), cim::v1::STATEMENT_STATUS_PAID);
  EXPECT_EQ(paid->payment_reference(), "SEPA-1");
  EXPECT_EQ(paid->paid_by_user_id(), kFay);
  EXPECT_EQ(paid->paid_time().seconds(), absl::ToUnixSeconds(clock_.Now()));
  EXPECT_THAT(MarkPaid(kFay, id, "SEPA-1"), StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST_F(PayoutWorkflowTest, ExportsTheStatementAsCsvWithInertText) {
  const absl::CivilSecond march(2026, 3, 2, 9, 0, 0);
  LedgerPosting rebate =
      Payable(kAlpha, "EUR", "120", march, claim1_, cim::v1::LEDGER_ENTRY_KIND_REBATE);
  rebate.program_id = program_.id();
  rebate.rule_id = "rebate";
  rebate.rules_version = 2;
  rebate.basis = "2% of 6,000.00";
  LedgerPosting sneaky =
      Payable(kAlpha, "EUR", "-20.5", march + 60, claim1_, cim::v1::LEDGER_ENTRY_KIND_REVERSAL);
  sneaky.basis = "=HYPERLINK(\"x\")";
  Append({rebate, sneaky});
  const int64_t first = Count("SELECT MIN(id) FROM ledger_entries"), second = LastEntryId();
  absl::StatusOr<cim::v1::PayoutRun> run = Run(kFay);
  ASSERT_THAT(run, IsOk());
  ASSERT_THAT(run->statements(), SizeIs(1));
  const int64_t id = run->statements(0).id();

  absl::StatusOr<cim::v1::ExportStatementResponse> csv = workflow_.Export(Caller(kAnn), id);
  ASSERT_THAT(csv, IsOk());
  EXPECT_EQ(csv->filename(), absl::StrCat("statement-", id, "-2026-03-31.csv"));
  EXPECT_EQ(csv->content_type(), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->csv(),
            absl::StrCat("entry_id,posted_utc,kind,program_id,rule_id,rules_version,claim_id,"
                         "fund_request_id,amount,currency,basis\r\n",
                         first, ",2026-03-02 09:00:00,rebate,", program_.id(), ",rebate,2,",
                         claim1_, ",0,120.00,EUR,\"2% of 6,000.00\"\r\n",  //
                         second, ",2026-03-02 09:01:00,reversal,", program_.id(), ",,0,", claim1_,
                         ",0,-20.50,EUR,\"'=HYPERLINK(\"\"x\"\")\"\r\n",
                         ",,total,,,,,,99.50,EUR,\"Alpha, 2026-03-01 to 2026-03-31\"\r\n"));
  EXPECT_THAT(workflow_.Export(Caller(kBea), id), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(workflow_.Export(Caller(kRob), id), StatusIs(absl::StatusCode::kPermissionDenied));
}

}  // namespace
}  // namespace cim
