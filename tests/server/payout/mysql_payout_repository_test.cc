// The payout store against MariaDB: a run makes one OPEN statement per partner and currency
// over the payable money posted before the day after the period that no statement holds yet
// (not PAYOUT entries, points or fund money), with exact totals and counts, and leaves groups
// that net to nothing for a later run; no entry is ever in two statements, also when runs race
// (the loser is ABORTED); marking a statement paid posts the PAYOUT entry and marks PAID the
// approved claims whose payable money is now all paid, once (FAILED_PRECONDITION after, ABORTED
// for a stale etag); statements are read with their entries, listed newest first by status,
// partner and run.
#include "server/payout/mysql_payout_repository.h"

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/server/payout/payout_store_fixture.h"
#include "tests/testing/phrase_matchers.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::InEnglish;

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

class MysqlPayoutRepositoryTest : public PayoutStoreTest {
 protected:
  // 2026-04-02 10:00 UTC: finance runs March.
  static absl::Time RunTime() { return T0() + absl::Hours(24 * 31 + 1); }

  // Each call with its own key unless `key` is given.
  absl::StatusOr<cim::v1::PayoutRun> RunMarch(std::string key = "") {
    return Run(Day(2026, 3, 1), Day(2026, 3, 31), RunTime(), std::move(key));
  }

  absl::StatusOr<cim::v1::PayoutRun> RunApril(absl::Time now) {
    return Run(Day(2026, 4, 1), Day(2026, 4, 30), now);
  }

  absl::StatusOr<cim::v1::PayoutRun> Run(absl::CivilDay start, absl::CivilDay end, absl::Time now,
                                         std::string key = "") {
    if (key.empty()) key = absl::StrCat("run-key-", ++runs_);
    return payouts_.CreateRun({.period_start = start,
                               .period_end = end,
                               .idempotency_key = std::move(key),
                               .created_by = kFay},
                              now);
  }

  // "partner currency total/count" per statement.
  static std::vector<std::string> Groups(const cim::v1::PayoutRun& run) {
    std::vector<std::string> out;
    for (const cim::v1::Statement& s : run.statements()) {
      out.push_back(absl::StrCat(s.partner_name(), " ", s.currency_code(), " ", s.total(), "/",
                                 s.entry_count()));
    }
    return out;
  }

  static std::vector<std::string> Amounts(const cim::v1::Statement& statement) {
    std::vector<std::string> out;
    for (const LedgerEntry& e : statement.entries()) out.push_back(e.amount());
    return out;
  }

  std::atomic<int> runs_{0};
};

TEST_F(MysqlPayoutRepositoryTest, RunGroupsUnpaidPayableMoneyPerPartnerAndCurrency) {
  PostMarch();
  absl::StatusOr<cim::v1::PayoutRun> run = RunMarch();
  ASSERT_THAT(run, IsOk());
  EXPECT_GT(run->id(), 0);
  EXPECT_EQ(run->period_start(), "2026-03-01");
  EXPECT_EQ(run->period_end(), "2026-03-31");
  EXPECT_EQ(run->created_by_user_id(), kFay);
  EXPECT_EQ(run->create_time().seconds(), absl::ToUnixSeconds(RunTime()));
  // Bravo's GBP nets to −10.00: no statement.
  EXPECT_THAT(Groups(*run),
              ElementsAre("Alpha EUR 200.00/4", "Alpha USD 50.00/1", "Bravo EUR 300.00/1"));
  const cim::v1::Statement& alpha = run->statements(0);
  EXPECT_EQ(alpha.payout_run_id(), run->id());
  EXPECT_EQ(alpha.partner_id(), kAlpha);
  EXPECT_EQ(alpha.status(), cim::v1::STATEMENT_STATUS_OPEN);
  EXPECT_EQ(alpha.period_start(), "2026-03-01");
  EXPECT_EQ(alpha.period_end(), "2026-03-31");
  EXPECT_EQ(alpha.etag(), "1");
  EXPECT_FALSE(alpha.has_paid_time());
  EXPECT_THAT(alpha.entries(), IsEmpty());  // a run lists statements without entries

  absl::StatusOr<cim::v1::Statement> read = payouts_.Get(alpha.id());
  ASSERT_THAT(read, IsOk());
  EXPECT_THAT(Amounts(*read), ElementsAre("120.00", "100.00", "-20.01", "0.01"));  // oldest first
  for (const LedgerEntry& e : read->entries()) EXPECT_EQ(e.statement_id(), alpha.id());
  EXPECT_EQ(read->total(), "200.00");
  EXPECT_THAT(payouts_.Get(99999), StatusIs(absl::StatusCode::kNotFound, HasSubstr("99999")));
}

