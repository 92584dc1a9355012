// Table-driven validation of programs and incentive rules: a valid program has no violations,
// each mistake is reported on its field, and the SKUs the rules reference.
#include "server/program/program_rules.h"

#include <google/protobuf/text_format.h>

#include <functional>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
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
      partner_tier_uplifts { tier: "silver" percent: "0.5" }
      partner_tier_uplifts { tier: "gold" percent: "95" }
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
      {"uplift tier code bad, then repeated",
       [](Program& p) {
         cim::v1::RebateRule& r = *p.mutable_rules(0)->mutable_rebate();
         r.mutable_partner_tier_uplifts(0)->set_tier("Silver Tier");
         r.add_partner_tier_uplifts()->CopyFrom(r.partner_tier_uplifts(1));
       },
       {"program.rules[0].rebate.partner_tier_uplifts[0].tier",
        "program.rules[0].rebate.partner_tier_uplifts[2].tier"}},
      {"uplift above 100 with the top volume tier",
       [](Program& p) {
         p.mutable_rules(0)->mutable_rebate()->mutable_partner_tier_uplifts(1)->set_percent(
             "95.0001");
       },
       {"program.rules[0].rebate.partner_tier_uplifts[1].percent"}},
      {"uplift without a percent",
       [](Program& p) {
         p.mutable_rules(0)->mutable_rebate()->mutable_partner_tier_uplifts(0)->clear_percent();
       },
       {"program.rules[0].rebate.partner_tier_uplifts[0].percent"}},
      {"too many uplifts",
       [](Program& p) {
         for (int i = 0; i < kMaxPartnerTierUplifts - 1; ++i) {
           cim::v1::PartnerTierUplift& u =
               *p.mutable_rules(0)->mutable_rebate()->add_partner_tier_uplifts();
           u.set_tier(absl::StrCat("t", i));
           u.set_percent("1");
         }
       },
       {"program.rules[0].rebate.partner_tier_uplifts"}},
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

}  // namespace
}  // namespace cim
