// The fixture the fund store and fund workflow tests share: the money fixture's partners and
// users, a EUR program with a co-op and an MDF fund that Alpha and Bravo joined, their funds
// credited (Alpha: MDF 2,000.00 and co-op 200.00; Bravo: MDF 1,000.00), the fund store, and
// helpers for requests, proof uploads and fund balances.
#ifndef CIM_TESTS_SERVER_FUND_FUND_STORE_FIXTURE_H_
#define CIM_TESTS_SERVER_FUND_FUND_STORE_FIXTURE_H_

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cim/v1/fund.pb.h"
#include "gtest/gtest.h"
#include "server/fund/mysql_fund_repository.h"
#include "tests/server/money/money_store_fixture.h"

namespace cim {

class FundStoreTest : public MoneyStoreTest {
 protected:
  static constexpr char kFundProgram[] = R"pb(
    name: "Marketing funds 2026"
    currency_code: "EUR"
    budget: "100000"
    start_date: "2026-01-01"
    end_date: "2026-12-31"
    rules {
      id: "coop"
      name: "Co-op"
      coop_accrual { percent: "2" }
    }
    rules {
      id: "mdf"
      name: "MDF"
      mdf_allocation { amount_per_partner: "2000" }
    }
  )pb";

  void SetUp() override {
    MoneyStoreTest::SetUp();
    program_ = CreateProgram(kFundProgram);
    Enroll(program_.id(), kAlpha);
    Enroll(program_.id(), kBravo);
    Append({Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_MDF_FUND,
                    cim::v1::LEDGER_ENTRY_KIND_MDF_ALLOCATION, "EUR", "2000", program_.id()),
            Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_COOP_FUND,
                    cim::v1::LEDGER_ENTRY_KIND_COOP_ACCRUAL, "EUR", "200", program_.id()),
            Posting(kBravo, cim::v1::LEDGER_ACCOUNT_MDF_FUND,
                    cim::v1::LEDGER_ENTRY_KIND_MDF_ALLOCATION, "EUR", "1000", program_.id())});
  }

  // A request of `partner` for `planned` from `fund` of the program: a roadshow on
  // 2026-04-01 to 03.
  cim::v1::FundRequest NewRequest(int64_t partner, const std::string& planned,
                                  cim::v1::LedgerAccount fund = cim::v1::LEDGER_ACCOUNT_MDF_FUND) {
    cim::v1::FundRequest r;
    r.set_program_id(program_.id());
    r.set_partner_id(partner);
    r.set_fund(fund);
    r.set_activity("Storage roadshow");
    r.set_description("Three days, two cities");
    r.set_planned_cost(planned);
    r.set_start_date("2026-04-01");
    r.set_end_date("2026-04-03");
    return r;
  }

  // The request stored by the store as the partner's admin (Ann or Bea) at T0.
  cim::v1::FundRequest Stored(int64_t partner, const std::string& planned,
                              cim::v1::LedgerAccount fund = cim::v1::LEDGER_ACCOUNT_MDF_FUND) {
    absl::StatusOr<cim::v1::FundRequest> stored =
        funds_.Create(NewRequest(partner, planned, fund), partner == kAlpha ? kAnn : kBea, T0());
    EXPECT_TRUE(stored.ok()) << stored.status();
    return stored.value_or(cim::v1::FundRequest());
  }

  // An unattached upload (a PNG photo) of `partner`; returns its id.
  int64_t Upload(int64_t partner) {
    Exec(absl::StrCat(
        "INSERT INTO attachments (partner_id, uploaded_by, filename, content_type, size_bytes,"
        " sha256, created_at) VALUES (",
        partner, ", ", partner == kAlpha ? kAnn : kBea,
        ", 'roadshow.png', 'image/png', 2008, REPEAT('a', 64), '2026-03-02 09:00:00')"));
    return Count("SELECT MAX(id) FROM attachments");
  }

  // The partner's `fund` in the program as the store sums it ("" fields if it has none).
  cim::v1::FundBalance Fund(int64_t partner,
                            cim::v1::LedgerAccount fund = cim::v1::LEDGER_ACCOUNT_MDF_FUND) {
    absl::StatusOr<std::vector<cim::v1::FundBalance>> funds =
        funds_.Balances(partner, program_.id());
    EXPECT_TRUE(funds.ok()) << funds.status();
    for (const cim::v1::FundBalance& f : funds.value_or(std::vector<cim::v1::FundBalance>())) {
      if (f.fund() == fund) return f;
    }
    return cim::v1::FundBalance();
  }

  MysqlFundRepository funds_{database_.db()};
  cim::v1::Program program_;
};

}  // namespace cim

#endif  // CIM_TESTS_SERVER_FUND_FUND_STORE_FIXTURE_H_
