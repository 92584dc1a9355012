// The ledger entries writer and reader every posting store shares, against MariaDB: a unit's
// scale is its currency's minor units (none for points); every field of a posting is stored
// and read back exactly, ids of 0 as NULL; many postings are one statement (all or none, ids in
// order) inside the caller's transaction; a basis is cut at 1,000 characters, never inside
// one; reads filter by every field, newest first, and an entry's statement is the PAYOUT's own
// or the statement that pays it. (mysql_ledger_repository_test holds the repository's paging
// by partner, balances and Get.)
#include "server/money/mysql_ledger_entries.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/server/money/money_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class MysqlLedgerEntriesTest : public MoneyStoreTest {
 protected:
  std::vector<LedgerEntry> Read(const LedgerFilter& filter, int64_t before_id = 0,
                                int limit = 100) {
    absl::StatusOr<std::vector<LedgerEntry>> entries =
        database_.db().Run([&](soci::session& s) -> absl::StatusOr<std::vector<LedgerEntry>> {
          return ReadLedgerEntries(s, filter, before_id, limit);
        });
    EXPECT_THAT(entries, IsOk());
    return entries.value_or(std::vector<LedgerEntry>());
  }

  static std::vector<std::string> Amounts(const std::vector<LedgerEntry>& entries) {
    std::vector<std::string> out;
    for (const LedgerEntry& e : entries) out.push_back(e.amount());
    return out;
  }
};

TEST_F(MysqlLedgerEntriesTest, UnitScaleIsTheCurrencysMinorUnitsOrNoneForPoints) {
  const struct {
    const char* unit;
    int scale;
  } kCases[] = {{"points", 0}, {"EUR", 2}, {"USD", 2}, {"JPY", 0},
                {"BHD", 3},    {"KWD", 3}, {"XXX", 2}};  // unknown: the default of 2
  for (const auto& c : kCases) EXPECT_EQ(LedgerUnitScale(c.unit), c.scale) << c.unit;
}

TEST_F(MysqlLedgerEntriesTest, StoresEveryFieldAndReadsItBackExactly) {
  const cim::v1::Program program = BudgetProgram("EUR", "1000");
  Append({Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_PAYABLE, cim::v1::LEDGER_ENTRY_KIND_REBATE, "EUR",
                  "12.5", program.id())});
  const long long original = LastEntryId();
  LedgerPosting p = Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_PAYABLE,
                            cim::v1::LEDGER_ENTRY_KIND_REVERSAL, "EUR", "-12.5", program.id());
  p.user_id = kRob;
  p.rules_version = 3;
  p.rule_id = "rebate";
  p.claim_id = 77;
  p.basis = "reverses entry: wrong invoice";
  p.period_start = absl::CivilDay(2026, 1, 1);
  p.reverses_entry_id = original;
  p.fund_request_id = 9;
  p.created_by = kFay;
  p.created_at = T0() + absl::Seconds(5);
  Append({p});

  const std::vector<LedgerEntry> read = Read(LedgerFilter{.claim_id = 77});
  ASSERT_EQ(read.size(), 1u);
  const LedgerEntry& e = read[0];
  EXPECT_GT(e.id(), original);
  EXPECT_EQ(e.partner_id(), kAlpha);
  EXPECT_EQ(e.user_id(), kRob);
  EXPECT_EQ(e.program_id(), program.id());
  EXPECT_EQ(e.rules_version(), 3);
  EXPECT_EQ(e.rule_id(), "rebate");
  EXPECT_EQ(e.claim_id(), 77);
  EXPECT_EQ(e.account(), cim::v1::LEDGER_ACCOUNT_PAYABLE);
  EXPECT_EQ(e.kind(), cim::v1::LEDGER_ENTRY_KIND_REVERSAL);
  EXPECT_EQ(e.unit(), "EUR");
  EXPECT_EQ(e.amount(), "-12.50");
  EXPECT_EQ(e.basis(), "reverses entry: wrong invoice");
  EXPECT_EQ(e.period_start(), "2026-01-01");
  EXPECT_EQ(e.reverses_entry_id(), original);
  EXPECT_EQ(e.statement_id(), 0);
  EXPECT_EQ(e.created_by_user_id(), kFay);
  EXPECT_EQ(e.create_time().seconds(), kT0Seconds + 5);
  EXPECT_EQ(e.fund_request_id(), 9);

  // Amounts come back in their unit's scale: yen and points whole, dinars to the fils.
  Append({Posting(kBravo, cim::v1::LEDGER_ACCOUNT_PAYABLE, cim::v1::LEDGER_ENTRY_KIND_SPIF, "JPY",
                  "1500"),
          Posting(kBravo, cim::v1::LEDGER_ACCOUNT_PAYABLE, cim::v1::LEDGER_ENTRY_KIND_SPIF, "BHD",
                  "1.125"),
          Posting(kBravo, cim::v1::LEDGER_ACCOUNT_POINTS, cim::v1::LEDGER_ENTRY_KIND_POINTS,
                  kPointsUnit, "50"),
          Posting(kBravo, cim::v1::LEDGER_ACCOUNT_PAYABLE, cim::v1::LEDGER_ENTRY_KIND_SPIF, "EUR",
                  "0.0001")});
  EXPECT_THAT(Amounts(Read(LedgerFilter{.partner_id = kBravo})),
              ElementsAre("0.0001", "50", "1.125", "1500"));
}

