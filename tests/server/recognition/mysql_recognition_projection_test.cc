// The recognition projection against MariaDB: each outbox event is projected once into monthly
// tallies, leaderboard scores (numbered by seq), level-up and badge feed posts (kept within the
// partner for a user hiding their name) and badge awards, and marked processed — running it
// again changes nothing; later events add up and reversals take points back without counting
// as events; a run finding another server projecting skips and touches nothing; boards and
// badges created later count the history once; ended periods close (after the grace, and only
// once the outbox is drained) with placements, a winner post and placement badges; promotions
// (not demotions) are posted.
#include "server/recognition/mysql_recognition_projection.h"

#include <soci/mysql/soci-mysql.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cim/v1/engagement.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/phrase.h"
#include "tests/server/recognition/recognition_store_fixture.h"
#include "tests/testing/phrase_matchers.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::InEnglish;

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

constexpr char kRepsBoard[] =
    R"pb(name: "Reps"
         metric: RECOGNITION_METRIC_POINTS
         scope: LEADERBOARD_SCOPE_INDIVIDUAL
         period: LEADERBOARD_PERIOD_MONTH)pb";
constexpr char kFirstDeal[] =
    R"pb(name: "First deal"
         criteria { event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED count: 1 } })pb";

class MysqlRecognitionProjectionTest : public RecognitionStoreTest {
 protected:
  // One run in a transaction of its own, as ProcessOutbox runs it.
  OutboxRun Project(absl::Time now, int limit = 100) {
    absl::StatusOr<OutboxRun> run = database_.db().Transact(
        [&](soci::session& s) { return ProjectOutbox(s, rules_, limit, now); });
    EXPECT_TRUE(run.ok()) << run.status();
    return run.value_or(OutboxRun{.skipped = true});
  }

  std::vector<std::string> Tallies() {
    return Texts(
        "SELECT CONCAT(user_id, ' ', kind, ' ', unit, ' ', month, ' ', events, ' ', amount)"
        " FROM recognition_tallies ORDER BY user_id, kind, unit, month");
  }
  std::vector<std::string> Scores() {
    return Texts(
        "SELECT CONCAT(board_id, ' ', period_start, ' ', participant_id, '=', score, ' seq ', seq)"
        " FROM leaderboard_scores ORDER BY seq");
  }
  // kind visibility headline (in English), oldest first.
  std::vector<std::string> Feed() {
    std::vector<std::string> rows =
        Texts("SELECT CONCAT(kind, ' ', visibility, ' ', headline) FROM feed_entries ORDER BY id");
    for (std::string& row : rows) {
      const size_t headline = row.find(kPhraseMark);
      if (headline != std::string::npos) {
        row = row.substr(0, headline) + InEnglish(row.substr(headline));
      }
    }
    return rows;
  }
  // The headlines `sql` selects, in English.
  std::vector<std::string> Headlines(const std::string& sql) {
    std::vector<std::string> rows = Texts(sql);
    for (std::string& row : rows) row = InEnglish(row);
    return rows;
  }
  std::vector<std::string> Awards() {
    return Texts(
        "SELECT CONCAT(badge_id, ' ', user_id, ' ', partner_id, ' ', earned_at, ' ', in_feed)"
        " FROM badge_awards ORDER BY badge_id, user_id");
  }
  // Everything a run may change, to compare before and after one.
  std::vector<std::string> State() {
    std::vector<std::string> out;
    for (auto part :
         {Tallies(), Scores(), Feed(), Awards(),
          Texts("SELECT CONCAT(score_seq, '/', run_guard) FROM recognition_state"),
          Texts("SELECT CONCAT(board_id, ' ', period_start, ' ', COALESCE(closed_at, '-'))"
                " FROM leaderboard_periods ORDER BY board_id, period_start"),
          Texts("SELECT CONCAT(id, ' ', processed) FROM outbox_events ORDER BY id")}) {
      out.insert(out.end(), part.begin(), part.end());
    }
    return out;
  }

  static std::string Kind(cim::v1::FeedEntryKind kind) { return absl::StrCat(kind); }
};