TEST_F(MysqlPayoutRepositoryTest, NothingIsInTwoStatementsAndWhatNetsToNothingWaits) {
  PostMarch();
  ASSERT_THAT(RunMarch(), IsOk());
  absl::StatusOr<cim::v1::PayoutRun> again = RunMarch();
  ASSERT_THAT(again, IsOk());
  EXPECT_THAT(again->statements(), IsEmpty());

  // April: Alpha's 999.00, and Bravo's GBP now that it nets to something (−10 + 25).
  Append({Payable(kBravo, "GBP", "25", absl::CivilSecond(2026, 4, 15, 12, 0, 0))});
  absl::StatusOr<cim::v1::PayoutRun> april = RunApril(RunTime() + absl::Hours(24 * 30));
  ASSERT_THAT(april, IsOk());
  EXPECT_THAT(Groups(*april), ElementsAre("Alpha EUR 999.00/1", "Bravo GBP 15.00/2"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM statement_lines"), 9);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM (SELECT entry_id FROM statement_lines"
                  " GROUP BY entry_id HAVING COUNT(*) > 1) twice"),
            0);
}

TEST_F(MysqlPayoutRepositoryTest, MarkPaidPostsThePayoutAndMarksFullyPaidClaimsPaid) {
  PostMarch();
  absl::StatusOr<cim::v1::PayoutRun> run = RunMarch();
  ASSERT_THAT(run, IsOk());
  const int64_t id = run->statements(0).id();  // Alpha EUR
  const absl::Time paid_at = RunTime() + absl::Hours(2);

  absl::StatusOr<cim::v1::Statement> paid =
      payouts_.MarkPaid(id, "1", "SEPA-2026-03", kFay, paid_at);
  ASSERT_THAT(paid, IsOk());
  EXPECT_EQ(paid->status(), cim::v1::STATEMENT_STATUS_PAID);
  EXPECT_EQ(paid->payment_reference(), "SEPA-2026-03");
  EXPECT_EQ(paid->paid_by_user_id(), kFay);
  EXPECT_EQ(paid->paid_time().seconds(), absl::ToUnixSeconds(paid_at));
  EXPECT_EQ(paid->etag(), "2");
  EXPECT_THAT(paid->entries(), SizeIs(4));  // the PAYOUT entry is not a line of it

  const std::string payout_sql =
      absl::StrCat("SELECT CAST(amount AS CHAR) FROM ledger_entries WHERE statement_id = ", id,
                   " AND kind = ", static_cast<int>(cim::v1::LEDGER_ENTRY_KIND_PAYOUT));
  EXPECT_EQ(Text(payout_sql), "-200.0000");
  EXPECT_EQ(
      InEnglish(Text(absl::StrCat("SELECT basis FROM ledger_entries WHERE statement_id = ", id))),
      absl::StrCat("statement ", id, " for 2026-03-01 to 2026-03-31 paid (SEPA-2026-03)"));
  // Claim 1's money is all paid; claim 2 still has April's 999.00 to come.
  EXPECT_EQ(ClaimStatus(claim1_), cim::v1::CLAIM_STATUS_PAID);
  EXPECT_EQ(ClaimStatus(claim2_), cim::v1::CLAIM_STATUS_APPROVED);
  EXPECT_EQ(InEnglish(Text(
                absl::StrCat("SELECT comment FROM claim_events WHERE claim_id = ", claim1_,
                             " AND to_status = ", static_cast<int>(cim::v1::CLAIM_STATUS_PAID)))),
            absl::StrCat("paid in statement ", id, " (SEPA-2026-03)"));

  // Once only; a stale etag is ABORTED; an unknown statement NOT_FOUND.
  EXPECT_THAT(payouts_.MarkPaid(id, "", "SEPA-again", kFay, paid_at),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("already paid")));
  EXPECT_THAT(payouts_.MarkPaid(run->statements(1).id(), "7", "SEPA-USD", kFay, paid_at),
              StatusIs(absl::StatusCode::kAborted));
  EXPECT_THAT(payouts_.MarkPaid(99999, "", "SEPA", kFay, paid_at),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM ledger_entries WHERE kind = ",
                               static_cast<int>(cim::v1::LEDGER_ENTRY_KIND_PAYOUT))),
            2);  // the fixture's earlier payout and this one

  // The payout never lands in a statement itself: April pays only April's money.
  absl::StatusOr<cim::v1::PayoutRun> april = RunApril(paid_at + absl::Hours(24 * 30));
  ASSERT_THAT(april, IsOk());
  EXPECT_THAT(Groups(*april), ElementsAre("Alpha EUR 999.00/1"));
  ASSERT_THAT(payouts_.MarkPaid(april->statements(0).id(), "", "SEPA-2026-04", kFay, paid_at),
              IsOk());
  EXPECT_EQ(ClaimStatus(claim2_), cim::v1::CLAIM_STATUS_PAID);
}

