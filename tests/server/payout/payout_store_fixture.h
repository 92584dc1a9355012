// The fixture the payout store and payout workflow tests share: the money fixture's partners
// and users, a EUR program, approved claims, and March 2026's money as the ledger holds it
// when finance runs the payout (PostMarch): Alpha owes 200.00 EUR in four entries (two of
// claim 1, one of claim 2, the last a second before midnight on the 31st) and 50.00 USD, Bravo
// 300.00 EUR and −10.00 GBP (nothing to pay yet); points, fund money, an earlier payout and
// April's 999.00 EUR (claim 2's second reward) are not March's to pay. Also the payout store.
#ifndef CIM_TESTS_SERVER_PAYOUT_PAYOUT_STORE_FIXTURE_H_
#define CIM_TESTS_SERVER_PAYOUT_PAYOUT_STORE_FIXTURE_H_

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "cim/v1/claim.pb.h"
#include "cim/v1/payout.pb.h"
#include "gtest/gtest.h"
#include "server/payout/mysql_payout_repository.h"
#include "tests/server/money/money_store_fixture.h"

namespace cim {

class PayoutStoreTest : public MoneyStoreTest {
 protected:
  void SetUp() override {
    MoneyStoreTest::SetUp();
    program_ = BudgetProgram("EUR", "100000");
    claim1_ = InsertClaim(kAlpha, "A-1");
    claim2_ = InsertClaim(kAlpha, "A-2");
  }

  // An APPROVED claim of `partner` in the program; returns its id.
  int64_t InsertClaim(int64_t partner, const std::string& invoice) {
    Exec(absl::StrCat(
        "INSERT INTO claims (program_id, partner_id, submitted_by, idempotency_key, request_hash,"
        " invoice_number, invoice_key, invoice_date, customer_name, customer_key,"
        " customer_country, currency_code, total_amount, notes, status, created_at, updated_at)"
        " VALUES (",
        program_.id(), ", ", partner, ", ", partner == kAlpha ? kAnn : kBea, ", '", invoice,
        "', REPEAT('0', 64), '", invoice, "', '", invoice,
        "', '2026-02-20', 'Acme', 'acme', 'NL', 'EUR', 1000, '', ",
        static_cast<int>(cim::v1::CLAIM_STATUS_APPROVED),
        ", '2026-02-21 09:00:00', '2026-03-02 09:00:00')"));
    return Count("SELECT MAX(id) FROM claims");
  }

  // A payable `kind` entry of `partner` posted at `posted` (UTC), of `claim_id` (and so of the
  // program) if set.
  LedgerPosting Payable(int64_t partner, const char* unit, const char* amount,
                        absl::CivilSecond posted, int64_t claim_id = 0,
                        cim::v1::LedgerEntryKind kind = cim::v1::LEDGER_ENTRY_KIND_SPIF) const {
    LedgerPosting p = Posting(partner, cim::v1::LEDGER_ACCOUNT_PAYABLE, kind, unit, amount,
                              claim_id != 0 ? program_.id() : 0);
    p.claim_id = claim_id;
    p.created_at = absl::FromCivil(posted, absl::UTCTimeZone());
    return p;
  }

  // March's money and what is not March's to pay (see the top of this file).
  void PostMarch() {
    const absl::CivilSecond march(2026, 3, 2, 9, 0, 0);
    LedgerPosting points = Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_POINTS,
                                   cim::v1::LEDGER_ENTRY_KIND_POINTS, kPointsUnit, "50");
    LedgerPosting mdf = Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_MDF_FUND,
                                cim::v1::LEDGER_ENTRY_KIND_MDF_ALLOCATION, "EUR", "2000");
    Append({Payable(kAlpha, "EUR", "120", march, claim1_),
            Payable(kAlpha, "EUR", "100", march, claim2_),
            Payable(kAlpha, "EUR", "-20.01", march, claim1_, cim::v1::LEDGER_ENTRY_KIND_REVERSAL),
            Payable(kAlpha, "EUR", "0.01", absl::CivilSecond(2026, 3, 31, 23, 59, 59)),
            Payable(kAlpha, "USD", "50", march), Payable(kBravo, "EUR", "300", march),
            Payable(kBravo, "GBP", "-10", march),
            Payable(kAlpha, "EUR", "-5", march, 0, cim::v1::LEDGER_ENTRY_KIND_PAYOUT), points, mdf,
            Payable(kAlpha, "EUR", "999", absl::CivilSecond(2026, 4, 1, 0, 0, 0), claim2_)});
  }

  static absl::CivilDay Day(int y, int m, int d) { return absl::CivilDay(y, m, d); }

  // The claim's status as stored.
  long long ClaimStatus(int64_t claim_id) {
    return Count(absl::StrCat("SELECT status FROM claims WHERE id = ", claim_id));
  }

  MysqlPayoutRepository payouts_{database_.db()};
  cim::v1::Program program_;
  int64_t claim1_ = 0, claim2_ = 0;
};

}  // namespace cim

#endif  // CIM_TESTS_SERVER_PAYOUT_PAYOUT_STORE_FIXTURE_H_
