// Table-driven validation of programs and incentive rules, and the program date periods.
#include "server/program/program_rules.h"

#include <google/protobuf/text_format.h>

#include <functional>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/dates.h"
#include "server/program/program_policy.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kValidProgram[] = R"pb(
  name: "Storage Rebate 2026"
  currency_code: "EUR"
  budget: "250000.00"
  start_date: "2026-01-01"
  end_date: "2026-12-31"
  period: PROGRAM_PERIOD_QUARTER
  terms: "Rebates are paid quarterly."
  eligible_skus: [ "ST-100", "ST-200", "SV-1" ]
  rules {
    id: "rebate"
    name: "Quarterly volume rebate"
    rebate {
      mode: REBATE_MODE_RETROACTIVE
      tiers { min_volume: "0" percent: "2" }
      tiers { min_volume: "50000" percent: "3.5" }
      tiers { min_volume: "100000.50" percent: "5" }
    }
  }
  rules {
    id: "spif"
    name: "Spring SPIF"
    spif {
      products { sku: "ST-200" amount_per_unit: "25" }
      start_date: "2026-03-01"
      end_date: "2026-05-31"
    }
  }
  rules {
    id: "bonus"
    name: "Bonus"
    bonus { target_volume: "75000" amount: "1000" }
  }
  rules {
    id: "growth"
    name: "Growth"
    growth { min_growth_percent: "10" amount: "500" baseline: BASELINE_PERIOD_PREVIOUS }
  }
  rules {
    id: "points"
    name: "Points"
    points { points_per_currency_unit: "0.1" }
  }
  rules {
    id: "coop"
    name: "Co-op"
    coop_accrual { percent: "1.5" }
  }
  rules {
    id: "mdf"
    name: "MDF"
    mdf_allocation {
      amount_per_partner: "2000"
      tier_amounts { tier: "gold" amount: "5000" }
    }
  }
)pb";

Program ValidProgram() {
  Program p;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(kValidProgram, &p));
  return p;
}

const absl::flat_hash_set<std::string> kCatalog = {"ST-100", "ST-200", "SV-1", "OTHER-1"};

std::vector<std::string> Fields(const Program& p) {
  FieldErrors errors;
  ValidateProgram(p, kCatalog, errors);
  std::vector<std::string> fields;
  for (const auto& [field, description] : errors.violations()) fields.push_back(field);
  return fields;
}

TEST(ProgramRulesTest, AValidProgramHasNoViolations) {
  EXPECT_THAT(Fields(ValidProgram()), IsEmpty());
}