TEST_F(MysqlLedgerEntriesTest, IdsOfZeroAreStoredAsNullAndReadBackAsZero) {
  Append({Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_MDF_FUND,
                  cim::v1::LEDGER_ENTRY_KIND_MDF_ALLOCATION, "EUR", "2000")});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries WHERE user_id IS NULL"
                  " AND program_id IS NULL AND rules_version IS NULL AND rule_id IS NULL"
                  " AND claim_id IS NULL AND period_start IS NULL AND reverses_entry_id IS NULL"
                  " AND statement_id IS NULL AND fund_request_id IS NULL"),
            1);
  const std::vector<LedgerEntry> read = Read(LedgerFilter{});
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].user_id(), 0);
  EXPECT_EQ(read[0].program_id(), 0);
  EXPECT_EQ(read[0].rule_id(), "");
  EXPECT_EQ(read[0].period_start(), "");
  EXPECT_EQ(read[0].reverses_entry_id(), 0);
  EXPECT_EQ(read[0].amount(), "2000.00");
}

TEST_F(MysqlLedgerEntriesTest, AppendsManyInOneStatementInsideTheCallersTransaction) {
  Append({Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_PAYABLE, cim::v1::LEDGER_ENTRY_KIND_SPIF, "EUR",
                  "1"),
          Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_PAYABLE, cim::v1::LEDGER_ENTRY_KIND_SPIF, "EUR",
                  "2"),
          Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_PAYABLE, cim::v1::LEDGER_ENTRY_KIND_SPIF, "EUR",
                  "3")});
  // Ids in the order given (read back newest first).
  const std::vector<LedgerEntry> three = Read(LedgerFilter{});
  ASSERT_EQ(three.size(), 3u);
  EXPECT_THAT(Amounts(three), ElementsAre("3.00", "2.00", "1.00"));
  EXPECT_GT(three[0].id(), three[1].id());
  EXPECT_GT(three[1].id(), three[2].id());

  // Nothing to append writes nothing.
  Append({});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries"), 3);

  // One statement: a posting that cannot be stored (it reverses no entry) takes the valid one
  // before it along, even outside a transaction.
  LedgerPosting dangling = Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_PAYABLE,
                                   cim::v1::LEDGER_ENTRY_KIND_REVERSAL, "EUR", "-1");
  dangling.reverses_entry_id = 999;
  const absl::Status refused = database_.db().Run([&](soci::session& s) -> absl::Status {
    AppendLedgerEntries(s, {Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_PAYABLE,
                                    cim::v1::LEDGER_ENTRY_KIND_SPIF, "EUR", "4"),
                            dangling});
    return absl::OkStatus();
  });
  EXPECT_THAT(refused, StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("refers to")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries"), 3);

  // The caller's transaction decides: when it fails after appending, nothing is kept.
  const absl::Status rolled_back = database_.db().Transact([&](soci::session& s) -> absl::Status {
    AppendLedgerEntries(s, {Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_PAYABLE,
                                    cim::v1::LEDGER_ENTRY_KIND_SPIF, "EUR", "5")});
    return absl::FailedPreconditionError("the budget cannot cover this");
  });
  EXPECT_THAT(rolled_back, StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries"), 3);
}

TEST_F(MysqlLedgerEntriesTest, CutsALongBasisAtOneThousandCharacters) {
  std::string long_basis;
  for (int i = 0; i < 1200; ++i) long_basis += "\xE2\x82\xAC";  // "€", 3 bytes
  std::string exact(1000, 'x');
  LedgerPosting euro = Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_PAYABLE,
                               cim::v1::LEDGER_ENTRY_KIND_BONUS, "EUR", "1", 0);
  euro.basis = long_basis;
  euro.claim_id = 1;
  LedgerPosting fits = euro;
  fits.basis = exact;
  fits.claim_id = 2;
  Append({euro, fits});

  std::string expected;
  for (int i = 0; i < 1000; ++i) expected += "\xE2\x82\xAC";
  const std::vector<LedgerEntry> cut = Read(LedgerFilter{.claim_id = 1});
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_EQ(cut[0].basis(), expected);
  EXPECT_EQ(Count("SELECT CHAR_LENGTH(basis) FROM ledger_entries WHERE claim_id = 1"), 1000);
  const std::vector<LedgerEntry> kept = Read(LedgerFilter{.claim_id = 2});
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].basis(), exact);
}

