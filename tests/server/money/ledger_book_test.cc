// LedgerBook over the real ledger store: balances and entries are scoped to the caller (a
// partner admin's partner, a rep's own entries, any partner for vendor roles and service
// accounts, who must name one for a balance), a foreign partner answers NOT_FOUND; lists page
// newest first with tokens bound to their filters; finance and program admins reverse rewards
// only, once, with an exact opposite entry at the clock's time that gives money (not points)
// back to the budget; bad requests are INVALID_ARGUMENT and write nothing.
#include "server/money/ledger_book.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cim/v1/recognition.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/clock.h"
#include "lib/text_field.h"
#include "server/money/mysql_budget.h"
#include "server/money/mysql_ledger_repository.h"
#include "tests/server/money/money_store_fixture.h"
#include "tests/testing/phrase_matchers.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::InEnglish;

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class LedgerBookTest : public MoneyStoreTest {
 protected:
  void SetUp() override {
    MoneyStoreTest::SetUp();
    program_ = BudgetProgram("EUR", "1000");
    // Alpha: a 120.00 rebate (drawn from the budget as its approval drew it), points for Rob
    // (50, in the first quarter) and Ann (30), a co-op accrual; Bravo: a 300.00 rebate.
    LedgerPosting rebate = Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_PAYABLE,
                                   cim::v1::LEDGER_ENTRY_KIND_REBATE, "EUR", "120", program_.id());
    rebate.rule_id = "rebate";
    rebate.rules_version = 1;
    LedgerPosting rob =
        Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_POINTS, cim::v1::LEDGER_ENTRY_KIND_POINTS,
                kPointsUnit, "50", program_.id());
    rob.user_id = kRob;
    rob.period_start = absl::CivilDay(2026, 1, 1);
    LedgerPosting ann = rob;
    ann.user_id = kAnn;
    ann.amount = Decimal::FromInt(30);
    Append({rebate, rob, ann,
            Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_COOP_FUND,
                    cim::v1::LEDGER_ENTRY_KIND_COOP_ACCRUAL, "EUR", "40", program_.id()),
            Posting(kBravo, cim::v1::LEDGER_ACCOUNT_PAYABLE, cim::v1::LEDGER_ENTRY_KIND_REBATE,
                    "EUR", "300")});
    rebate_id_ = Count("SELECT MIN(id) FROM ledger_entries");
    rob_points_id_ = Count(absl::StrCat("SELECT id FROM ledger_entries WHERE user_id = ", kRob));
    coop_id_ = Count("SELECT id FROM ledger_entries WHERE account = 3");
    ASSERT_THAT(database_.db().Transact([&](soci::session& s) {
      return DrawBudget(s, program_.id(), kAlpha, *Decimal::Parse("120"));
    }),
                IsOk());
  }

  // "ACCOUNT unit amount" for each balance.
  static std::vector<std::string> Lines(const cim::v1::GetBalanceResponse& response) {
    std::vector<std::string> out;
    for (const cim::v1::Balance& b : response.balances()) {
      out.push_back(
          absl::StrCat(WithoutPrefix(cim::v1::LedgerAccount_Name(b.account()), "LEDGER_ACCOUNT_"),
                       " ", b.unit(), " ", b.amount()));
    }
    return out;
  }

  static std::vector<std::string> Amounts(const cim::v1::ListLedgerEntriesResponse& response) {
    std::vector<std::string> out;
    for (const LedgerEntry& e : response.entries()) out.push_back(e.amount());
    return out;
  }

  absl::StatusOr<LedgerEntry> Reverse(int64_t caller, int64_t entry_id,
                                      const std::string& reason = "duplicate invoice") {
    cim::v1::ReverseLedgerEntryRequest request;
    request.set_entry_id(entry_id);
    request.set_reason(reason);
    return book_.Reverse(Caller(caller), request);
  }

  FakeClock clock_{T0() + absl::Hours(1)};
  MysqlLedgerRepository ledger_{database_.db()};
  LedgerBook book_{ledger_, clock_};
  cim::v1::Program program_;
  int64_t rebate_id_ = 0, rob_points_id_ = 0, coop_id_ = 0;
};

