// PartnerProgressReport on the real MariaDB stores, with claims submitted and approved through
// ClaimWorkflow and an injected clock: the period containing today (clamped to the program's
// dates); per rule the period volume, the rebate tier reached and what the next needs, bonus
// and growth targets (growth against the previous period's approved sales) and what reaching
// each is worth by the rules engine (with the true-up of a retroactive rebate); rewards earned net
// of reversals and without reimbursements, payable paid through paid statements, whole points;
// claims awaiting review estimated in order on top of the period's history (claims of another
// period on that period's totals). Partner roles see only their own partner (another answers
// NOT_FOUND, as does a program they may not see); vendor callers must name the partner.
#include "server/claim/partner_progress.h"

#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cim/v1/payout.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/money/mysql_ledger_repository.h"
#include "server/program/program_directory.h"
#include "server/training/mysql_certification_registry.h"
#include "tests/server/claim/claim_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::SizeIs;

// A quarterly program with a 5000 EUR bonus of 250, a growth reward of 300 for 10% above the
// previous quarter and 1% co-op on ST-100 sold in 2026.
constexpr char kTargetProgram[] = R"pb(
  name: "Targets 2026"
  currency_code: "EUR"
  budget: "50000"
  start_date: "2026-01-01"
  end_date: "2026-12-31"
  period: PROGRAM_PERIOD_QUARTER
  terms: "Terms"
  eligible_skus: [ "ST-100" ]
  rules {
    id: "bonus"
    name: "Quarter bonus"
    bonus { target_volume: "5000" amount: "250" }
  }
  rules {
    id: "growth"
    name: "Growth"
    growth { min_growth_percent: "10" amount: "300" baseline: BASELINE_PERIOD_PREVIOUS }
  }
  rules {
    id: "coop"
    name: "Co-op"
    coop_accrual { percent: "1" }
  }
)pb";

class PartnerProgressTest : public ClaimWorkflowTestBase {
 protected:
  absl::StatusOr<cim::v1::PartnerProgress> Progress(const Principal& caller, int64_t program_id,
                                                    int64_t partner_id = 0) {
    cim::v1::GetPartnerProgressRequest request;
    request.set_program_id(program_id);
    request.set_partner_id(partner_id);
    return report_.Get(caller, request);
  }

  // A sale of ST-100 at `price` on `date` in `program_id`, submitted by Rob and, unless
  // `pending`, approved by Vera; returns its claim id.
  int64_t Sale(int64_t program_id, const std::string& invoice, const std::string& price,
               const std::string& date, bool pending = false) {
    cim::v1::SubmitClaimRequest request = SaleRequest(invoice, price, 1, "ST-100", date);
    request.mutable_claim()->set_program_id(program_id);
    const int64_t id = MustSubmit(rob_, request).id();
    if (!pending) {
      EXPECT_THAT(Review(vera_, ClaimAction::kApprove, id), IsOk()) << invoice;
    }
    return id;
  }

  MysqlCertificationRegistry certifications_{database_.db(), clock_};
  ProgramDirectory directory_{programs_, products_, partners_, certifications_, clock_};
  MysqlLedgerRepository ledger_{database_.db()};
  PartnerProgressReport report_{directory_, claims_, partners_, ledger_, clock_};
};