TEST_F(MysqlLedgerEntriesTest, ReadsFilterByEveryFieldNewestFirst) {
  const cim::v1::Program program = BudgetProgram("EUR", "1000");
  auto with = [](LedgerPosting p, int64_t user, int64_t claim, int64_t fund_request) {
    p.user_id = user;
    p.claim_id = claim;
    p.fund_request_id = fund_request;
    return p;
  };
  Append({
      with(Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_PAYABLE, cim::v1::LEDGER_ENTRY_KIND_REBATE,
                   "EUR", "1", program.id()),
           0, 11, 0),
      with(Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_POINTS, cim::v1::LEDGER_ENTRY_KIND_POINTS,
                   kPointsUnit, "2", program.id()),
           kRob, 11, 0),
      with(Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_MDF_FUND,
                   cim::v1::LEDGER_ENTRY_KIND_REIMBURSEMENT, "EUR", "-3", program.id()),
           kAnn, 0, 5),
      with(Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_PAYABLE,
                   cim::v1::LEDGER_ENTRY_KIND_REIMBURSEMENT, "EUR", "3", program.id()),
           kAnn, 0, 5),
      with(Posting(kBravo, cim::v1::LEDGER_ACCOUNT_PAYABLE, cim::v1::LEDGER_ENTRY_KIND_REBATE,
                   "EUR", "4"),
           0, 12, 0),
  });
  const std::vector<LedgerEntry> all = Read(LedgerFilter{});
  ASSERT_EQ(all.size(), 5u);
  const int64_t points_entry = all[3].id();
  const struct {
    const char* name;
    LedgerFilter filter;
    int64_t before_id;
    int limit;
    std::vector<std::string> amounts;
  } kCases[] = {
      {"everything", {}, 0, 100, {"4.00", "3.00", "-3.00", "2", "1.00"}},
      {"partner", {.partner_id = kBravo}, 0, 100, {"4.00"}},
      {"user", {.user_id = kAnn}, 0, 100, {"3.00", "-3.00"}},
      {"program", {.program_id = program.id()}, 0, 100, {"3.00", "-3.00", "2", "1.00"}},
      {"account", {.account = cim::v1::LEDGER_ACCOUNT_MDF_FUND}, 0, 100, {"-3.00"}},
      {"kind", {.kind = cim::v1::LEDGER_ENTRY_KIND_REBATE}, 0, 100, {"4.00", "1.00"}},
      {"claim", {.claim_id = 11}, 0, 100, {"2", "1.00"}},
      {"fund request", {.fund_request_id = 5}, 0, 100, {"3.00", "-3.00"}},
      {"partner and account",
       {.partner_id = kAlpha, .account = cim::v1::LEDGER_ACCOUNT_PAYABLE},
       0,
       100,
       {"3.00", "1.00"}},
      {"before an id", {}, points_entry + 1, 100, {"2", "1.00"}},
      {"limit", {}, 0, 2, {"4.00", "3.00"}},
      {"nothing matches", {.partner_id = kBravo, .user_id = kAnn}, 0, 100, {}},
  };
  for (const auto& c : kCases) {
    EXPECT_THAT(Amounts(Read(c.filter, c.before_id, c.limit)), ElementsAreArray(c.amounts))
        << c.name;
  }
}

TEST_F(MysqlLedgerEntriesTest, AnEntrysStatementIsThePayoutsOwnOrTheOneThatPaysIt) {
  Append({Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_PAYABLE, cim::v1::LEDGER_ENTRY_KIND_SPIF, "EUR",
                  "100"),
          Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_PAYABLE, cim::v1::LEDGER_ENTRY_KIND_SPIF, "EUR",
                  "50")});
  const long long unpaid = LastEntryId(), paid = unpaid - 1;
  Exec(
      "INSERT INTO payout_runs (period_start, period_end, created_by, created_at)"
      " VALUES ('2026-03-01', '2026-03-31', 3, '2026-04-01 09:00:00')");
  Exec(
      "INSERT INTO statements (run_id, partner_id, currency_code, total, entry_count, status,"
      " created_at) VALUES (1, 1, 'EUR', 100, 1, 2, '2026-04-01 09:00:00')");  // PAID
  Exec(absl::StrCat("INSERT INTO statement_lines (entry_id, statement_id) VALUES (", paid, ", 1)"));
  LedgerPosting payout = Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_PAYABLE,
                                 cim::v1::LEDGER_ENTRY_KIND_PAYOUT, "EUR", "-100");
  payout.statement_id = 1;
  Append({payout});

  const std::vector<LedgerEntry> read = Read(LedgerFilter{.partner_id = kAlpha});
  ASSERT_EQ(read.size(), 3u);
  EXPECT_EQ(read[0].kind(), cim::v1::LEDGER_ENTRY_KIND_PAYOUT);
  EXPECT_EQ(read[0].statement_id(), 1);  // its own column
  EXPECT_EQ(read[1].id(), unpaid);
  EXPECT_EQ(read[1].statement_id(), 0);
  EXPECT_EQ(read[2].id(), paid);
  EXPECT_EQ(read[2].statement_id(), 1);  // through its statement line

  // in_statement_id reads the lines a statement pays, not the payout that paid it.
  EXPECT_THAT(Amounts(Read(LedgerFilter{.in_statement_id = 1})), ElementsAre("100.00"));
  EXPECT_THAT(Read(LedgerFilter{.in_statement_id = 2}), IsEmpty());
}

}  // namespace
}  // namespace cim