TEST_F(LedgerBookTest, BalancesAreScopedToWhatTheCallerMaySee) {
  const struct {
    const char* name;
    int64_t caller;
    int64_t partner_id, user_id, program_id;
    std::vector<std::string> balances;  // empty: `code` expected
    absl::StatusCode code = absl::StatusCode::kOk;
  } kCases[] = {
      {"partner admin: their partner",
       kAnn,
       0,
       0,
       0,
       {"PAYABLE EUR 120.00", "POINTS points 80", "COOP_FUND EUR 40.00"}},
      {"partner admin: one of their users", kAnn, 0, kRob, 0, {"POINTS points 50"}},
      {"partner rep: only their own", kRob, 0, 0, 0, {"POINTS points 50"}},
      {"partner rep: another user", kRob, 0, kAnn, 0, {}, absl::StatusCode::kPermissionDenied},
      {"another partner answers as if absent", kAnn, kBravo, 0, 0, {}, absl::StatusCode::kNotFound},
      {"vendor role: a named partner", kVera, kBravo, 0, 0, {"PAYABLE EUR 300.00"}},
      {"vendor role: must name one", kVera, 0, 0, 0, {}, absl::StatusCode::kInvalidArgument},
      {"service account: a partner in a program",
       kErp,
       kAlpha,
       0,
       program_.id(),
       {"PAYABLE EUR 120.00", "POINTS points 80", "COOP_FUND EUR 40.00"}},
      {"a program without entries", kErp, kBravo, 0, program_.id(), {}},
  };
  for (const auto& c : kCases) {
    cim::v1::GetBalanceRequest request;
    request.set_partner_id(c.partner_id);
    request.set_user_id(c.user_id);
    request.set_program_id(c.program_id);
    absl::StatusOr<cim::v1::GetBalanceResponse> response =
        book_.GetBalance(Caller(c.caller), request);
    if (c.code != absl::StatusCode::kOk) {
      EXPECT_THAT(response, StatusIs(c.code)) << c.name;
      continue;
    }
    ASSERT_THAT(response, IsOk()) << c.name;
    EXPECT_THAT(Lines(*response), ::testing::ElementsAreArray(c.balances)) << c.name;
  }
  Principal nobody = Caller(kAnn);
  nobody.role = cim::v1::ROLE_UNSPECIFIED;
  EXPECT_THAT(book_.GetBalance(nobody, cim::v1::GetBalanceRequest()),
              StatusIs(absl::StatusCode::kPermissionDenied));
}

TEST_F(LedgerBookTest, ListsPageNewestFirstWithinTheCallersScope) {
  cim::v1::ListLedgerEntriesRequest request;
  request.set_page_size(2);
  absl::StatusOr<cim::v1::ListLedgerEntriesResponse> first =
      book_.ListEntries(Caller(kVera), request);  // a vendor role may list the whole ledger
  ASSERT_THAT(first, IsOk());
  EXPECT_THAT(Amounts(*first), ElementsAre("300.00", "40.00"));
  ASSERT_FALSE(first->next_page_token().empty());
  request.set_page_token(first->next_page_token());
  absl::StatusOr<cim::v1::ListLedgerEntriesResponse> second =
      book_.ListEntries(Caller(kVera), request);
  ASSERT_THAT(second, IsOk());
  EXPECT_THAT(Amounts(*second), ElementsAre("30", "50"));
  request.set_page_token(second->next_page_token());
  absl::StatusOr<cim::v1::ListLedgerEntriesResponse> last =
      book_.ListEntries(Caller(kVera), request);
  ASSERT_THAT(last, IsOk());
  EXPECT_THAT(Amounts(*last), ElementsAre("120.00"));
  EXPECT_EQ(last->next_page_token(), "");

  // A token continues only the list that issued it.
  request.set_page_token(first->next_page_token());
  request.set_partner_id(kAlpha);
  EXPECT_THAT(book_.ListEntries(Caller(kVera), request),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_token")));

  cim::v1::ListLedgerEntriesRequest mine;
  absl::StatusOr<cim::v1::ListLedgerEntriesResponse> rob = book_.ListEntries(Caller(kRob), mine);
  ASSERT_THAT(rob, IsOk());
  EXPECT_THAT(Amounts(*rob), ElementsAre("50"));
  absl::StatusOr<cim::v1::ListLedgerEntriesResponse> bea = book_.ListEntries(Caller(kBea), mine);
  ASSERT_THAT(bea, IsOk());
  EXPECT_THAT(Amounts(*bea), ElementsAre("300.00"));
  mine.set_account(cim::v1::LEDGER_ACCOUNT_COOP_FUND);
  absl::StatusOr<cim::v1::ListLedgerEntriesResponse> coop = book_.ListEntries(Caller(kAnn), mine);
  ASSERT_THAT(coop, IsOk());
  EXPECT_THAT(Amounts(*coop), ElementsAre("40.00"));
  mine.set_partner_id(kAlpha);
  EXPECT_THAT(book_.ListEntries(Caller(kBea), mine), StatusIs(absl::StatusCode::kNotFound));

  cim::v1::ListLedgerEntriesRequest bad;
  bad.set_account(static_cast<cim::v1::LedgerAccount>(99));
  EXPECT_THAT(book_.ListEntries(Caller(kVera), bad),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("account")));
  bad = cim::v1::ListLedgerEntriesRequest();
  bad.set_page_size(501);
  EXPECT_THAT(book_.ListEntries(Caller(kVera), bad),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_size")));
}

TEST_F(LedgerBookTest, ReversesARewardOnceGivingItsMoneyBackToTheBudget) {
  absl::StatusOr<LedgerEntry> reversal = Reverse(kFay, rebate_id_);
  ASSERT_THAT(reversal, IsOk());
  EXPECT_EQ(reversal->kind(), cim::v1::LEDGER_ENTRY_KIND_REVERSAL);
  EXPECT_EQ(reversal->account(), cim::v1::LEDGER_ACCOUNT_PAYABLE);
  EXPECT_EQ(reversal->amount(), "-120.00");
  EXPECT_EQ(reversal->unit(), "EUR");
  EXPECT_EQ(reversal->partner_id(), kAlpha);
  EXPECT_EQ(reversal->program_id(), program_.id());
  EXPECT_EQ(reversal->rule_id(), "rebate");
  EXPECT_EQ(reversal->rules_version(), 1);
  EXPECT_EQ(reversal->reverses_entry_id(), rebate_id_);
  EXPECT_EQ(InEnglish(reversal->basis()),
            absl::StrCat("reverses entry ", rebate_id_, " (€120): duplicate invoice"));
  EXPECT_EQ(reversal->created_by_user_id(), kFay);
  EXPECT_EQ(reversal->create_time().seconds(), kT0Seconds + 3600);
  EXPECT_EQ(ReadProgram(program_.id()).budget_drawn(), "0.00");

  cim::v1::GetBalanceRequest alpha;
  alpha.set_partner_id(kAlpha);
  absl::StatusOr<cim::v1::GetBalanceResponse> balance = book_.GetBalance(Caller(kFay), alpha);
  ASSERT_THAT(balance, IsOk());
  EXPECT_THAT(Lines(*balance),
              ElementsAre("PAYABLE EUR 0.00", "POINTS points 80", "COOP_FUND EUR 40.00"));

  // Once only, by anyone.
  EXPECT_THAT(Reverse(kPam, rebate_id_),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("already reversed")));
  EXPECT_EQ(ReadProgram(program_.id()).budget_drawn(), "0.00");
}