TEST_F(PartnerProgressTest, ShowsTheRebateTierEarningsAndThePendingEstimate) {
  Sale(program_.id(), "P-1", "6000", "2026-02-15");
  const int64_t pending = Sale(program_.id(), "P-2", "5000", "2026-03-01", /*pending=*/true);
  CIM_ASSERT_OK_AND_ASSIGN(cim::v1::PartnerProgress p, Progress(rob_, program_.id()));
  EXPECT_EQ(p.program_id(), program_.id());
  EXPECT_EQ(p.partner_id(), kAlpha);
  EXPECT_EQ(p.currency_code(), "EUR");
  EXPECT_EQ(p.period_start(), "2026-01-01");
  EXPECT_EQ(p.period_end(), "2026-03-31");
  ASSERT_THAT(p.rules(), SizeIs(3));
  const cim::v1::RuleProgress& rebate = p.rules(0);
  EXPECT_EQ(rebate.rule_id(), "rebate");
  EXPECT_EQ(rebate.rule_name(), "Volume rebate");
  EXPECT_EQ(rebate.kind(), "rebate");
  EXPECT_EQ(rebate.period_volume(), "6000.00");
  EXPECT_EQ(rebate.rebate_posted(), "120.00");
  EXPECT_EQ(rebate.current_tier(), 1);
  EXPECT_EQ(rebate.current_percent(), "2");
  EXPECT_EQ(rebate.next_tier_volume(), "10000.00");
  EXPECT_EQ(rebate.next_tier_percent(), "3");
  EXPECT_EQ(rebate.amount_to_next_tier(), "4000.00");
  // What the step is worth, by the engine: 3% of the 4000 and the true-up of the 6000 before.
  EXPECT_EQ(rebate.next_step_reward(), "180.00");
  EXPECT_EQ(rebate.next_step_true_up(), "60.00");
  EXPECT_EQ(p.rules(1).kind(), "points");
  EXPECT_EQ(p.rules(2).kind(), "coop_accrual");
  EXPECT_EQ(p.rules(2).period_volume(), "6000.00");
  EXPECT_EQ(p.earned(), "180.00");  // rebate 120 + co-op 60
  EXPECT_EQ(p.paid(), "0.00");
  EXPECT_EQ(p.points(), "600");
  // The pending claim crosses into 3%: 150 and a true-up of 60, and 50 co-op.
  EXPECT_EQ(p.pending_claims(), 1);
  EXPECT_EQ(p.pending_sales(), "5000.00");
  EXPECT_EQ(p.pending_rewards(), "260.00");
  EXPECT_EQ(p.budget_remaining(), "99820.00");

  // Approved, it reaches the top tier: no next tier to show.
  Sale(program_.id(), "P-3", "1000", "2026-03-02");
  CIM_ASSERT_OK_AND_ASSIGN(p, Progress(ann_, program_.id()));
  EXPECT_EQ(p.rules(0).period_volume(), "7000.00");
  EXPECT_EQ(p.rules(0).amount_to_next_tier(), "3000.00");
  EXPECT_EQ(p.rules(0).next_step_reward(), "160.00");  // 90 and a true-up of 210 − 140
  EXPECT_EQ(p.rules(0).next_step_true_up(), "70.00");
  ASSERT_THAT(Review(vera_, ClaimAction::kApprove, pending), IsOk());
  CIM_ASSERT_OK_AND_ASSIGN(p, Progress(ann_, program_.id()));
  EXPECT_EQ(p.rules(0).period_volume(), "12000.00");
  EXPECT_EQ(p.rules(0).rebate_posted(), "360.00");
  EXPECT_EQ(p.rules(0).current_tier(), 2);
  EXPECT_EQ(p.rules(0).current_percent(), "3");
  EXPECT_EQ(p.rules(0).next_tier_volume(), "");
  EXPECT_EQ(p.rules(0).amount_to_next_tier(), "");
  EXPECT_EQ(p.rules(0).next_step_reward(), "");
  EXPECT_EQ(p.earned(), "480.00");  // 3% of 12000 and 1% co-op
  EXPECT_EQ(p.points(), "1200");
  EXPECT_EQ(p.pending_claims(), 0);
  EXPECT_EQ(p.pending_sales(), "0.00");
  EXPECT_EQ(p.pending_rewards(), "0.00");
}

TEST_F(PartnerProgressTest, ThePartnersTierUpliftCountsInTheNextStepAndThePendingEstimate) {
  const cim::v1::Program uplift = GoldUpliftProgram();
  Enroll(kAlpha, uplift.id());
  Enroll(kBravo, uplift.id());
  Sale(uplift.id(), "U-1", "6000", "2026-02-15");
  Sale(uplift.id(), "U-2", "1000", "2026-02-16", /*pending=*/true);
  CIM_ASSERT_OK_AND_ASSIGN(cim::v1::PartnerProgress p, Progress(rob_, uplift.id()));
  const cim::v1::RuleProgress& rebate = p.rules(0);
  EXPECT_EQ(rebate.tier_uplift_percent(), "1.5");
  EXPECT_EQ(rebate.rebate_posted(), "120.00");  // the uplift is not rebate the true-up re-rates
  // 3% of the 4000 to the next tier, its true-up of 60, and Gold's 1.5% of the 4000.
  EXPECT_EQ(rebate.next_step_reward(), "240.00");
  EXPECT_EQ(rebate.next_step_true_up(), "60.00");
  EXPECT_EQ(p.earned(), "270.00");  // rebate 120, uplift 90, co-op 60
  // The pending 1000: 20 rebate, 15 uplift, 10 co-op.
  EXPECT_EQ(p.pending_rewards(), "45.00");

  // Bravo is Silver, which this program does not uplift.
  CIM_ASSERT_OK_AND_ASSIGN(p, Progress(vera_, uplift.id(), kBravo));
  EXPECT_EQ(p.rules(0).tier_uplift_percent(), "");
  EXPECT_EQ(p.rules(0).next_step_reward(), "300.00");  // 3% of 10,000
}