TEST_F(MysqlRecognitionProjectionTest, ProjectsEachEventOnce) {
  ASSERT_TRUE(recognition_
                  .ReplaceLevels({Parse<cim::v1::Level>(R"pb(name: "Bronze" min_points: "0")pb"),
                                  Parse<cim::v1::Level>(R"pb(name: "Silver" min_points: "100")pb"),
                                  Parse<cim::v1::Level>(R"pb(name: "Gold" min_points: "1000")pb")})
                  .ok());
  const cim::v1::Leaderboard reps = AddBoard(kRepsBoard);
  const cim::v1::Leaderboard partners = AddBoard(
      R"pb(name: "Partner sales"
           metric: RECOGNITION_METRIC_SALES
           currency_code: "EUR"
           scope: LEADERBOARD_SCOPE_PARTNER
           period: LEADERBOARD_PERIOD_MONTH)pb");
  const cim::v1::Badge first = AddBadge(kFirstDeal);
  Append({Approved(kRob, kAlpha, 120, 1500, T0()), Approved(kHid, kAlpha, 100, 250, T0())});

  const absl::Time now = T0() + absl::Minutes(1);
  const OutboxRun run = Project(now);
  EXPECT_FALSE(run.skipped);
  EXPECT_EQ(run.events, 2);
  EXPECT_EQ(run.awards, 2);
  EXPECT_EQ(run.periods_closed, 0);

  // Per user, kind, unit and month: the claim's own tally and the points (no event count).
  EXPECT_THAT(Tallies(),
              ElementsAre("3 0 points 2026-03-01 0 120.0000", "3 1 EUR 2026-03-01 1 1500.0000",
                          "4 0 points 2026-03-01 0 100.0000", "4 1 EUR 2026-03-01 1 250.0000"));
  // Rob and Hid on the points board, Alpha's summed sales on the partner board.
  EXPECT_THAT(Scores(), ElementsAre(absl::StrCat(reps.id(), " 2026-03-01 3=120.0000 seq 1"),
                                    absl::StrCat(reps.id(), " 2026-03-01 4=100.0000 seq 2"),
                                    absl::StrCat(partners.id(), " 2026-03-01 1=1750.0000 seq 3")));
  EXPECT_EQ(Count("SELECT score_seq FROM recognition_state"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM leaderboard_periods WHERE closed_at IS NULL"), 2);
  EXPECT_THAT(Awards(), ElementsAre(absl::StrCat(first.id(), " 3 1 2026-03-02 09:01:00 1"),
                                    absl::StrCat(first.id(), " 4 1 2026-03-02 09:01:00 1")));
  // Both reached Silver and earned the badge; Hid hides their name, so theirs stay within
  // Alpha.
  const std::string level = Kind(cim::v1::FEED_ENTRY_KIND_LEVEL_UP);
  const std::string badge = Kind(cim::v1::FEED_ENTRY_KIND_BADGE_EARNED);
  EXPECT_THAT(Feed(), UnorderedElementsAre(level + " 1 Rob reached Silver level",
                                           level + " 2 Hid reached Silver level",
                                           badge + " 1 Rob earned the badge First deal",
                                           badge + " 2 Hid earned the badge First deal"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE processed = 0"), 0);

  // Projected once: another run (a replay on any server) changes nothing.
  const std::vector<std::string> before = State();
  const OutboxRun again = Project(now + absl::Minutes(1));
  EXPECT_FALSE(again.skipped);
  EXPECT_EQ(again.events, 0);
  EXPECT_EQ(again.awards, 0);
  EXPECT_EQ(State(), before);
}

TEST_F(MysqlRecognitionProjectionTest, LaterEventsAddUpAndReversalsTakePointsBack) {
  ASSERT_TRUE(recognition_
                  .ReplaceLevels({Parse<cim::v1::Level>(R"pb(name: "Bronze" min_points: "0")pb"),
                                  Parse<cim::v1::Level>(R"pb(name: "Silver" min_points: "100")pb")})
                  .ok());
  const cim::v1::Leaderboard reps = AddBoard(kRepsBoard);
  AddBadge(kFirstDeal);
  Append({Approved(kRob, kAlpha, 100, 1000, T0())});
  Project(T0() + absl::Minutes(1));
  ASSERT_EQ(Feed().size(), 2u);  // level-up and badge

  // A second claim an hour later, then 30.5 of the first claim's points taken back.
  OutboxEvent reversal = Approved(kRob, kAlpha, 0, 0, T0(), 0);
  reversal.kind = cim::v1::RECOGNITION_EVENT_KIND_POINTS_REVERSED;
  reversal.amount = Decimal();
  reversal.currency_code = "";
  reversal.points = *Decimal::Parse("-30.5");
  reversal.created_at = T0() + absl::Hours(2);
  Append({Approved(kRob, kAlpha, 50, 400, T0() + absl::Hours(1)), reversal});
  const OutboxRun run = Project(T0() + absl::Hours(3));
  EXPECT_EQ(run.events, 2);
  EXPECT_EQ(run.awards, 0);  // the badge is earned once

  // The reversal counts no event of its own; the points net out.
  EXPECT_THAT(Tallies(),
              ElementsAre("3 0 points 2026-03-01 0 119.5000", "3 1 EUR 2026-03-01 2 1400.0000"));
  // One score row, moved on (and renumbered) by the run, reached at the latest change.
  EXPECT_THAT(Scores(), ElementsAre(absl::StrCat(reps.id(), " 2026-03-01 3=119.5000 seq 2")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM leaderboard_scores WHERE reached_at ="
                  " '2026-03-02 11:00:00'"),
            1);
  // Still Silver: nothing new in the feed.
  EXPECT_EQ(Feed().size(), 2u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM badge_awards"), 1);
}

TEST_F(MysqlRecognitionProjectionTest, SkipsWhileAnotherServerProjects) {
  AddBoard(kRepsBoard);
  Append({Approved(kRob, kAlpha, 100, 1000, T0())});
  const std::vector<std::string> before = State();
  {
    // Another server's run holds the state row.
    soci::session other(soci::mysql, database_.connect_string());
    soci::transaction tx(other);
    long long seq = 0;
    other << "SELECT score_seq FROM recognition_state WHERE id = 1 FOR UPDATE", soci::into(seq);
    const OutboxRun run = Project(T0() + absl::Minutes(1));
    EXPECT_TRUE(run.skipped);
    EXPECT_EQ(run.events, 0);
    tx.rollback();
  }
  EXPECT_EQ(State(), before);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE processed = 0"), 1);

  // Once it is done, the next run projects.
  const OutboxRun run = Project(T0() + absl::Minutes(2));
  EXPECT_FALSE(run.skipped);
  EXPECT_EQ(run.events, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM leaderboard_scores"), 1);
}

TEST_F(MysqlRecognitionProjectionTest, BoardsAndBadgesCreatedLaterCountTheHistoryOnce) {
  Append({Approved(kRob, kAlpha, 100, 1000, T0()), Approved(kBea, kBravo, 40, 400, T0())});
  EXPECT_EQ(Project(T0() + absl::Minutes(1)).events, 2);
  EXPECT_THAT(Scores(), IsEmpty());

  const cim::v1::Leaderboard reps = AddBoard(kRepsBoard);
  const cim::v1::Badge first = AddBadge(kFirstDeal);
  const OutboxRun run = Project(T0() + absl::Minutes(2));
  EXPECT_EQ(run.events, 0);
  EXPECT_EQ(run.awards, 2);
  EXPECT_THAT(Scores(), ElementsAre(absl::StrCat(reps.id(), " 2026-03-01 3=100.0000 seq 1"),
                                    absl::StrCat(reps.id(), " 2026-03-01 5=40.0000 seq 2")));
  EXPECT_THAT(Awards(), ElementsAre(absl::StrCat(first.id(), " 3 1 2026-03-02 09:02:00 1"),
                                    absl::StrCat(first.id(), " 5 2 2026-03-02 09:02:00 1")));
  EXPECT_EQ(Count("SELECT backfilled FROM leaderboards"), 1);
  EXPECT_EQ(Count("SELECT backfilled FROM badges"), 1);

  // Counted once: later runs leave the history alone.
  const std::vector<std::string> before = State();
  EXPECT_EQ(Project(T0() + absl::Minutes(3)).awards, 0);
  EXPECT_EQ(State(), before);
}

TEST_F(MysqlRecognitionProjectionTest, ClosesEndedPeriodsOnceWithPlacementsWinnerAndBadges) {
  const cim::v1::Leaderboard reps = AddBoard(kRepsBoard);
  const cim::v1::Badge podium = AddBadge(absl::StrCat(
      "name: \"Top two\" criteria { placement { leaderboard_id: ", reps.id(), " top: 2 } }"));
  Append({Approved(kRob, kAlpha, 100, 0, T0()), Approved(kBea, kBravo, 80, 0, T0()),
          Approved(kHid, kAlpha, 30, 0, T0()),
          Approved(kAnn, kAlpha, 120, 0, T0() + absl::Hours(1))});
  Project(T0() + absl::Minutes(1));

  const absl::Time april = absl::FromCivil(absl::CivilDay(2026, 4, 1), absl::UTCTimeZone());
  // Within the grace after the end, nothing closes.
  const OutboxRun grace = Project(april + absl::Minutes(9), 1);
  EXPECT_EQ(grace.events, 0);
  EXPECT_EQ(grace.periods_closed, 0);
  // Nor while a run may have left events behind (it took as many as its limit): a late March
  // approval is still being projected...
  Append({Approved(kAnn, kAlpha, 0, 0, T0() + absl::Hours(2))});
  const OutboxRun full = Project(april + absl::Minutes(10), 1);
  EXPECT_EQ(full.events, 1);
  EXPECT_EQ(full.periods_closed, 0);
  // ...but once the outbox is drained.
  const OutboxRun closing = Project(april + absl::Minutes(10), 1);
  EXPECT_EQ(closing.events, 0);
  EXPECT_EQ(closing.periods_closed, 1);
  EXPECT_EQ(closing.awards, 2);

  EXPECT_THAT(Texts("SELECT CONCAT(placement, ' ', participant_id, ' ', score)"
                    " FROM leaderboard_placements ORDER BY placement"),
              ElementsAre("1 2 120.0000", "2 3 100.0000", "3 5 80.0000", "4 4 30.0000"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM leaderboard_periods WHERE closed_at ="
                  " '2026-04-01 00:10:00'"),
            1);
  EXPECT_THAT(Awards(), ElementsAre(absl::StrCat(podium.id(), " 2 1 2026-04-01 00:10:00 1"),
                                    absl::StrCat(podium.id(), " 3 1 2026-04-01 00:10:00 1")));
  EXPECT_THAT(Headlines(absl::StrCat("SELECT headline FROM feed_entries WHERE kind = ",
                                     cim::v1::FEED_ENTRY_KIND_PERIOD_WINNER,
                                     " AND leaderboard_id = ", reps.id())),
              ElementsAre("Ann won Reps, March 2026"));
  EXPECT_THAT(Headlines(absl::StrCat("SELECT headline FROM feed_entries WHERE kind = ",
                                     cim::v1::FEED_ENTRY_KIND_BADGE_EARNED, " ORDER BY id")),
              ElementsAre("Ann earned the badge Top two", "Rob earned the badge Top two"));

  // Closed once.
  const std::vector<std::string> before = State();
  const OutboxRun later = Project(april + absl::Hours(1));
  EXPECT_EQ(later.periods_closed, 0);
  EXPECT_EQ(later.awards, 0);
  EXPECT_EQ(State(), before);
}

TEST_F(MysqlRecognitionProjectionTest, PostsPromotionsButNotDemotions) {
  Exec(
      "INSERT INTO tiers (rank_no, code, name, benefits, min_trailing_sales,"
      " min_certified_users, certification_code, min_trailing_points) VALUES"
      " (1, 'silver', 'Silver', '', 0, 0, '', 0), (2, 'gold', 'Gold', '', 1000, 0, '', 0)");
  Exec(
      "INSERT INTO tier_changes (partner_id, from_tier, to_tier, promotion, reason, trigger_kind,"
      " evaluated_by, changed_at) VALUES (1, 'silver', 'gold', 1, 'sales', 1, 0,"
      " '2026-03-02 09:00:00'), (2, 'silver', 'bronze', 0, 'sales', 1, 0, '2026-03-02 09:00:00')");
  std::vector<OutboxEvent> changes;
  for (int64_t partner : {kAlpha, kBravo}) {
    changes.push_back(OutboxEvent{.kind = cim::v1::RECOGNITION_EVENT_KIND_TIER_CHANGED,
                                  .partner_id = partner,
                                  .occurred_at = T0(),
                                  .created_at = T0(),
                                  .ref_id = partner});
  }
  Append(changes);
  const OutboxRun run = Project(T0() + absl::Minutes(1));
  EXPECT_EQ(run.events, 2);
  EXPECT_THAT(Feed(), ElementsAre(absl::StrCat(cim::v1::FEED_ENTRY_KIND_TIER_PROMOTION,
                                               " 1 Alpha moved up to Gold tier")));
  EXPECT_EQ(Count("SELECT partner_id FROM feed_entries"), kAlpha);
  // About partners, not users: nothing tallied.
  EXPECT_THAT(Tallies(), IsEmpty());
}

}  // namespace
}  // namespace cim
