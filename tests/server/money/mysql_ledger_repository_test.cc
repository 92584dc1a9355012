// The ledger store against MariaDB: entries appended in a transaction read back exactly, newest
// first and paged by id, only the filtered partner's; balances are sums per account and unit
// (credits and debits, ≤ 0, apart); an unknown entry is NOT_FOUND.
#include "server/money/mysql_ledger_repository.h"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/money/mysql_ledger_entries.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::Property;

class MysqlLedgerRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"Alpha", "Bravo"}) {
      ASSERT_TRUE(database_.db()
                      .Run([&](soci::session& s) -> absl::Status {
                        s << "INSERT INTO partners (name, type, tier, region, status, created_at,"
                             " updated_at) VALUES (:n, 2, 'gold', 'EMEA', 1, NOW(), NOW())",
                            soci::use(std::string(name));
                        return absl::OkStatus();
                      })
                      .ok());
    }
    // Alpha: a rebate, a SPIF taken back in part, points; Bravo: a rebate.
    Append({Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_PAYABLE, cim::v1::LEDGER_ENTRY_KIND_REBATE,
                    "EUR", "120.00"),
            Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_PAYABLE, cim::v1::LEDGER_ENTRY_KIND_SPIF, "EUR",
                    "100.00"),
            Posting(kBravo, cim::v1::LEDGER_ACCOUNT_PAYABLE, cim::v1::LEDGER_ENTRY_KIND_REBATE,
                    "EUR", "300.00"),
            Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_PAYABLE, cim::v1::LEDGER_ENTRY_KIND_SPIF, "EUR",
                    "-20.01"),
            Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_POINTS, cim::v1::LEDGER_ENTRY_KIND_POINTS,
                    kPointsUnit, "50")});
  }

  static constexpr int64_t kAlpha = 1;
  static constexpr int64_t kBravo = 2;

  static LedgerPosting Posting(int64_t partner, cim::v1::LedgerAccount account,
                               cim::v1::LedgerEntryKind kind, const std::string& unit,
                               const char* amount) {
    LedgerPosting p;
    p.partner_id = partner;
    p.account = account;
    p.kind = kind;
    p.unit = unit;
    p.amount = *Decimal::Parse(amount);
    p.basis = "test";
    p.created_at = absl::FromUnixSeconds(1772442000);
    return p;
  }

  void Append(const std::vector<LedgerPosting>& postings) {
    ASSERT_TRUE(database_.db()
                    .Transact([&](soci::session& s) -> absl::Status {
                      AppendLedgerEntries(s, postings);
                      return absl::OkStatus();
                    })
                    .ok());
  }

  testing::TestDatabase database_;
  MysqlLedgerRepository ledger_{database_.db()};
};

TEST_F(MysqlLedgerRepositoryTest, ListsOnePartnersEntriesNewestFirstInPages) {
  const LedgerFilter alpha{.partner_id = kAlpha};
  absl::StatusOr<std::vector<LedgerEntry>> first = ledger_.List(alpha, 0, 3);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_THAT(*first, ElementsAre(Property(&LedgerEntry::amount, "50"),
                                  Property(&LedgerEntry::amount, "-20.01"),
                                  Property(&LedgerEntry::amount, "100.00")));
  absl::StatusOr<std::vector<LedgerEntry>> rest = ledger_.List(alpha, first->back().id(), 3);
  ASSERT_TRUE(rest.ok()) << rest.status();
  EXPECT_THAT(*rest, ElementsAre(Property(&LedgerEntry::amount, "120.00")));
  for (const LedgerEntry& e : *first) EXPECT_EQ(e.partner_id(), kAlpha);

  const LedgerFilter spif{.partner_id = kAlpha, .kind = cim::v1::LEDGER_ENTRY_KIND_SPIF};
  absl::StatusOr<std::vector<LedgerEntry>> spifs = ledger_.List(spif, 0, 10);
  ASSERT_TRUE(spifs.ok());
  EXPECT_EQ(spifs->size(), 2u);
}

TEST_F(MysqlLedgerRepositoryTest, BalancesAreExactSumsPerAccountAndUnit) {
  absl::StatusOr<std::vector<cim::v1::Balance>> balances =
      ledger_.Balances(LedgerFilter{.partner_id = kAlpha});
  ASSERT_TRUE(balances.ok()) << balances.status();
  ASSERT_EQ(balances->size(), 2u);
  for (const cim::v1::Balance& b : *balances) {
    if (b.account() == cim::v1::LEDGER_ACCOUNT_PAYABLE) {
      EXPECT_EQ(b.unit(), "EUR");
      EXPECT_EQ(b.amount(), "199.99");  // 120.00 + 100.00 − 20.01
      EXPECT_EQ(b.credited(), "220.00");
      EXPECT_EQ(b.debited(), "-20.01");  // negative entries, summed (≤ 0)
    } else {
      EXPECT_EQ(b.account(), cim::v1::LEDGER_ACCOUNT_POINTS);
      EXPECT_EQ(b.amount(), "50");
    }
  }
}

TEST_F(MysqlLedgerRepositoryTest, GetsOneEntryOrNotFound) {
  absl::StatusOr<std::vector<LedgerEntry>> bravo =
      ledger_.List(LedgerFilter{.partner_id = kBravo}, 0, 10);
  ASSERT_TRUE(bravo.ok());
  ASSERT_EQ(bravo->size(), 1u);
  absl::StatusOr<LedgerEntry> entry = ledger_.Get(bravo->front().id());
  ASSERT_TRUE(entry.ok()) << entry.status();
  EXPECT_EQ(entry->amount(), "300.00");
  EXPECT_EQ(entry->kind(), cim::v1::LEDGER_ENTRY_KIND_REBATE);
  EXPECT_THAT(ledger_.Get(99999), StatusIs(absl::StatusCode::kNotFound));
}

}  // namespace
}  // namespace cim