TEST_F(PartnerProgressTest, ShowsBonusAndGrowthTargetsAgainstThePreviousQuarter) {
  clock_.Advance(absl::Hours(24 * 69));  // 2026-05-10
  const cim::v1::Program targets = ActiveProgram(kTargetProgram);
  Enroll(kAlpha, targets.id());
  Sale(targets.id(), "Q1-1", "4000", "2026-02-15");
  Sale(targets.id(), "Q2-1", "2500", "2026-04-20");
  Sale(targets.id(), "Q2-2", "3000", "2026-05-01", /*pending=*/true);
  Sale(targets.id(), "Q1-2", "500", "2026-03-10", /*pending=*/true);
  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::PartnerProgress p, Progress(rob_, targets.id()));
  EXPECT_EQ(p.period_start(), "2026-04-01");
  EXPECT_EQ(p.period_end(), "2026-06-30");
  ASSERT_THAT(p.rules(), SizeIs(3));
  const cim::v1::RuleProgress& bonus = p.rules(0);
  EXPECT_EQ(bonus.kind(), "bonus");
  EXPECT_EQ(bonus.period_volume(), "2500.00");
  EXPECT_EQ(bonus.target_volume(), "5000.00");
  EXPECT_EQ(bonus.amount_to_target(), "2500.00");
  EXPECT_FALSE(bonus.reached());
  EXPECT_EQ(bonus.next_step_reward(), "250.00");
  EXPECT_EQ(bonus.next_step_true_up(), "0.00");
  const cim::v1::RuleProgress& growth = p.rules(1);
  EXPECT_EQ(growth.kind(), "growth");
  EXPECT_EQ(growth.period_volume(), "2500.00");
  EXPECT_EQ(growth.target_volume(), "4400.00");  // the first quarter's 4000 and 10%
  EXPECT_EQ(growth.amount_to_target(), "1900.00");
  EXPECT_EQ(growth.next_step_reward(), "300.00");
  EXPECT_EQ(p.earned(), "65.00");  // co-op on 4000 and 2500
  // Q2-2 reaches the bonus and the growth target (250 + 300 + co-op 30); Q1-2 is estimated on
  // the first quarter's totals (4500: no bonus) and earns co-op 5.
  EXPECT_EQ(p.pending_claims(), 2);
  EXPECT_EQ(p.pending_sales(), "3500.00");
  EXPECT_EQ(p.pending_rewards(), "585.00");
}

TEST_F(PartnerProgressTest, ReportsThePeriodOfTodayWithinTheProgramsDates) {
  for (const auto& [now, start, end] :
       {std::tuple{absl::CivilDay(2025, 6, 1), "2026-01-01", "2026-03-31"},
        std::tuple{absl::CivilDay(2026, 8, 15), "2026-07-01", "2026-09-30"},
        std::tuple{absl::CivilDay(2026, 12, 31), "2026-10-01", "2026-12-31"},
        std::tuple{absl::CivilDay(2027, 2, 1), "2026-10-01", "2026-12-31"}}) {
    FakeClock clock(absl::FromCivil(now, absl::UTCTimeZone()) + absl::Hours(12));
    PartnerProgressReport report(directory_, claims_, partners_, ledger_, clock);
    cim::v1::GetPartnerProgressRequest request;
    request.set_program_id(program_.id());
    CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::PartnerProgress p, report.Get(bea_, request));
    EXPECT_EQ(p.period_start(), start) << now;
    EXPECT_EQ(p.period_end(), end) << now;
    EXPECT_EQ(p.partner_id(), kBravo);
    EXPECT_EQ(p.rules(0).period_volume(), "0.00") << now;
  }
}

