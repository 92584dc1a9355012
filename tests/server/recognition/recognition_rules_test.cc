// Recognition's pure rules against hand-computed cases: level ladders and progress, each badge
// criterion (counts, period sums, certifications, placements, streaks) and its validation, and
// what an outbox event changes.
#include <google/protobuf/text_format.h>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/recognition/badge_rules.h"
#include "server/recognition/levels.h"
#include "server/recognition/outbox_rules.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

Decimal D(const char* text) { return *Decimal::Parse(text); }

Level L(const char* name, const char* min) {
  Level l;
  l.set_name(name);
  l.set_min_points(min);
  return l;
}

std::vector<Level> Ladder() {
  return *ValidateLevels({L("Gold", "5000"), L("Bronze", "0"), L("Silver", "1000")});
}

TEST(LevelsTest, LadderIsOrderedAndRanked) {
  std::vector<Level> ladder = Ladder();
  ASSERT_EQ(ladder.size(), 3);
  EXPECT_EQ(ladder[0].name(), "Bronze");
  EXPECT_EQ(ladder[0].rank(), 1);
  EXPECT_EQ(ladder[1].name(), "Silver");
  EXPECT_EQ(ladder[2].name(), "Gold");
  EXPECT_EQ(ladder[2].rank(), 3);
  EXPECT_EQ(ladder[2].min_points(), "5000");
}

TEST(LevelsTest, BadLaddersNameTheField) {
  struct Case {
    const char* name;
    std::vector<Level> levels;
    const char* field;
  };
  const Case cases[] = {
      {"empty", {}, "levels"},
      {"no zero", {L("Silver", "1000")}, "levels"},
      {"repeated name", {L("A", "0"), L("A", "10")}, "levels[1].name"},
      {"repeated threshold", {L("A", "0"), L("B", "0")}, "levels[1].min_points"},
      {"fractional", {L("A", "0"), L("B", "10.5")}, "levels[1].min_points"},
      {"negative", {L("A", "0"), L("B", "-10")}, "levels[1].min_points"},
      {"blank name", {L(" ", "0")}, "levels[0].name"},
  };
  for (const Case& c : cases) {
    EXPECT_THAT(ValidateLevels(c.levels),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.field)))
        << c.name;
  }
}

TEST(LevelsTest, ProgressOnTheLadder) {
  struct Case {
    const char* points;
    const char* level;  // "" for none
    const char* next;   // "" at the top
    const char* to_next;
    int percent;
  };
  const Case cases[] = {
      {"0", "Bronze", "Silver", "1000", 0},    {"999", "Bronze", "Silver", "1", 99},
      {"1000", "Silver", "Gold", "4000", 0},   {"3000", "Silver", "Gold", "2000", 50},
      {"4999.9", "Silver", "Gold", "0.1", 99}, {"5000", "Gold", "", "0", 100},
      {"123456", "Gold", "", "0", 100},        {"-50", "", "Bronze", "50", 0},
  };
  const std::vector<Level> ladder = Ladder();
  for (const Case& c : cases) {
    LevelProgress p = ProgressOnLadder(ladder, D(c.points));
    EXPECT_EQ(p.level().name(), c.level) << c.points;
    EXPECT_EQ(p.next_level().name(), c.next) << c.points;
    EXPECT_EQ(p.points_to_next_level(), c.to_next) << c.points;
    EXPECT_EQ(p.progress_percent(), c.percent) << c.points;
  }
}

BadgeCriteria Criteria(const char* text) {
  BadgeCriteria c;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &c)) << text;
  return c;
}

MonthlyTally Claims(int year, int month, int count, const char* sales = "0",
                    const char* currency = "EUR") {
  return MonthlyTally{.kind = RECOGNITION_EVENT_KIND_CLAIM_APPROVED,
                      .unit = currency,
                      .month = absl::CivilMonth(year, month),
                      .events = count,
                      .amount = D(sales)};
}

MonthlyTally Points(int year, int month, const char* points) {
  return MonthlyTally{.kind = kPointsTallyKind,
                      .unit = "points",
                      .month = absl::CivilMonth(year, month),
                      .amount = D(points)};
}

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
       false, "EUR 1000 of EUR 200000 sales this quarter", 0},
      {"other currency counts apart",
       "period_sum { metric: RECOGNITION_METRIC_SALES currency_code: \"USD\""
       " period: PROGRAM_PERIOD_YEAR threshold: \"1000\" }",
       false, "USD 900 of USD 1000 sales this year", 90},
      {"monthly points",
       "period_sum { metric: RECOGNITION_METRIC_POINTS period: PROGRAM_PERIOD_MONTH"
       " threshold: \"500\" }",
       true, "Reached in an earlier month", 50},
      {"yearly points",
       "period_sum { metric: RECOGNITION_METRIC_POINTS period: PROGRAM_PERIOD_YEAR"
       " threshold: \"1000\" }",
       false, "950 of 1000 points this year", 95},
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
    EXPECT_EQ(p.text, c.text) << c.name;
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
  EXPECT_EQ(p.text, "2 of 3 consecutive months with an approved claim");
  // A month without one breaks it.
  p = EvaluateCriteria(streak, facts, absl::CivilDay(2026, 12, 5));
  EXPECT_EQ(p.text, "0 of 3 consecutive months with an approved claim");
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

