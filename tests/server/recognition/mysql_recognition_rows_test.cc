// The recognition store's row readers against MariaDB: points earned summed net by user or partner
// column (what was spent in the store left out); a score row read as its exact 0.0001 units, reach
// time in microseconds and seq; badges read by id page with their criteria, a stored criteria that
// does not parse INTERNAL; boards read whole and filtered by program; and the facts badge criteria
// are judged on, per user: tallies, best placements on individual boards only, certifications
// unexpired at `now`, first-completed modules and completed challenges, with each user's awards.
#include "server/recognition/mysql_recognition_rows.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cim/v1/ledger.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "tests/server/recognition/recognition_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::Property;
using ::testing::UnorderedElementsAre;

class MysqlRecognitionRowsTest : public RecognitionStoreTest {
 protected:
  // Runs `fn(session)` on a pooled session.
  template <typename Fn>
  auto OnSession(Fn fn) {
    return database_.db().Run(fn);
  }
};

TEST_F(MysqlRecognitionRowsTest, SumsEarnedPointsByUserOrPartnerColumn) {
  const int points = cim::v1::LEDGER_ACCOUNT_POINTS;
  const int payable = cim::v1::LEDGER_ACCOUNT_PAYABLE;
  Exec(absl::StrCat(
      "INSERT INTO ledger_entries (partner_id, user_id, account, kind, unit, amount, basis,"
      " created_by, created_at) VALUES"
      " (1, 3, ",
      points, ", 6, 'points', 12.3456, 'a', 1, NOW()), (1, 2, ", points,
      ", 6, 'points', 0.0044, 'b', 1, NOW()), (1, 3, ", payable,
      ", 1, 'EUR', 500, 'c', 1, NOW()), (2, 5, ", points, ", 6, 'points', -3, 'd', 1, NOW())"));
  // Points Rob spent in the store, and an order cancelled: not earnings either way.
  Exec(absl::StrCat(
      "INSERT INTO ledger_entries (partner_id, user_id, account, kind, unit, amount, basis,"
      " created_by, created_at, redemption_order_id) VALUES (1, 3, ",
      points, ", 12, 'points', -10, 'spent', 3, NOW(), 7), (1, 3, ", points,
      ", 11, 'points', 10, 'back', 3, NOW(), 7), (1, 3, ", points,
      ", 12, 'points', -2, 'spent', 3, NOW(), 8)"));
  absl::StatusOr<Decimal> rob =
      OnSession([](soci::session& s) { return SumPoints(s, "user_id", kRob); });
  ASSERT_TRUE(rob.ok()) << rob.status();
  EXPECT_EQ(rob->ToString(0), "12.3456");
  absl::StatusOr<Decimal> alpha =
      OnSession([](soci::session& s) { return SumPoints(s, "partner_id", kAlpha); });
  ASSERT_TRUE(alpha.ok()) << alpha.status();
  EXPECT_EQ(alpha->ToString(0), "12.35");  // 12.3456 + 0.0044, exactly
  absl::StatusOr<Decimal> bravo =
      OnSession([](soci::session& s) { return SumPoints(s, "partner_id", kBravo); });
  ASSERT_TRUE(bravo.ok()) << bravo.status();
  EXPECT_EQ(bravo->ToString(0), "-3");
}

