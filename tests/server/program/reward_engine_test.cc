// The rules engine against hand-computed cases: tier boundaries, retroactive true-ups, marginal
// slices, rounding, tiny and huge amounts, and every rule kind.
#include "server/program/reward_engine.h"

#include <google/protobuf/text_format.h>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/decimals.h"
#include "tests/testing/phrase_matchers.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::ReadsInEnglish;

using ::cim::testing::InEnglish;

using ::cim::testing::D;
using ::cim::v1::Program;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

Program MakeProgram(const char* rules, const char* currency = "EUR") {
  Program p;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(rules, &p));
  p.set_currency_code(currency);
  p.set_period(cim::v1::PROGRAM_PERIOD_QUARTER);
  p.add_eligible_skus("ST-100");
  p.add_eligible_skus("ST-200");
  return p;
}

constexpr char kTiers[] = R"pb(
  tiers { min_volume: "0" percent: "2" }
  tiers { min_volume: "50000" percent: "3.5" }
  tiers { min_volume: "100000" percent: "5" }
)pb";

Program RebateProgram(const char* mode, const char* currency = "EUR") {
  return MakeProgram(absl::StrCat("rules { id: \"rebate\" name: \"Rebate\" rebate { mode: ", mode,
                                  " ", kTiers, " } }")
                         .c_str(),
                     currency);
}

// A claim of one line of ST-100 worth `amount` (quantity 1) on 2026-05-14, plus `other` of a
// SKU outside the program.
SaleClaim Claim(const char* amount, const char* other = "0") {
  SaleClaim claim{.invoice_date = absl::CivilDay(2026, 5, 14)};
  claim.lines.push_back({.sku = "ST-100", .quantity = 1, .unit_price = D(amount)});
  if (D(other).sign() > 0) {
    claim.lines.push_back({.sku = "XX-1", .quantity = 1, .unit_price = D(other)});
  }
  return claim;
}

std::vector<Reward> Rewards(const Program& program, const SaleClaim& claim,
                            const RuleHistory& history = {}) {
  absl::flat_hash_map<std::string, RuleHistory> by_rule;
  for (const auto& rule : program.rules()) by_rule[rule.id()] = history;
  absl::StatusOr<std::vector<RuleEvaluation>> evaluations =
      EvaluateSaleClaim(program, claim, by_rule);
  EXPECT_TRUE(evaluations.ok()) << evaluations.status();
  std::vector<Reward> out;
  for (const RuleEvaluation& e : *evaluations) {
    out.insert(out.end(), e.rewards.begin(), e.rewards.end());
  }
  return out;
}

// "kind=amount" for each reward, for compact expectations.
std::vector<std::string> Summary(const std::vector<Reward>& rewards) {
  std::vector<std::string> out;
  for (const Reward& r : rewards) {
    out.push_back(absl::StrCat(RewardKindName(r.kind), "=", r.amount.ToString()));
  }
  return out;
}

TEST(RewardEngineTest, RetroactiveRebate) {
  struct Case {
    const char* name;
    const char* volume_before;
    const char* posted_before;
    const char* claim;
    std::vector<std::string> want;
  } cases[] = {
      {"first claim in tier 1", "0", "0", "30000", {"rebate=600.00"}},
      {"crossing into tier 2 re-rates earlier sales",
       "30000",
       "600",
       "30000",
       {"rebate=1050.00", "rebate_true_up=450.00"}},
      {"staying in tier 2", "60000", "2100", "1000", {"rebate=35.00"}},
      {"a cent that rounds to nothing", "60000", "2100", "0.01", {}},
      {"exactly on the boundary counts as the higher tier",
       "49999.99",
       "1000.00",
       "0.01",
       {"rebate_true_up=750.00"}},
      {"jumping two tiers", "40000", "800", "70000", {"rebate=3500.00", "rebate_true_up=1200.00"}},
      {"half a cent rounds away from zero", "0", "0", "0.25", {"rebate=0.01"}},
      {"huge sale", "0", "0", "999999999999.99", {"rebate=50000000000.00"}},
  };
  const Program program = RebateProgram("REBATE_MODE_RETROACTIVE");
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    RuleHistory history{.volume = D(c.volume_before), .rebate_posted = D(c.posted_before)};
    EXPECT_EQ(Summary(Rewards(program, Claim(c.claim), history)), c.want);
  }
}

TEST(RewardEngineTest, RetroactiveTotalsEqualTheWholeVolumeAtTheReachedRate) {
  // Three claims through two tier crossings: the posted total is 5% of the whole volume.
  const Program program = RebateProgram("REBATE_MODE_RETROACTIVE");
  RuleHistory history;
  for (const char* amount : {"45000", "30000", "26000"}) {
    for (const Reward& r : Rewards(program, Claim(amount), history)) {
      history.rebate_posted += r.amount;
    }
    history.volume += D(amount);
  }
  EXPECT_EQ(history.rebate_posted, D("5050.00"));  // 5% of 101,000
}

