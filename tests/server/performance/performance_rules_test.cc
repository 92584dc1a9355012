// Performance arithmetic against hand-computed cases: measured periods and default baselines,
// sharing costs out so segments add up, budget forecasts, cycle times, and the reward
// simulator (period totals carried from claim to claim, budget exhaustion, rule totals).
#include "server/performance/performance_rules.h"

#include <google/protobuf/text_format.h>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/decimals.h"

namespace cim {
namespace {

using ::cim::testing::D;
using ::testing::ElementsAre;

absl::CivilDay Day(int y, int m, int d) { return absl::CivilDay(y, m, d); }

TEST(PerformanceRulesTest, MeasuredPeriodAndDefaultBaseline) {
  const DateRange program{Day(2026, 1, 1), Day(2026, 12, 31)};
  EXPECT_EQ(MeasuredPeriod(program, Day(2025, 12, 31)), std::nullopt);
  EXPECT_EQ(MeasuredPeriod(program, Day(2026, 3, 31)),
            (DateRange{Day(2026, 1, 1), Day(2026, 3, 31)}));
  EXPECT_EQ(MeasuredPeriod(program, Day(2027, 2, 1)), program);
  // 90 days (Jan–Mar 2026) against the 90 before: 2025-10-03 to 2025-12-31.
  const DateRange q1{Day(2026, 1, 1), Day(2026, 3, 31)};
  EXPECT_EQ(DaysIn(q1), 90);
  EXPECT_EQ(DefaultBaseline(q1), (DateRange{Day(2025, 10, 3), Day(2025, 12, 31)}));
  EXPECT_EQ(DefaultBaseline(DateRange{Day(2026, 3, 1), Day(2026, 3, 1)}),
            (DateRange{Day(2026, 2, 28), Day(2026, 2, 28)}));
}

TEST(PerformanceRulesTest, AllocationAddsUpExactly) {
  struct Case {
    const char* name;
    const char* total;
    std::vector<const char*> weights;
    std::vector<const char*> shares;
  };
  const Case cases[] = {
      {"even", "300.00", {"1", "1", "1"}, {"100.00", "100.00", "100.00"}},
      // 100 / 3 = 33.333…: one cent left, to the first of the equal remainders.
      {"thirds", "100.00", {"5", "5", "5"}, {"33.34", "33.33", "33.33"}},
      // 1,000 over sales 600/300/100.
      {"proportional", "1000", {"600", "300", "100"}, {"600.00", "300.00", "100.00"}},
      // 0.05 over 1:1:1: 0.0166… each, two cents to the largest remainders (ties: earlier).
      {"cents", "0.05", {"1", "1", "1"}, {"0.02", "0.02", "0.01"}},
      // Remainders decide: 10 over 1/2/4 → 1.428…, 2.857…, 5.714… → 1.43, 2.86, 5.71.
      {"remainders", "10", {"1", "2", "4"}, {"1.43", "2.86", "5.71"}},
      {"zero weight", "50", {"0", "10"}, {"0.00", "50.00"}},
      {"no weights", "50", {"0", "0"}, {"0", "0"}},
      {"negative", "-100.00", {"5", "5", "5"}, {"-33.34", "-33.33", "-33.33"}},
  };
  for (const Case& c : cases) {
    std::vector<Decimal> weights;
    for (const char* w : c.weights) weights.push_back(D(w));
    const std::vector<Decimal> shares = AllocateByWeight(D(c.total), weights, 2);
    ASSERT_EQ(shares.size(), c.shares.size()) << c.name;
    Decimal sum;
    for (size_t i = 0; i < shares.size(); ++i) {
      EXPECT_EQ(shares[i], D(c.shares[i])) << c.name << " share " << i;
      sum += shares[i];
    }
    if (std::string(c.name) != "no weights") EXPECT_EQ(sum, D(c.total)) << c.name;
  }
}

TEST(PerformanceRulesTest, BudgetForecast) {
  struct Case {
    const char* name;
    const char* budget;
    const char* drawn;
    absl::CivilDay today;
    const char* daily;
    std::optional<absl::CivilDay> exhaustion;
  };
  const absl::CivilDay start = Day(2026, 1, 1), end = Day(2026, 12, 31);
  const Case cases[] = {
      // 10 days, 1,000 drawn: 100/day; 9,000 left lasts 90 days → 2026-04-10.
      {"on track", "10000", "1000", Day(2026, 1, 10), "100.00", Day(2026, 4, 10)},
      // 3 days, 1,000 drawn: 333.33/day; 500 left is 1.5 days → runs out on the second day.
      {"part of a day", "1500", "1000", Day(2026, 1, 3), "333.33", Day(2026, 1, 5)},
      // 100/day for 9,000 left would reach 2027: lasts beyond the end.
      {"lasts", "100000", "1000", Day(2026, 1, 10), "100.00", std::nullopt},
      {"nothing drawn", "10000", "0", Day(2026, 6, 1), "0.00", std::nullopt},
      {"spent", "1000", "1000", Day(2026, 2, 1), "31.25", Day(2026, 2, 1)},
      // The first day counts as a whole day.
      {"first day", "300", "100", Day(2026, 1, 1), "100.00", Day(2026, 1, 3)},
  };
  for (const Case& c : cases) {
    const BudgetForecast f = ForecastBudget(D(c.budget), D(c.drawn), start, c.today, end, 2);
    EXPECT_EQ(f.daily_burn, D(c.daily)) << c.name;
    EXPECT_EQ(f.exhaustion, c.exhaustion) << c.name;
  }
}

TEST(PerformanceRulesTest, CycleTimes) {
  EXPECT_EQ(SummariseCycleTimes({}).average_hours, 0);
  const CycleTimes odd = SummariseCycleTimes({5, 1, 3});
  EXPECT_DOUBLE_EQ(odd.average_hours, 3);
  EXPECT_DOUBLE_EQ(odd.median_hours, 3);
  const CycleTimes even = SummariseCycleTimes({10, 2, 4, 1});
  EXPECT_DOUBLE_EQ(even.average_hours, 4.25);
  EXPECT_DOUBLE_EQ(even.median_hours, 3);
}

// Retroactive rebate 2% to 10,000, 5% from 10,000 a quarter; 1 point per 10 EUR; budget 700.
constexpr char kProgram[] = R"pb(
  id: 7
  currency_code: "EUR"
  budget: "700"
  start_date: "2026-01-01"
  end_date: "2026-12-31"
  period: PROGRAM_PERIOD_QUARTER
  rules {
    id: "rebate"
    name: "Rebate"
    rebate {
      mode: REBATE_MODE_RETROACTIVE
      tiers { min_volume: "0" percent: "2" }
      tiers { min_volume: "10000" percent: "5" }
    }
  }
  rules {
    id: "points"
    name: "Points"
    points { points_per_currency_unit: "0.1" }
  }
)pb";

HistoricalClaim Sale(int64_t id, int64_t partner, absl::CivilDay invoice, const char* amount) {
  HistoricalClaim c;
  c.claim_id = id;
  c.partner_id = partner;
  c.sale.invoice_date = invoice;
  c.sale.lines.push_back(SaleLine{.sku = "ST-200", .quantity = 1, .unit_price = D(amount)});
  c.cogs = D(amount) * D("0.6");
  c.approved_at = absl::FromCivil(invoice + 1, absl::UTCTimeZone());
  return c;
}

TEST(PerformanceRulesTest, SimulatorCarriesPeriodTotalsAndFindsBudgetExhaustion) {
  cim::v1::Program program;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(kProgram, &program));
  RewardSimulator sim(program, D("700"),
                      [](int64_t, int64_t, const DateRange&, const std::vector<std::string>&) {
                        return Decimal();
                      });
  // Partner 1: 6,000 → 2% = 120; then 6,000 more crosses 10,000 → 5% of 6,000 = 300 plus a
  // true-up of 6,000 × 3% = 180. Partner 2: 4,000 → 80 (the budget: 120+300+180 = 600, then
  // 80 more is 680). A second-quarter sale of 2,000 → 40 would make 720 > 700: exhausted on
  // the day that claim was approved.
  ASSERT_TRUE(sim.Add(Sale(1, 1, Day(2026, 1, 10), "6000")).ok());
  ASSERT_TRUE(sim.Add(Sale(2, 1, Day(2026, 2, 10), "6000")).ok());
  ASSERT_TRUE(sim.Add(Sale(3, 2, Day(2026, 2, 20), "4000")).ok());
  ASSERT_TRUE(sim.Add(Sale(4, 1, Day(2026, 4, 2), "2000")).ok());
  const SimulationTotals& t = sim.totals();
  EXPECT_EQ(t.claims, 4);
  EXPECT_EQ(t.lines, 4);
  EXPECT_EQ(t.sales, D("18000"));
  EXPECT_EQ(t.cogs, D("10800"));
  EXPECT_EQ(t.money, D("720"));
  EXPECT_EQ(t.points, D("1800"));
  EXPECT_EQ(t.covered_by_budget, D("700"));
  EXPECT_EQ(t.exhaustion, Day(2026, 4, 3));
  EXPECT_EQ(t.by_partner.at(1).money, D("640"));
  EXPECT_EQ(t.by_partner.at(1).claims, 3);
  EXPECT_EQ(t.by_partner.at(2).money, D("80"));
  EXPECT_EQ(t.money_by_rule.at("rebate"), D("720"));
  EXPECT_EQ(t.points_by_rule.at("points"), D("1800"));
}

}  // namespace
}  // namespace cim
