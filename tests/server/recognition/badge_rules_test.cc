// Badge criteria against hand-computed facts: counts, period sums, certifications, placements
// and streaks, and the validation that names each bad field.
#include "server/recognition/badge_rules.h"

#include <google/protobuf/text_format.h>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/server/recognition/rule_inputs.h"
#include "tests/testing/phrase_matchers.h"

namespace cim {
namespace {

using ::cim::testing::InEnglish;

using ::cim::testing::Claims;
using ::cim::testing::Criteria;
using ::cim::testing::D;
using ::cim::testing::Points;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

TEST(BadgeRulesTest, EachCriterionAgainstFacts) {
  RecognitionFacts facts;
  facts.tallies = {Claims(2026, 3, 2, "30000"), Claims(2026, 4, 3, "50000"),
                   Claims(2026, 5, 2, "60000"), Claims(2026, 5, 1, "900", "USD"),
                   Claims(2026, 11, 1, "1000"), Points(2026, 4, "700"),
                   Points(2026, 11, "250")};
  facts.certifications = {"storage-expert"};
  facts.best_placements = {{7, 4}};
  const absl::CivilDay today(2026, 11, 20);
  struct Case {
    const char* name;
    const char* criteria;
    bool met;
    const char* text;
    int percent;
  };
  const Case cases[] = {
      {"count below", "event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED count: 10 }",
       false, "9 of 10 approved claims", 90},
      {"count reached", "event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED count: 9 }",
       true, "9 of 9 approved claims", 100},
      {"quarter sales reached in Q2",
       "period_sum { metric: RECOGNITION_METRIC_SALES currency_code: \"EUR\""
       " period: PROGRAM_PERIOD_QUARTER threshold: \"100000\" }",
       true, "Reached in an earlier quarter", 1},
      {"quarter sales not reached",
       "period_sum { metric: RECOGNITION_METRIC_SALES currency_code: \"EUR\""
       " period: PROGRAM_PERIOD_QUARTER threshold: \"200000\" }",
       false, "€1,000 of €200,000 sales this quarter", 0},
      {"other currency counts apart",
       "period_sum { metric: RECOGNITION_METRIC_SALES currency_code: \"USD\""
       " period: PROGRAM_PERIOD_YEAR threshold: \"1000\" }",
       false, "US$900 of US$1,000 sales this year", 90},
      {"monthly points",
       "period_sum { metric: RECOGNITION_METRIC_POINTS period: PROGRAM_PERIOD_MONTH"
       " threshold: \"500\" }",
       true, "Reached in an earlier month", 50},
      {"yearly points",
       "period_sum { metric: RECOGNITION_METRIC_POINTS period: PROGRAM_PERIOD_YEAR"
       " threshold: \"1000\" }",
       false, "950 of 1,000 points this year", 95},
      {"certification held", "certification { certification_code: \"storage-expert\" }", true,
       "Certification storage-expert held", 100},
      {"certification missing", "certification { certification_code: \"net-pro\" }", false,
       "Certification net-pro not held yet", 0},
      {"placement within top", "placement { leaderboard_id: 7 top: 5 }", true,
       "Best finish #4 (top 5 needed)", 100},
      {"placement outside top", "placement { leaderboard_id: 7 top: 3 }", false,
       "Best finish #4 (top 3 needed)", 0},
      {"never placed", "placement { leaderboard_id: 8 top: 3 }", false,
       "Finish a period in the top 3", 0},
      {"streak of three reached earlier",
       "streak { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED months: 3 }", true,
       "Reached in an earlier streak", 33},
      {"streak of four never", "streak { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED months: 4 }",
       false, "1 of 4 consecutive months with an approved claim", 25},
  };
  for (const Case& c : cases) {
    CriterionProgress p = EvaluateCriteria(Criteria(c.criteria), facts, today);
    EXPECT_EQ(p.met, c.met) << c.name;
    EXPECT_EQ(InEnglish(p.text), c.text) << c.name;
    EXPECT_EQ(p.percent, c.percent) << c.name;
  }
}

TEST(BadgeRulesTest, StreakCountsTheRunStillAlive) {
  const auto streak = Criteria("streak { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED months: 3 }");
  RecognitionFacts facts;
  facts.tallies = {Claims(2026, 9, 1), Claims(2026, 10, 1)};
  // November has no claim yet: the run through October is still alive.
  CriterionProgress p = EvaluateCriteria(streak, facts, absl::CivilDay(2026, 11, 5));
  EXPECT_FALSE(p.met);
  EXPECT_EQ(InEnglish(p.text), "2 of 3 consecutive months with an approved claim");
  // A month without one breaks it.
  p = EvaluateCriteria(streak, facts, absl::CivilDay(2026, 12, 5));
  EXPECT_EQ(InEnglish(p.text), "0 of 3 consecutive months with an approved claim");
  // Across a year boundary.
  facts.tallies = {Claims(2025, 11, 1), Claims(2025, 12, 4), Claims(2026, 1, 1)};
  EXPECT_TRUE(EvaluateCriteria(streak, facts, absl::CivilDay(2026, 1, 31)).met);
}

TEST(BadgeRulesTest, ValidationNamesEachBadField) {
  struct Case {
    const char* name;
    const char* badge;
    const char* field;
  };
  const Case cases[] = {
      {"no criterion", "name: \"A\"", "badge.criteria"},
      {"no name", "criteria { certification { certification_code: \"x\" } }", "badge.name"},
      {"zero count",
       "name: \"A\" criteria { event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED } }",
       "badge.criteria.event_count.count"},
      {"uncountable event",
       "name: \"A\" criteria { event_count { event: RECOGNITION_EVENT_KIND_POINTS_REVERSED"
       " count: 2 } }",
       "badge.criteria.event_count.event"},
      {"sales without currency",
       "name: \"A\" criteria { period_sum { metric: RECOGNITION_METRIC_SALES"
       " period: PROGRAM_PERIOD_MONTH threshold: \"10\" } }",
       "badge.criteria.period_sum.currency_code"},
      {"no period",
       "name: \"A\" criteria { period_sum { metric: RECOGNITION_METRIC_POINTS"
       " threshold: \"10\" } }",
       "badge.criteria.period_sum.period"},
      {"bad threshold",
       "name: \"A\" criteria { period_sum { metric: RECOGNITION_METRIC_POINTS"
       " period: PROGRAM_PERIOD_MONTH threshold: \"ten\" } }",
       "badge.criteria.period_sum.threshold"},
      {"bad certification code",
       "name: \"A\" criteria { certification { certification_code: \"Net Pro\" } }",
       "badge.criteria.certification.certification_code"},
      {"no board", "name: \"A\" criteria { placement { top: 3 } }",
       "badge.criteria.placement.leaderboard_id"},
      {"top too long", "name: \"A\" criteria { placement { leaderboard_id: 1 top: 1001 } }",
       "badge.criteria.placement.top"},
      {"one-month streak",
       "name: \"A\" criteria { streak { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED months: 1 } }",
       "badge.criteria.streak.months"},
      {"script image",
       "name: \"A\" image_url: \"javascript:alert(1)\""
       " criteria { certification { certification_code: \"x\" } }",
       "badge.image_url"},
  };
  for (const Case& c : cases) {
    Badge badge;
    ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(c.badge, &badge)) << c.name;
    FieldErrors errors;
    ValidateBadge(badge, "badge.", errors);
    ASSERT_EQ(errors.violations().size(), 1) << c.name << ": " << errors.ToStatus();
    EXPECT_EQ(errors.violations()[0].first, c.field) << c.name;
  }
}

}  // namespace
}  // namespace cim