TEST_F(MysqlRecognitionRowsTest, ReadsAScoreRowInExactUnits) {
  Exec(
      "INSERT INTO leaderboard_scores (board_id, period_start, participant_id, partner_id, score,"
      " reached_at, seq) VALUES (4, '2026-01-05', 3, 1, 1234.5678, '2026-03-02 09:00:00.250000',"
      " 9), (4, '2026-01-05', 5, 2, -2.5, '1999-12-31 23:59:59.999999', 10)");
  absl::StatusOr<std::vector<ScoreRow>> rows =
      OnSession([](soci::session& s) -> absl::StatusOr<std::vector<ScoreRow>> {
        soci::rowset<soci::row> rs = s.prepare
                                     << absl::StrCat("SELECT ", kScoreColumns,
                                                     " FROM leaderboard_scores ORDER BY seq");
        std::vector<ScoreRow> out;
        for (const soci::row& r : rs) {
          CIM_ASSIGN_OR_RETURN(ScoreRow row, ScoreFromRow(r));
          out.push_back(row);
        }
        return out;
      });
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 2u);
  const ScoreRow& rob = (*rows)[0];
  EXPECT_EQ(rob.board_id, 4);
  EXPECT_EQ(rob.period_start, absl::CivilDay(2026, 1, 5));
  EXPECT_EQ(rob.partner_id, kAlpha);
  EXPECT_EQ(rob.seq, 9);
  EXPECT_EQ(rob.key, (RankKey{.score = 12345678,
                              .reached_at = kT0Seconds * 1000000 + 250000,
                              .participant = kRob}));
  const ScoreRow& bea = (*rows)[1];
  EXPECT_EQ(bea.key.score, -25000);
  EXPECT_EQ(bea.key.reached_at, 946684799999999);  // before 2000, to the microsecond
  EXPECT_EQ(bea.key.participant, kBea);
}

TEST_F(MysqlRecognitionRowsTest, ReadsBadgesByPageAndRefusesCorruptCriteria) {
  const cim::v1::Badge a = AddBadge(
      R"pb(name: "A"
           description: "d"
           image_url: "https://img/a.png"
           criteria {
             period_sum {
               metric: RECOGNITION_METRIC_SALES
               currency_code: "EUR"
               period: PROGRAM_PERIOD_QUARTER
               threshold: "50000.5"
             }
           })pb");
  const cim::v1::Badge b = AddBadge(R"pb(name: "B"
                                         criteria { module_completed { module_id: 4 } })pb");
  absl::StatusOr<std::vector<cim::v1::Badge>> all =
      OnSession([](soci::session& s) { return ReadBadges(s, 0, 10, true); });
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].SerializeAsString(), a.SerializeAsString());
  EXPECT_EQ((*all)[0].criteria().period_sum().threshold(), "50000.5");
  EXPECT_EQ((*all)[1].criteria().module_completed().module_id(), 4);
  absl::StatusOr<std::vector<cim::v1::Badge>> after_a =
      OnSession([&](soci::session& s) { return ReadBadges(s, a.id(), 10, true); });
  ASSERT_TRUE(after_a.ok()) << after_a.status();
  EXPECT_THAT(*after_a, ElementsAre(Property(&cim::v1::Badge::id, b.id())));
  absl::StatusOr<std::vector<cim::v1::Badge>> one =
      OnSession([](soci::session& s) { return ReadBadges(s, 0, 1, true); });
  ASSERT_TRUE(one.ok()) << one.status();
  EXPECT_THAT(*one, ElementsAre(Property(&cim::v1::Badge::id, a.id())));

  // Stored criteria are ours: one that does not parse is corruption, not an empty badge.
  Exec(
      "INSERT INTO badges (name, description, image_url, criteria, created_by, created_at)"
      " VALUES ('Bad', '', '', '{\"no_such_criterion\": 1}', 1, NOW())");
  EXPECT_THAT(OnSession([](soci::session& s) { return ReadBadges(s, 0, 10, true); }),
              StatusIs(absl::StatusCode::kInternal));
}