Leaderboard Board(int64_t id, int64_t program, RecognitionMetric metric, LeaderboardScope scope,
                  LeaderboardPeriod period, const char* currency = "") {
  Leaderboard b;
  b.set_id(id);
  b.set_program_id(program);
  b.set_metric(metric);
  b.set_scope(scope);
  b.set_period(period);
  b.set_currency_code(currency);
  return b;
}

TEST(OutboxRulesTest, ApprovalCountsForTalliesAndBoards) {
  const OutboxEvent approval{.kind = RECOGNITION_EVENT_KIND_CLAIM_APPROVED,
                             .partner_id = 3,
                             .user_id = 30,
                             .program_id = 9,
                             .amount = D("1200"),
                             .currency_code = "EUR",
                             .points = D("120"),
                             .occurred_at = absl::FromCivil(
                                 absl::CivilSecond(2026, 11, 18, 10, 0, 0), absl::UTCTimeZone()),
                             .created_at = absl::FromUnixSeconds(1)};
  OutboxRules rules;
  std::vector<MonthlyTally> tallies = rules.Tallies(approval);
  ASSERT_EQ(tallies.size(), 2);
  EXPECT_EQ(tallies[0].kind, RECOGNITION_EVENT_KIND_CLAIM_APPROVED);
  EXPECT_EQ(tallies[0].unit, "EUR");
  EXPECT_EQ(tallies[0].events, 1);
  EXPECT_EQ(tallies[0].amount, D("1200"));
  EXPECT_EQ(tallies[1].unit, "points");
  EXPECT_EQ(tallies[1].amount, D("120"));
  EXPECT_EQ(tallies[1].month, absl::CivilMonth(2026, 11));

  const std::vector<Leaderboard> boards = {
      Board(1, 0, RECOGNITION_METRIC_POINTS, LEADERBOARD_SCOPE_INDIVIDUAL, LEADERBOARD_PERIOD_WEEK),
      Board(2, 9, RECOGNITION_METRIC_SALES, LEADERBOARD_SCOPE_PARTNER, LEADERBOARD_PERIOD_QUARTER,
            "EUR"),
      Board(3, 8, RECOGNITION_METRIC_POINTS, LEADERBOARD_SCOPE_INDIVIDUAL,
            LEADERBOARD_PERIOD_MONTH),  // another program
      Board(4, 0, RECOGNITION_METRIC_SALES, LEADERBOARD_SCOPE_INDIVIDUAL,
            LEADERBOARD_PERIOD_ALL_TIME, "USD"),  // another currency
  };
  std::vector<ScoreChange> scores = rules.Scores(boards, approval);
  ASSERT_EQ(scores.size(), 2);
  EXPECT_EQ(scores[0].board_id, 1);
  EXPECT_EQ(scores[0].participant_id, 30);
  EXPECT_EQ(scores[0].period_start, absl::CivilDay(2026, 11, 16));  // the Monday
  EXPECT_EQ(scores[0].delta, D("120"));
  EXPECT_EQ(scores[1].board_id, 2);
  EXPECT_EQ(scores[1].participant_id, 3);
  EXPECT_EQ(scores[1].period_start, absl::CivilDay(2026, 10, 1));
  EXPECT_EQ(scores[1].delta, D("1200"));
}

TEST(OutboxRulesTest, ReversalTakesPointsBackOnly) {
  const OutboxEvent reversal{.kind = RECOGNITION_EVENT_KIND_POINTS_REVERSED,
                             .partner_id = 3,
                             .user_id = 30,
                             .program_id = 9,
                             .points = D("-120"),
                             .occurred_at = absl::FromUnixSeconds(1'760'000'000)};
  OutboxRules rules;
  std::vector<MonthlyTally> tallies = rules.Tallies(reversal);
  ASSERT_EQ(tallies.size(), 1);
  EXPECT_EQ(tallies[0].unit, "points");
  EXPECT_EQ(tallies[0].amount, D("-120"));
  EXPECT_THAT(rules.Scores({Board(2, 9, RECOGNITION_METRIC_SALES, LEADERBOARD_SCOPE_PARTNER,
                                  LEADERBOARD_PERIOD_QUARTER, "EUR")},
                           reversal),
              IsEmpty());
}

TEST(OutboxRulesTest, NewlyEarnedSkipsEarnedBadges) {
  Badge five, ten;
  five.set_id(1);
  *five.mutable_criteria() =
      Criteria("event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED count: 5 }");
  ten.set_id(2);
  *ten.mutable_criteria() =
      Criteria("event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED count: 10 }");
  RecognitionFacts facts;
  facts.tallies = {Claims(2026, 1, 6)};
  OutboxRules rules;
  EXPECT_THAT(rules.NewlyEarned({five, ten}, {}, facts, absl::CivilDay(2026, 2, 1)),
              ElementsAre(1));
  EXPECT_THAT(rules.NewlyEarned({five, ten}, {{1, absl::Now()}}, facts, absl::CivilDay(2026, 2, 1)),
              IsEmpty());
}

}  // namespace
}  // namespace cim