TEST(ProgramRulesTest, EachMistakeIsReportedOnItsField) {
  struct Case {
    const char* name;
    std::function<void(Program&)> change;
    std::vector<std::string> fields;
  } cases[] = {
      {"missing name", [](Program& p) { p.set_name("  "); }, {"program.name"}},
      {"unknown currency",
       [](Program& p) { p.set_currency_code("EURO"); },
       {"program.currency_code"}},
      {"negative budget", [](Program& p) { p.set_budget("-1"); }, {"program.budget"}},
      {"budget beyond cents", [](Program& p) { p.set_budget("10.001"); }, {"program.budget"}},
      {"end before start",
       [](Program& p) { p.set_end_date("2025-12-31"); },
       {"program.end_date", "program.rules[1].spif.start_date"}},
      {"impossible date",
       [](Program& p) { p.set_start_date("2026-02-30"); },
       {"program.start_date"}},
      {"no period",
       [](Program& p) { p.set_period(cim::v1::PROGRAM_PERIOD_UNSPECIFIED); },
       {"program.period"}},
      {"no terms", [](Program& p) { p.clear_terms(); }, {"program.terms"}},
      {"unknown eligible SKU",
       [](Program& p) { p.add_eligible_skus("NOPE-1"); },
       {"program.eligible_skus[3]"}},
      {"duplicate eligible SKU",
       [](Program& p) { p.add_eligible_skus("SV-1"); },
       {"program.eligible_skus[3]"}},
      {"rule SKU outside the program",
       [](Program& p) { p.mutable_rules(0)->mutable_rebate()->add_skus("OTHER-1"); },
       {"program.rules[0].rebate.skus[0]"}},
      {"unordered tiers",
       [](Program& p) {
         p.mutable_rules(0)->mutable_rebate()->mutable_tiers(2)->set_min_volume("40000");
       },
       {"program.rules[0].rebate.tiers[2].min_volume"}},
      {"overlapping tiers",
       [](Program& p) {
         p.mutable_rules(0)->mutable_rebate()->mutable_tiers(2)->set_min_volume("50000");
       },
       {"program.rules[0].rebate.tiers[2].min_volume"}},
      {"first tier above zero",
       [](Program& p) {
         p.mutable_rules(0)->mutable_rebate()->mutable_tiers(0)->set_min_volume("10");
       },
       {"program.rules[0].rebate.tiers[0].min_volume"}},
      {"negative rate",
       [](Program& p) {
         p.mutable_rules(0)->mutable_rebate()->mutable_tiers(1)->set_percent("-3.5");
       },
       {"program.rules[0].rebate.tiers[1].percent"}},
      {"rate above 100",
       [](Program& p) {
         p.mutable_rules(0)->mutable_rebate()->mutable_tiers(1)->set_percent("100.01");
       },
       {"program.rules[0].rebate.tiers[1].percent"}},
      {"no mode",
       [](Program& p) {
         p.mutable_rules(0)->mutable_rebate()->set_mode(cim::v1::REBATE_MODE_UNSPECIFIED);
       },
       {"program.rules[0].rebate.mode"}},
      {"unknown SPIF SKU",
       [](Program& p) {
         p.mutable_rules(1)->mutable_spif()->mutable_products(0)->set_sku("GHOST");
       },
       {"program.rules[1].spif.products[0].sku"}},
      {"SPIF window outside the program",
       [](Program& p) { p.mutable_rules(1)->mutable_spif()->set_end_date("2027-01-31"); },
       {"program.rules[1].spif.start_date"}},
      {"SPIF window backwards",
       [](Program& p) { p.mutable_rules(1)->mutable_spif()->set_end_date("2026-02-01"); },
       {"program.rules[1].spif.end_date"}},
      {"zero bonus",
       [](Program& p) { p.mutable_rules(2)->mutable_bonus()->set_amount("0"); },
       {"program.rules[2].bonus.amount"}},
      {"growth without baseline",
       [](Program& p) {
         p.mutable_rules(3)->mutable_growth()->set_baseline(cim::v1::BASELINE_PERIOD_UNSPECIFIED);
       },
       {"program.rules[3].growth.baseline"}},
      {"points with two rates",
       [](Program& p) { p.mutable_rules(4)->mutable_points()->set_points_per_unit("5"); },
       {"program.rules[4].points"}},
      {"co-op rate zero",
       [](Program& p) { p.mutable_rules(5)->mutable_coop_accrual()->set_percent("0"); },
       {"program.rules[5].coop_accrual.percent"}},
      {"MDF without amounts",
       [](Program& p) { p.mutable_rules(6)->mutable_mdf_allocation()->Clear(); },
       {"program.rules[6].mdf_allocation"}},
      {"duplicate rule id",
       [](Program& p) { p.mutable_rules(6)->set_id("rebate"); },
       {"program.rules[6].id"}},
      {"bad rule id",
       [](Program& p) { p.mutable_rules(6)->set_id("Big Rule"); },
       {"program.rules[6].id"}},
      {"rule without kind",
       [](Program& p) { p.mutable_rules(6)->clear_mdf_allocation(); },
       {"program.rules[6]"}},
      {"two MDF rules",
       [](Program& p) {
         IncentiveRule* extra = p.add_rules();
         *extra = p.rules(6);
         extra->set_id("mdf-2");
       },
       {"program.rules"}},
      {"bad eligibility codes",
       [](Program& p) {
         p.mutable_eligibility()->add_tiers("Gold Tier");
         p.mutable_eligibility()->add_partner_types(cim::v1::PARTNER_TYPE_UNSPECIFIED);
       },
       {"program.eligibility.partner_types[0]", "program.eligibility.tiers[0]"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Program p = ValidProgram();
    c.change(p);
    EXPECT_EQ(Fields(p), c.fields);
  }
}

TEST(ProgramRulesTest, ReferencedSkusListsEachOnce) {
  Program p = ValidProgram();
  p.mutable_rules(0)->mutable_rebate()->add_skus("ST-100");
  EXPECT_THAT(ReferencedSkus(p), ElementsAre("ST-100", "ST-200", "SV-1"));
}

TEST(ProgramDatesTest, Periods) {
  const absl::CivilDay may14(2026, 5, 14);
  EXPECT_EQ(PeriodContaining(may14, cim::v1::PROGRAM_PERIOD_MONTH),
            (DateRange{absl::CivilDay(2026, 5, 1), absl::CivilDay(2026, 5, 31)}));
  EXPECT_EQ(PeriodContaining(may14, cim::v1::PROGRAM_PERIOD_QUARTER),
            (DateRange{absl::CivilDay(2026, 4, 1), absl::CivilDay(2026, 6, 30)}));
  EXPECT_EQ(PeriodContaining(may14, cim::v1::PROGRAM_PERIOD_YEAR),
            (DateRange{absl::CivilDay(2026, 1, 1), absl::CivilDay(2026, 12, 31)}));
  const DateRange q1 =
      PeriodContaining(absl::CivilDay(2026, 2, 1), cim::v1::PROGRAM_PERIOD_QUARTER);
  EXPECT_EQ(BaselineOf(q1, cim::v1::PROGRAM_PERIOD_QUARTER, cim::v1::BASELINE_PERIOD_PREVIOUS),
            (DateRange{absl::CivilDay(2025, 10, 1), absl::CivilDay(2025, 12, 31)}));
  EXPECT_EQ(
      BaselineOf(q1, cim::v1::PROGRAM_PERIOD_QUARTER, cim::v1::BASELINE_PERIOD_SAME_LAST_YEAR),
      (DateRange{absl::CivilDay(2025, 1, 1), absl::CivilDay(2025, 3, 31)}));
  const DateRange march =
      PeriodContaining(absl::CivilDay(2024, 3, 9), cim::v1::PROGRAM_PERIOD_MONTH);
  EXPECT_EQ(BaselineOf(march, cim::v1::PROGRAM_PERIOD_MONTH, cim::v1::BASELINE_PERIOD_PREVIOUS),
            (DateRange{absl::CivilDay(2024, 2, 1), absl::CivilDay(2024, 2, 29)}));
}

TEST(ProgramDatesTest, ParsesOnlyRealDays) {
  EXPECT_EQ(*ParseDate("2024-02-29"), absl::CivilDay(2024, 2, 29));
  for (const char* bad : {"2025-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026/01/01", "",
                          "1999-12-31", "2026-01-01T00:00"}) {
    SCOPED_TRACE(bad);
    EXPECT_THAT(ParseDate(bad), StatusIs(absl::StatusCode::kInvalidArgument));
  }
}

TEST(ProgramPolicyTest, OnlyLegalTransitions) {
  using S = cim::v1::ProgramStatus;
  const S kDraft = cim::v1::PROGRAM_STATUS_DRAFT, kActive = cim::v1::PROGRAM_STATUS_ACTIVE,
          kPaused = cim::v1::PROGRAM_STATUS_PAUSED, kClosed = cim::v1::PROGRAM_STATUS_CLOSED;
  struct Case {
    S from, to;
    bool allowed;
  } cases[] = {
      {kDraft, kActive, true},   {kActive, kPaused, true},  {kPaused, kActive, true},
      {kActive, kClosed, true},  {kPaused, kClosed, true},  {kDraft, kPaused, false},
      {kDraft, kClosed, false},  {kClosed, kActive, false}, {kClosed, kPaused, false},
      {kActive, kActive, false}, {kActive, kDraft, false},  {kPaused, kPaused, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::StrCat(ProgramStatusName(c.from), " -> ", ProgramStatusName(c.to)));
    if (c.allowed) {
      EXPECT_TRUE(CheckTransition(c.from, c.to).ok());
    } else {
      EXPECT_THAT(CheckTransition(c.from, c.to),
                  StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("cannot become")));
    }
  }
}

TEST(ProgramPolicyTest, EveryIneligibilityReason) {
  Program p = ValidProgram();
  p.mutable_eligibility()->add_partner_types(cim::v1::PARTNER_TYPE_DISTRIBUTOR);
  p.mutable_eligibility()->add_tiers("gold");
  p.mutable_eligibility()->add_regions("EMEA-NL");
  p.mutable_eligibility()->add_required_certifications("storage-expert");
  cim::v1::Partner partner;
  partner.set_id(7);
  partner.set_type(cim::v1::PARTNER_TYPE_RESELLER);
  partner.set_tier("silver");
  partner.set_region("EMEA-DE");
  partner.set_status(cim::v1::PARTNER_STATUS_ACTIVE);
  EXPECT_THAT(IneligibilityReasons(p, partner, {}),
              ElementsAre("partner type reseller is not eligible (distributor only)",
                          "tier silver is not eligible (gold only)",
                          "region EMEA-DE is not eligible (EMEA-NL only)",
                          "requires certification storage-expert, which no user of the partner "
                          "holds"));
  partner.set_type(cim::v1::PARTNER_TYPE_DISTRIBUTOR);
  partner.set_tier("gold");
  partner.set_region("EMEA-NL");
  EXPECT_THAT(IneligibilityReasons(p, partner, {"storage-expert"}), IsEmpty());
  p.mutable_eligibility()->add_partner_ids(8);
  partner.set_status(cim::v1::PARTNER_STATUS_SUSPENDED);
  EXPECT_THAT(
      IneligibilityReasons(p, partner, {"storage-expert"}),
      ElementsAre("the partner is suspended", "the program is open to named partners only"));
}

}  // namespace
}  // namespace cim