TEST_F(LedgerBookTest, ReversingPointsGivesNothingBackToTheBudget) {
  absl::StatusOr<LedgerEntry> reversal = Reverse(kPam, rob_points_id_, "test account");
  ASSERT_THAT(reversal, IsOk());
  EXPECT_EQ(reversal->account(), cim::v1::LEDGER_ACCOUNT_POINTS);
  EXPECT_EQ(reversal->amount(), "-50");
  EXPECT_EQ(reversal->user_id(), kRob);
  EXPECT_EQ(reversal->period_start(), "2026-01-01");  // leaves the period it counted in
  EXPECT_EQ(ReadProgram(program_.id()).budget_drawn(), "120.00");
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM outbox_events WHERE kind = ",
                               static_cast<int>(cim::v1::RECOGNITION_EVENT_KIND_POINTS_REVERSED),
                               " AND user_id = ", kRob, " AND points = -50")),
            1);
}

TEST_F(LedgerBookTest, RefusesWhatMayNotBeReversedAndWritesNothing) {
  const long long entries = Count("SELECT COUNT(*) FROM ledger_entries");
  EXPECT_THAT(Reverse(kVera, rebate_id_), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Reverse(kAnn, rebate_id_), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Reverse(kFay, 0),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("entry_id")));
  EXPECT_THAT(Reverse(kFay, rebate_id_, ""),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("reason")));
  EXPECT_THAT(Reverse(kFay, rebate_id_, std::string(501, 'r')),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("reason")));
  EXPECT_THAT(Reverse(kFay, 99999), StatusIs(absl::StatusCode::kNotFound));
  // Fund credits may already be reserved or spent.
  EXPECT_THAT(Reverse(kFay, coop_id_),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("only rewards")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries"), entries);
  EXPECT_EQ(ReadProgram(program_.id()).budget_drawn(), "120.00");

  // A reversal is a correction itself.
  ASSERT_THAT(Reverse(kFay, rebate_id_), IsOk());
  EXPECT_THAT(Reverse(kFay, LastEntryId()),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("only rewards")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries"), entries + 1);
}

}  // namespace
}  // namespace cim
