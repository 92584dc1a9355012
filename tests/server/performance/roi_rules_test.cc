// ROI against hand-computed cases (issue 5): a plain win, zero cost, negative profit, falling
// sales, and a baseline longer or shorter than the program period.
#include "server/performance/roi_rules.h"

#include "gtest/gtest.h"
#include "tests/testing/decimals.h"

namespace cim {
namespace {

using ::cim::testing::D;
struct Case {
  const char* name;
  RoiInputs in;
  const char* expected_sales;
  const char* incremental_sales;
  const char* gross_profit;
  const char* total_cost;
  const char* net_profit;
  const char* roi;  // nullptr: none
};

TEST(RoiRulesTest, HandComputedCases) {
  const Case cases[] = {
      // 90 days against the 90 before: +200,000 sales at 60% COGS → 80,000 gross; costs
      // 30,000 + 5,000 + 2,000 + 3,000 = 40,000 → net 40,000 → ROI 100%.
      {"plain win",
       {.program_sales = D("1200000"),
        .program_cogs = D("720000"),
        .program_days = 90,
        .baseline_sales = D("1000000"),
        .baseline_cogs = D("600000"),
        .baseline_days = 90,
        .rewards = D("30000"),
        .admin_cost = D("5000"),
        .training_cost = D("2000"),
        .marketing_cost = D("3000")},
       "1000000",
       "200000",
       "80000",
       "40000",
       "40000",
       "100.00"},
      // Nothing spent: no ROI.
      {"zero cost",
       {.program_sales = D("500"),
        .program_cogs = D("300"),
        .program_days = 30,
        .baseline_sales = D("400"),
        .baseline_cogs = D("240"),
        .baseline_days = 30},
       "400",
       "100",
       "40",
       "0",
       "40",
       nullptr},
      // Sales up 10,000 at 70% COGS → 3,000 gross, against 9,000 of rewards → −6,000 net →
      // −66.67%.
      {"negative profit",
       {.program_sales = D("110000"),
        .program_cogs = D("77000"),
        .program_days = 30,
        .baseline_sales = D("100000"),
        .baseline_cogs = D("70000"),
        .baseline_days = 30,
        .rewards = D("9000")},
       "100000",
       "10000",
       "3000",
       "9000",
       "-6000",
       "-66.67"},
      // Sales fell: incremental sales and gross profit are negative too.
      {"falling sales",
       {.program_sales = D("90000"),
        .program_cogs = D("54000"),
        .program_days = 30,
        .baseline_sales = D("100000"),
        .baseline_cogs = D("60000"),
        .baseline_days = 30,
        .rewards = D("1000")},
       "100000",
       "-10000",
       "-4000",
       "1000",
       "-5000",
       "-500.00"},
      // A 365-day baseline against a 90-day program: 365,000 × 90 / 365 = 90,000 expected.
      {"baseline longer than the program",
       {.program_sales = D("120000"),
        .program_cogs = D("60000"),
        .program_days = 90,
        .baseline_sales = D("365000"),
        .baseline_cogs = D("182500"),
        .baseline_days = 365,
        .rewards = D("5000")},
       "90000",
       "30000",
       "15000",
       "5000",
       "10000",
       "200.00"},
      // A 30-day baseline against a 31-day program: 1,000 × 31 / 30 = 1,033.33 expected, rounded
      // to cents; COGS 500 × 31 / 30 = 516.67.
      {"baseline shorter than the program",
       {.program_sales = D("1100"),
        .program_cogs = D("550"),
        .program_days = 31,
        .baseline_sales = D("1000"),
        .baseline_cogs = D("500"),
        .baseline_days = 30,
        .rewards = D("3")},
       "1033.33",
       "66.67",
       "33.34",
       "3",
       "30.34",
       "1011.33"},
  };
  for (const Case& c : cases) {
    const RoiFigures f = ComputeRoi(c.in);
    EXPECT_EQ(f.expected_sales, D(c.expected_sales)) << c.name;
    EXPECT_EQ(f.incremental_sales, D(c.incremental_sales)) << c.name;
    EXPECT_EQ(f.gross_profit, D(c.gross_profit)) << c.name;
    EXPECT_EQ(f.total_cost, D(c.total_cost)) << c.name;
    EXPECT_EQ(f.net_profit, D(c.net_profit)) << c.name;
    if (c.roi == nullptr) {
      EXPECT_FALSE(f.roi_percent.has_value()) << c.name;
    } else {
      ASSERT_TRUE(f.roi_percent.has_value()) << c.name;
      EXPECT_EQ(f.roi_percent->ToString(2), c.roi) << c.name;
    }
  }
}

TEST(RoiRulesTest, RoundsMoneyToTheCurrency) {
  // JPY has no minor units: 1,000 × 31 / 30 = 1,033.33… → 1,033.
  const RoiFigures yen = ComputeRoi({.program_sales = D("2000"),
                                     .program_days = 31,
                                     .baseline_sales = D("1000"),
                                     .baseline_days = 30,
                                     .rewards = D("100"),
                                     .money_scale = 0});
  EXPECT_EQ(yen.expected_sales, D("1033"));
  EXPECT_EQ(yen.incremental_sales, D("967"));
  EXPECT_EQ(yen.roi_percent->ToString(2), "867.00");
}

}  // namespace
}  // namespace cim