TEST_F(PartnerProgressTest, EarnedIsNetOfReversalsWithoutReimbursementsAndPaidIsPaidPayable) {
  const int64_t claim = Sale(program_.id(), "E-1", "6000", "2026-02-15");
  const auto entry_of = [&](int kind) {
    return Count(absl::StrCat("SELECT id FROM ledger_entries WHERE claim_id = ", claim,
                              " AND kind = ", kind));
  };
  const long long rebate = entry_of(cim::v1::LEDGER_ENTRY_KIND_REBATE);
  const long long coop = entry_of(cim::v1::LEDGER_ENTRY_KIND_COOP_ACCRUAL);
  // The co-op accrual reversed; 100 reimbursed from the fund into payable; another program's
  // rebate; the 120 rebate paid through a paid statement, nothing through an open one.
  const cim::v1::Program other = ActiveProgram(kRebateProgram);
  Exec(absl::StrCat(
      "INSERT INTO ledger_entries (partner_id, program_id, account, kind, unit, amount, basis,"
      " reverses_entry_id, created_by, created_at) VALUES (1, ",
      program_.id(), ", ", cim::v1::LEDGER_ACCOUNT_COOP_FUND, ", ",
      cim::v1::LEDGER_ENTRY_KIND_REVERSAL, ", 'EUR', -60, 'returned', ", coop, ", 2, NOW()), (1, ",
      program_.id(), ", ", cim::v1::LEDGER_ACCOUNT_PAYABLE, ", ",
      cim::v1::LEDGER_ENTRY_KIND_REIMBURSEMENT, ", 'EUR', 100, 'event', NULL, 2, NOW()), (1, ",
      other.id(), ", ", cim::v1::LEDGER_ACCOUNT_PAYABLE, ", ", cim::v1::LEDGER_ENTRY_KIND_REBATE,
      ", 'EUR', 999, 'elsewhere', NULL, 2, NOW())"));
  Exec(absl::StrCat(
      "INSERT INTO payout_runs (id, period_start, period_end, created_by, created_at) VALUES"
      " (1, '2026-01-01', '2026-03-31', 2, NOW())"));
  Exec(absl::StrCat(
      "INSERT INTO statements (id, run_id, partner_id, currency_code, total, entry_count, status,"
      " created_at) VALUES (1, 1, 1, 'EUR', 120, 1, ",
      cim::v1::STATEMENT_STATUS_PAID, ", NOW())"));
  Exec(absl::StrCat("INSERT INTO statement_lines (entry_id, statement_id) VALUES (", rebate,
                    ", 1)"));
  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::PartnerProgress p, Progress(rob_, program_.id()));
  EXPECT_EQ(p.earned(), "120.00");  // 120 + 60 - 60
  EXPECT_EQ(p.paid(), "120.00");
  EXPECT_EQ(p.points(), "600");
  Exec(absl::StrCat("UPDATE statements SET status = ", cim::v1::STATEMENT_STATUS_OPEN,
                    " WHERE id = 1"));
  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::PartnerProgress open, Progress(rob_, program_.id()));
  EXPECT_EQ(open.paid(), "0.00");
}

TEST_F(PartnerProgressTest, PartnersSeeOnlyTheirOwnProgressAndVendorsNameThePartner) {
  Sale(program_.id(), "S-1", "6000", "2026-02-15");
  EXPECT_THAT(Progress(rob_, program_.id(), kBravo),
              StatusIs(absl::StatusCode::kNotFound, "partner 2 not found"));
  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::PartnerProgress own,
                           Progress(rob_, program_.id(), kAlpha));
  EXPECT_EQ(own.rules(0).period_volume(), "6000.00");
  absl::StatusOr<cim::v1::PartnerProgress> unnamed = Progress(vera_, program_.id());
  EXPECT_THAT(unnamed, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("partner_id")));
  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::PartnerProgress bravo,
                           Progress(vera_, program_.id(), kBravo));
  EXPECT_EQ(bravo.partner_id(), kBravo);
  EXPECT_EQ(bravo.rules(0).period_volume(), "0.00");
  EXPECT_EQ(bravo.earned(), "0.00");
  EXPECT_EQ(bravo.points(), "0");
  EXPECT_EQ(bravo.pending_claims(), 0);
  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::PartnerProgress alpha,
                           Progress(erp_, program_.id(), kAlpha));
  EXPECT_EQ(alpha.earned(), "180.00");

  // A draft is no partner's to see; an unknown program nobody's.
  cim::v1::Program draft;
  draft.set_name("Draft");
  draft.set_currency_code("EUR");
  draft.set_budget("10");
  draft.set_start_date("2026-01-01");
  draft.set_end_date("2026-12-31");
  draft.set_period(cim::v1::PROGRAM_PERIOD_QUARTER);
  draft.set_status(cim::v1::PROGRAM_STATUS_DRAFT);
  draft.set_rules_version(1);
  draft.set_terms_version(1);
  CIM_ASSERT_OK_AND_ASSIGN(draft, programs_.Create(draft, kPaul, T0()));
  EXPECT_THAT(Progress(rob_, draft.id()), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(Progress(vera_, 999999, kAlpha), StatusIs(absl::StatusCode::kNotFound));
}

}  // namespace
}  // namespace cim