TEST_F(MysqlRecognitionRowsTest, ReadsBoardsWholeAndByProgram) {
  const cim::v1::Leaderboard global = AddBoard(
      R"pb(name: "Global"
           metric: RECOGNITION_METRIC_POINTS
           scope: LEADERBOARD_SCOPE_INDIVIDUAL
           period: LEADERBOARD_PERIOD_WEEK)pb");
  const cim::v1::Leaderboard program = AddBoard(
      R"pb(name: "Program sales"
           program_id: 12
           metric: RECOGNITION_METRIC_SALES
           currency_code: "USD"
           scope: LEADERBOARD_SCOPE_PARTNER
           period: LEADERBOARD_PERIOD_YEAR)pb");
  std::vector<cim::v1::Leaderboard> all =
      OnSession([](soci::session& s) -> absl::StatusOr<std::vector<cim::v1::Leaderboard>> {
        return ReadBoards(s, 0);
      }).value_or(std::vector<cim::v1::Leaderboard>());
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].SerializeAsString(), global.SerializeAsString());
  EXPECT_EQ(all[1].SerializeAsString(), program.SerializeAsString());
  EXPECT_EQ(FromTimestamp(all[1].create_time()), T0());
  std::vector<cim::v1::Leaderboard> twelve =
      OnSession([](soci::session& s) -> absl::StatusOr<std::vector<cim::v1::Leaderboard>> {
        return ReadBoards(s, 12);
      }).value_or(std::vector<cim::v1::Leaderboard>());
  ASSERT_EQ(twelve.size(), 1u);
  EXPECT_EQ(twelve[0].name(), "Program sales");
  EXPECT_EQ(twelve[0].metric(), cim::v1::RECOGNITION_METRIC_SALES);
  EXPECT_EQ(twelve[0].currency_code(), "USD");
  std::vector<cim::v1::Leaderboard> none =
      OnSession([](soci::session& s) -> absl::StatusOr<std::vector<cim::v1::Leaderboard>> {
        return ReadBoards(s, 13);
      }).value_or(std::vector<cim::v1::Leaderboard>{global});
  EXPECT_THAT(none, IsEmpty());
}