TEST(RewardEngineTest, MarginalRebate) {
  struct Case {
    const char* name;
    const char* volume_before;
    const char* claim;
    std::vector<std::string> want;
  } cases[] = {
      {"within tier 1", "0", "1000", {"rebate=20.00"}},
      {"straddling tiers 1 and 2", "40000", "20000", {"rebate=550.00"}},
      {"through all three tiers", "0", "120000", {"rebate=3750.00"}},
      {"rounding half up", "0", "0.75", {"rebate=0.02"}},
      {"just below the boundary", "0", "49999.99", {"rebate=1000.00"}},
  };
  const Program program = RebateProgram("REBATE_MODE_MARGINAL");
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Summary(Rewards(program, Claim(c.claim), {.volume = D(c.volume_before)})), c.want);
  }
  const std::vector<Reward> straddle = Rewards(program, Claim("20000"), {.volume = D("40000")});
  ASSERT_EQ(straddle.size(), 1u);
  EXPECT_THAT(straddle[0].basis,
              ReadsInEnglish("2% of €10,000 (tier 1) + 3.5% of €10,000 (tier 2) eligible sales;"
                             " period volume €40,000 → €60,000"));
}

Program UpliftProgram(const char* mode) {
  return MakeProgram(absl::StrCat("rules { id: \"rebate\" name: \"Rebate\" rebate { mode: ", mode,
                                  " ", kTiers,
                                  " partner_tier_uplifts { tier: \"silver\" percent: \"0.5\" }"
                                  " partner_tier_uplifts { tier: \"gold\" percent: \"2\" } } }")
                         .c_str());
}

SaleClaim TierClaim(const char* amount, const char* tier) {
  SaleClaim claim = Claim(amount, "1000");
  claim.partner_tier = tier;
  return claim;
}