TEST_F(MysqlPayoutRepositoryTest, ListsFilterNewestFirstAndPage) {
  PostMarch();
  absl::StatusOr<cim::v1::PayoutRun> march = RunMarch();
  ASSERT_THAT(march, IsOk());
  absl::StatusOr<cim::v1::PayoutRun> april = RunApril(RunTime() + absl::Hours(24 * 30));
  ASSERT_THAT(april, IsOk());
  const int64_t alpha_eur = march->statements(0).id(), alpha_usd = march->statements(1).id(),
                bravo_eur = march->statements(2).id(), alpha_april = april->statements(0).id();
  ASSERT_THAT(payouts_.MarkPaid(alpha_usd, "", "SEPA-USD", kFay, RunTime()), IsOk());

  const struct {
    const char* name;
    StatementFilter filter;
    int64_t before_id;
    int limit;
    std::vector<int64_t> ids;
  } kCases[] = {
      {"all", {}, 0, 10, {alpha_april, bravo_eur, alpha_usd, alpha_eur}},
      {"partner", {.partner_id = kAlpha}, 0, 10, {alpha_april, alpha_usd, alpha_eur}},
      {"paid", {.status = cim::v1::STATEMENT_STATUS_PAID}, 0, 10, {alpha_usd}},
      {"run", {.payout_run_id = march->id()}, 0, 10, {bravo_eur, alpha_usd, alpha_eur}},
      {"open in a run",
       {.status = cim::v1::STATEMENT_STATUS_OPEN, .payout_run_id = april->id()},
       0,
       10,
       {alpha_april}},
      {"program", {.program_id = program_.id()}, 0, 10, {alpha_april, alpha_eur}},
      {"another program", {.program_id = program_.id() + 1000}, 0, 10, {}},
      {"period in April", {.period = {Day(2026, 4, 15), Day(2026, 5, 1)}}, 0, 10, {alpha_april}},
      {"period across both",
       {.period = {Day(2026, 3, 31), Day(2026, 4, 1)}},
       0,
       10,
       {alpha_april, bravo_eur, alpha_usd, alpha_eur}},
      {"period before", {.period = {Day(2026, 1, 1), Day(2026, 2, 28)}}, 0, 10, {}},
      {"page", {}, 0, 2, {alpha_april, bravo_eur}},
      {"next page", {}, bravo_eur, 2, {alpha_usd, alpha_eur}},
  };
  for (const auto& c : kCases) {
    absl::StatusOr<std::vector<cim::v1::Statement>> list =
        payouts_.List(c.filter, c.before_id, c.limit);
    ASSERT_THAT(list, IsOk()) << c.name;
    std::vector<int64_t> ids;
    for (const cim::v1::Statement& s : *list) {
      ids.push_back(s.id());
      EXPECT_THAT(s.entries(), IsEmpty()) << c.name;
    }
    EXPECT_THAT(ids, ::testing::ElementsAreArray(c.ids)) << c.name;
  }
}

TEST_F(MysqlPayoutRepositoryTest, RacingRunsNeverPutAnEntryInTwoStatements) {
  PostMarch();
  std::atomic<int> ran{0}, aborted{0};
  std::vector<std::thread> finance;
  for (int i = 0; i < 4; ++i) {
    finance.emplace_back([&] {
      const absl::StatusOr<cim::v1::PayoutRun> run = RunMarch();
      if (run.ok()) {
        ++ran;
      } else if (absl::IsAborted(run.status())) {
        ++aborted;
      } else {
        ADD_FAILURE() << run.status();
      }
    });
  }
  for (std::thread& t : finance) t.join();
  EXPECT_EQ(ran.load() + aborted.load(), 4);
  EXPECT_GE(ran.load(), 1);
  // March's six payable entries, each in exactly one statement, paying 550.00 in all.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM statement_lines"), 6);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM statements"), 3);
  EXPECT_EQ(Text("SELECT CAST(SUM(total) AS CHAR) FROM statements"), "550.0000");
}

TEST_F(MysqlPayoutRepositoryTest, RetriesWithOneKeyAnswerTheOneRunItMade) {
  PostMarch();
  std::vector<absl::StatusOr<cim::v1::PayoutRun>> runs(4, absl::UnknownError("not run"));
  std::vector<std::thread> clicks;
  for (int i = 0; i < 4; ++i) {
    clicks.emplace_back([&, i] { runs[i] = RunMarch("march-2026-first"); });
  }
  for (std::thread& t : clicks) t.join();
  for (const absl::StatusOr<cim::v1::PayoutRun>& run : runs) {
    ASSERT_THAT(run, IsOk());
    EXPECT_EQ(run->id(), runs[0]->id());
    EXPECT_EQ(run->idempotency_key(), "march-2026-first");
    EXPECT_THAT(Groups(*run),
                ElementsAre("Alpha EUR 200.00/4", "Alpha USD 50.00/1", "Bravo EUR 300.00/1"));
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM payout_runs"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM statements"), 3);
  // A retry after a statement was paid answers the run as it is now; another key makes a run
  // with nothing left to pay.
  ASSERT_THAT(payouts_.MarkPaid(runs[0]->statements(0).id(), "", "SEPA-1", kFay, RunTime()),
              IsOk());
  absl::StatusOr<cim::v1::PayoutRun> retry = RunMarch("march-2026-first");
  ASSERT_THAT(retry, IsOk());
  EXPECT_EQ(retry->statements(0).status(), cim::v1::STATEMENT_STATUS_PAID);
  absl::StatusOr<cim::v1::PayoutRun> again = RunMarch("march-2026-second");
  ASSERT_THAT(again, IsOk());
  EXPECT_NE(again->id(), runs[0]->id());
  EXPECT_THAT(again->statements(), IsEmpty());
}

}  // namespace
}  // namespace cim
