// What one outbox event changes: the tallies and board scores an approval counts for, a reversal
// taking points back only, and the badges newly earned.
#include "server/recognition/outbox_rules.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/server/recognition/rule_inputs.h"

namespace cim {
namespace {

using ::cim::testing::Board;
using ::cim::testing::Claims;
using ::cim::testing::Criteria;
using ::cim::testing::D;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

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