TEST(RewardEngineTest, PartnerTierUpliftIsItsOwnRewardThatTrueUpsLeaveAlone) {
  struct Case {
    const char* name;
    const char* mode;
    const char* tier;
    const char* volume_before;
    const char* posted_before;
    const char* claim;
    std::vector<std::string> want;
  } cases[] = {
      {"gold adds 2% of the eligible sales only",
       "REBATE_MODE_RETROACTIVE",
       "gold",
       "0",
       "0",
       "30000",
       {"rebate=600.00", "tier_uplift=600.00"}},
      {"a true-up re-rates the volume percent, not the uplift",
       "REBATE_MODE_RETROACTIVE",
       "gold",
       "30000",
       "600",
       "30000",
       {"rebate=1050.00", "rebate_true_up=450.00", "tier_uplift=600.00"}},
      {"silver's half percent rounds half away from zero",
       "REBATE_MODE_RETROACTIVE",
       "silver",
       "0",
       "0",
       "1",
       {"rebate=0.02", "tier_uplift=0.01"}},
      {"a tier the rule does not name adds nothing",
       "REBATE_MODE_RETROACTIVE",
       "platinum",
       "0",
       "0",
       "30000",
       {"rebate=600.00"}},
      {"no tier adds nothing", "REBATE_MODE_RETROACTIVE", "", "0", "0", "30000", {"rebate=600.00"}},
      {"marginal slices plus the uplift on the whole claim",
       "REBATE_MODE_MARGINAL",
       "gold",
       "40000",
       "0",
       "20000",
       {"rebate=550.00", "tier_uplift=400.00"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const RuleHistory history{.volume = D(c.volume_before), .rebate_posted = D(c.posted_before)};
    const std::vector<Reward> rewards =
        Rewards(UpliftProgram(c.mode), TierClaim(c.claim, c.tier), history);
    EXPECT_EQ(Summary(rewards), c.want);
    // What approval adds to the period's rebate history leaves the uplift out.
    RuleEvaluation evaluation{
        .rule_id = "rebate", .eligible_amount = D(c.claim), .rewards = rewards};
    Decimal rebates;
    for (const Reward& r : rewards) {
      if (r.kind != RewardKind::kTierUplift) rebates += r.amount;
    }
    EXPECT_EQ(PeriodIncrement(evaluation).rebate_posted, rebates);
  }
  const std::vector<Reward> gold =
      Rewards(UpliftProgram("REBATE_MODE_RETROACTIVE"), TierClaim("30000", "gold"));
  EXPECT_EQ(gold.back().account, RewardAccount::kPayable);
  EXPECT_EQ(InEnglish(gold.back().basis), "partner tier gold adds 2% of €30,000 eligible sales");
}

TEST(RewardEngineTest, UpliftLossIsWhatTheEnginePaysLessUnderTheLowerTier) {
  const Program program = UpliftProgram("REBATE_MODE_RETROACTIVE");
  const absl::CivilDay day(2026, 5, 14);
  absl::StatusOr<std::optional<TierUpliftLoss>> loss =
      UpliftLoss(program, program.rules(0), D("48000.50"), day, "gold", "silver");
  ASSERT_TRUE(loss.ok()) << loss.status();
  ASSERT_TRUE(loss->has_value());
  EXPECT_EQ((*loss)->percent_now, D("2"));
  EXPECT_EQ((*loss)->percent_after, D("0.5"));
  // 2% of 48,000.50 = 960.01; 0.5% = 240.0025 → 240.00.
  EXPECT_EQ((*loss)->amount, D("720.01"));

  absl::StatusOr<std::optional<TierUpliftLoss>> to_none =
      UpliftLoss(program, program.rules(0), D("1000"), day, "gold", "registered");
  ASSERT_TRUE(to_none.ok());
  ASSERT_TRUE(to_none->has_value());
  EXPECT_EQ((*to_none)->amount, D("20.00"));
  // No loss: a promotion, the same uplift, or a rule that is no rebate.
  EXPECT_FALSE(*UpliftLoss(program, program.rules(0), D("1000"), day, "silver", "gold"));
  EXPECT_FALSE(*UpliftLoss(program, program.rules(0), D("1000"), day, "gold", "gold"));
  const Program spif = MakeProgram(R"pb(
    rules {
      id: "spif"
      name: "SPIF"
      spif {
        products { sku: "ST-100" amount_per_unit: "10" }
        start_date: "2026-01-01"
        end_date: "2026-12-31"
      }
    }
  )pb");
  EXPECT_FALSE(*UpliftLoss(spif, spif.rules(0), D("1000"), day, "gold", "silver"));

  // The claim a "what if" runs: one line of the rule's first SKU, for exactly the amount.
  const SaleClaim sale = RuleSale(program, program.rules(0), day, D("48000.50"), "gold");
  EXPECT_EQ(sale.invoice_date, day);
  EXPECT_EQ(sale.partner_tier, "gold");
  ASSERT_EQ(sale.lines.size(), 1u);
  EXPECT_EQ(sale.lines[0].sku, "ST-100");  // the program's first eligible SKU
  EXPECT_EQ(sale.lines[0].Amount(), D("48000.50"));
  EXPECT_EQ(RuleSale(spif, spif.rules(0), day, D("1"), "").lines[0].sku, "ST-100");

  EXPECT_TRUE(HasTierUplifts(program));
  EXPECT_FALSE(HasTierUplifts(RebateProgram("REBATE_MODE_RETROACTIVE")));
  EXPECT_FALSE(HasTierUplifts(spif));
}

TEST(RewardEngineTest, ProgramDayIsTodayWithinTheProgramsDates) {
  Program program = RebateProgram("REBATE_MODE_RETROACTIVE");
  program.set_start_date("2026-01-01");
  program.set_end_date("2026-12-31");
  EXPECT_EQ(ProgramDay(program, absl::CivilDay(2025, 12, 31)), absl::CivilDay(2026, 1, 1));
  EXPECT_EQ(ProgramDay(program, absl::CivilDay(2026, 7, 9)), absl::CivilDay(2026, 7, 9));
  EXPECT_EQ(ProgramDay(program, absl::CivilDay(2027, 2, 3)), absl::CivilDay(2026, 12, 31));
}

TEST(RewardEngineTest, CurrencyWithoutMinorUnitsRoundsToWholeUnits) {
  const Program program = RebateProgram("REBATE_MODE_RETROACTIVE", "JPY");
  EXPECT_EQ(Summary(Rewards(program, Claim("1234"))), std::vector<std::string>{"rebate=25"});
  const Program kwd = RebateProgram("REBATE_MODE_RETROACTIVE", "KWD");
  EXPECT_EQ(Summary(Rewards(kwd, Claim("1234.567"))), std::vector<std::string>{"rebate=24.691"});
}

TEST(RewardEngineTest, SalesOutsideTheProgramEarnNothing) {
  const Program program = RebateProgram("REBATE_MODE_RETROACTIVE");
  EXPECT_EQ(Summary(Rewards(program, Claim("1000", "5000"))),
            std::vector<std::string>{"rebate=20.00"});
}

TEST(RewardEngineTest, SpifPaysPerUnitInsideTheWindowOnly) {
  const Program program = MakeProgram(R"pb(
    rules {
      id: "spif"
      name: "Spring SPIF"
      spif {
        products { sku: "ST-200" amount_per_unit: "25.50" }
        start_date: "2026-03-01"
        end_date: "2026-05-31"
      }
    }
  )pb");
  SaleClaim claim{.invoice_date = absl::CivilDay(2026, 5, 31)};
  claim.lines.push_back({.sku = "ST-200", .quantity = 3, .unit_price = D("900")});
  claim.lines.push_back({.sku = "ST-100", .quantity = 7, .unit_price = D("900")});
  const std::vector<Reward> rewards = Rewards(program, claim);
  EXPECT_EQ(Summary(rewards), std::vector<std::string>{"spif=76.50"});
  EXPECT_THAT(rewards[0].basis, ReadsInEnglish(HasSubstr("3 × ST-200 at €25.50")));
  claim.invoice_date = absl::CivilDay(2026, 6, 1);
  EXPECT_THAT(Rewards(program, claim), IsEmpty());
}

TEST(RewardEngineTest, BonusOncePerPeriodWhenTheTargetIsReached) {
  const Program program = MakeProgram(R"pb(
    rules {
      id: "bonus"
      name: "Bonus"
      bonus { target_volume: "75000" amount: "1000" }
    }
  )pb");
  EXPECT_THAT(Rewards(program, Claim("10000"), {.volume = D("60000")}), IsEmpty());
  EXPECT_EQ(Summary(Rewards(program, Claim("10000"), {.volume = D("65000")})),
            std::vector<std::string>{"bonus=1000.00"});
  EXPECT_THAT(Rewards(program, Claim("10000"), {.volume = D("80000"), .lump_sum_posted = true}),
              IsEmpty());
}

TEST(RewardEngineTest, GrowthAgainstTheBaseline) {
  const Program program = MakeProgram(R"pb(
    rules {
      id: "growth"
      name: "Growth"
      growth { min_growth_percent: "10" amount: "500" baseline: BASELINE_PERIOD_PREVIOUS }
    }
  )pb");
  const RuleHistory history{.volume = D("45000"), .baseline_volume = D("50000")};
  EXPECT_THAT(Rewards(program, Claim("9999.99"), history), IsEmpty());
  const std::vector<Reward> rewards = Rewards(program, Claim("10000"), history);
  EXPECT_EQ(Summary(rewards), std::vector<std::string>{"growth=500.00"});
  EXPECT_THAT(rewards[0].basis,
              ReadsInEnglish(HasSubstr("baseline 1 Jan 2026 to 31 Mar 2026 of €50,000 by 10%")));
  EXPECT_THAT(Rewards(program, Claim("90000"), {.volume = D("0"), .baseline_volume = D("0")}),
              IsEmpty());
}

TEST(RewardEngineTest, PointsCoopAndMdf) {
  const Program program = MakeProgram(R"pb(
    rules {
      id: "pts"
      name: "Points"
      points { points_per_currency_unit: "0.1" }
    }
    rules {
      id: "pts-unit"
      name: "Unit points"
      points { points_per_unit: "5" skus: "ST-200" }
    }
    rules {
      id: "coop"
      name: "Co-op"
      coop_accrual { percent: "1.5" }
    }
    rules {
      id: "mdf"
      name: "MDF"
      mdf_allocation { tier_amounts { tier: "gold" amount: "5000" } }
    }
  )pb");
  SaleClaim claim{.invoice_date = absl::CivilDay(2026, 5, 14)};
  claim.lines.push_back({.sku = "ST-100", .quantity = 1, .unit_price = D("400.33")});
  claim.lines.push_back({.sku = "ST-200", .quantity = 3, .unit_price = D("278.076")});
  // Eligible sales 400.33 + 834.228 = 1234.558.
  const std::vector<Reward> rewards = Rewards(program, claim);
  EXPECT_EQ(Summary(rewards),
            (std::vector<std::string>{"points=123", "points=15", "coop_accrual=18.52"}));
  EXPECT_FALSE(rewards[0].DrawsBudget());
  EXPECT_TRUE(rewards[2].DrawsBudget());
  EXPECT_EQ(rewards[2].account, RewardAccount::kCoopFund);

  std::optional<Reward> gold = MdfAllocation(program, program.rules(3), "gold");
  ASSERT_TRUE(gold.has_value());
  EXPECT_EQ(gold->amount, D("5000"));
  EXPECT_EQ(gold->account, RewardAccount::kMdfFund);
  EXPECT_FALSE(MdfAllocation(program, program.rules(3), "silver").has_value());
}

}  // namespace
}  // namespace cim