TEST_F(MysqlRecognitionRowsTest, ReadsEachUsersFactsAndAwards) {
  const cim::v1::Leaderboard reps = AddBoard(
      R"pb(name: "Reps"
           metric: RECOGNITION_METRIC_POINTS
           scope: LEADERBOARD_SCOPE_INDIVIDUAL
           period: LEADERBOARD_PERIOD_MONTH)pb");
  const cim::v1::Leaderboard partners = AddBoard(
      R"pb(name: "Partners"
           metric: RECOGNITION_METRIC_POINTS
           scope: LEADERBOARD_SCOPE_PARTNER
           period: LEADERBOARD_PERIOD_MONTH)pb");
  Exec(
      "INSERT INTO recognition_tallies (user_id, kind, unit, month, events, amount) VALUES"
      " (3, 1, 'EUR', '2026-02-01', 2, 1500.5), (3, 0, 'points', '2026-02-01', 0, 150),"
      " (2, 4, '', '2026-03-01', 1, 0)");
  // Rob finished 3rd in January and 1st in February; Bravo (partner 2) won the partner board,
  // which is no placement of Ann (user 2).
  Exec(absl::StrCat(
      "INSERT INTO leaderboard_placements (board_id, period_start, placement, participant_id,"
      " score) VALUES (",
      reps.id(), ", '2026-01-01', 3, 3, 10), (", reps.id(), ", '2026-02-01', 1, 3, 20), (",
      partners.id(), ", '2026-02-01', 1, 2, 99)"));
  // Certifications: one valid past T0, one ending exactly at T0 (expired by then).
  Exec(
      "INSERT INTO certifications (user_id, certification_code, partner_id, module_id, earned_at,"
      " expires_at) VALUES (3, 'storage', 1, 4, '2026-01-01', '2026-03-02 09:00:01'),"
      " (3, 'old', 1, 5, '2025-01-01', '2026-03-02 09:00:00')");
  Exec("INSERT INTO training_firsts (user_id, module_id) VALUES (3, 4), (2, 6)");
  Exec(
      "INSERT INTO challenges (title, description, starts_at, ends_at, program_id, audience,"
      " goal, reward_points, created_by, created_at) VALUES"
      " ('Done', '', NOW(), NOW(), 0, '{}', '{}', 0, 1, NOW()),"
      " ('Open', '', NOW(), NOW(), 0, '{}', '{}', 0, 1, NOW())");
  Exec(
      "INSERT INTO challenge_progress (challenge_id, user_id, partner_id, progress, completed_at)"
      " VALUES (1, 3, 1, 5, '2026-03-01 10:00:00'), (2, 3, 1, 1, NULL)");
  const cim::v1::Badge badge = AddBadge(R"pb(name: "Any")pb");
  Exec(absl::StrCat("INSERT INTO badge_awards (badge_id, user_id, partner_id, earned_at) VALUES (",
                    badge.id(), ", 3, 1, '2026-03-02 08:00:00')"));

  absl::StatusOr<absl::flat_hash_map<int64_t, RecognitionFacts>> facts =
      OnSession([](soci::session& s) {
        return ReadFactsOf(s, {kRob, kAnn, kBea}, T0());
      });
  ASSERT_TRUE(facts.ok()) << facts.status();
  ASSERT_EQ(facts->size(), 3u);  // everyone asked for, with facts or without

  const RecognitionFacts& rob = facts->at(kRob);
  ASSERT_EQ(rob.tallies.size(), 2u);
  for (const MonthlyTally& t : rob.tallies) {
    EXPECT_EQ(t.month, absl::CivilMonth(2026, 2));
    if (t.kind == cim::v1::RECOGNITION_EVENT_KIND_CLAIM_APPROVED) {
      EXPECT_EQ(t.unit, "EUR");
      EXPECT_EQ(t.events, 2);
      EXPECT_EQ(t.amount.ToString(0), "1500.5");
    } else {
      EXPECT_EQ(t.kind, kPointsTallyKind);
      EXPECT_EQ(t.unit, "points");
      EXPECT_EQ(t.amount.ToString(0), "150");
    }
  }
  EXPECT_THAT(rob.best_placements, UnorderedElementsAre(Pair(reps.id(), 1)));
  EXPECT_THAT(rob.certifications, UnorderedElementsAre("storage"));
  EXPECT_THAT(rob.completed_modules, UnorderedElementsAre(4));
  EXPECT_THAT(rob.completed_challenges, UnorderedElementsAre(1));

  const RecognitionFacts& ann = facts->at(kAnn);
  ASSERT_EQ(ann.tallies.size(), 1u);
  EXPECT_EQ(ann.tallies[0].kind, cim::v1::RECOGNITION_EVENT_KIND_KUDOS_RECEIVED);
  EXPECT_THAT(ann.best_placements, IsEmpty());  // the partner board's winner is not Ann
  EXPECT_THAT(ann.completed_modules, UnorderedElementsAre(6));
  EXPECT_THAT(ann.certifications, IsEmpty());
  const RecognitionFacts& bea = facts->at(kBea);
  EXPECT_THAT(bea.tallies, IsEmpty());
  EXPECT_THAT(bea.completed_challenges, IsEmpty());

  // A day before T0 the old certification still counts.
  absl::StatusOr<absl::flat_hash_map<int64_t, RecognitionFacts>> earlier =
      OnSession([](soci::session& s) { return ReadFactsOf(s, {kRob}, T0() - absl::Hours(24)); });
  ASSERT_TRUE(earlier.ok()) << earlier.status();
  EXPECT_THAT(earlier->at(kRob).certifications, UnorderedElementsAre("storage", "old"));

  absl::StatusOr<absl::flat_hash_map<int64_t, absl::flat_hash_map<int64_t, absl::Time>>> awards =
      OnSession([](soci::session& s)
                    -> absl::StatusOr<
                        absl::flat_hash_map<int64_t, absl::flat_hash_map<int64_t, absl::Time>>> {
        return ReadAwardsOf(s, {kRob, kAnn});
      });
  ASSERT_TRUE(awards.ok()) << awards.status();
  ASSERT_EQ(awards->size(), 1u);  // Ann has none
  EXPECT_THAT(awards->at(kRob), UnorderedElementsAre(Pair(badge.id(), T0() - absl::Hours(1))));
}

}  // namespace
}  // namespace cim
