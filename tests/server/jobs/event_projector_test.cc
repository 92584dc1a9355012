// EventProjector over the real recognition store: one round applies the whole outbox however
// many batches it takes, each event once (points and approvals tallied exactly, a reversal
// taken back), then brings this server's leaderboard index up to the committed scores; the
// thread does the same on its own; a round that fails returns the database's error and the
// next round picks up where it left off.
#include "server/jobs/event_projector.h"

#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/events/mysql_outbox.h"
#include "server/recognition/mysql_recognition_repository.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::testing::ElementsAre;

constexpr int64_t kAlpha = 1, kBravo = 2;
constexpr int64_t kAnn = 1, kRob = 2, kBea = 3;  // Ann and Rob of Alpha, Bea of Bravo
constexpr absl::CivilDay kMarch(2026, 3, 1);

class EventProjectorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Exec(
        "INSERT INTO partners (name, type, tier, region, status, created_at, updated_at) VALUES"
        " ('Alpha', 2, 'gold', 'EMEA', 1, NOW(), NOW()),"
        " ('Bravo', 1, 'silver', 'NA', 1, NOW(), NOW())");
    Exec(absl::StrCat(
        "INSERT INTO users (email, display_name, role, partner_id, status, created_at,"
        " updated_at) VALUES ('ann@alpha.example', 'Ann', ",
        cim::v1::ROLE_PARTNER_REP, ", 1, 1, NOW(), NOW()), ('rob@alpha.example', 'Rob', ",
        cim::v1::ROLE_PARTNER_REP, ", 1, 1, NOW(), NOW()), ('bea@bravo.example', 'Bea', ",
        cim::v1::ROLE_PARTNER_REP, ", 2, 1, NOW(), NOW())"));
    cim::v1::Leaderboard board;
    board.set_name("Points of the month");
    board.set_metric(cim::v1::RECOGNITION_METRIC_POINTS);
    board.set_scope(cim::v1::LEADERBOARD_SCOPE_INDIVIDUAL);
    board.set_period(cim::v1::LEADERBOARD_PERIOD_MONTH);
    absl::StatusOr<cim::v1::Leaderboard> stored =
        recognition_.InsertLeaderboard(board, /*created_by=*/kAnn, clock_.Now());
    ASSERT_TRUE(stored.ok()) << stored.status();
    board_id_ = stored->id();
  }

  void Exec(const std::string& sql) {
    ASSERT_THAT(database_.db().Run([&](soci::session& s) -> absl::Status {
      s << sql;
      return absl::OkStatus();
    }),
                IsOk())
        << sql;
  }

  // Approvals (or, with negative points, reversals) of `points` for each (user, partner).
  void Emit(const std::vector<std::tuple<int64_t, int64_t, const char*>>& points) {
    std::vector<OutboxEvent> events;
    for (const auto& [user, partner, amount] : points) {
      OutboxEvent e;
      const bool reversal = amount[0] == '-';
      e.kind = reversal ? cim::v1::RECOGNITION_EVENT_KIND_POINTS_REVERSED
                        : cim::v1::RECOGNITION_EVENT_KIND_CLAIM_APPROVED;
      e.partner_id = partner;
      e.user_id = user;
      e.program_id = 1;
      e.claim_id = ++claims_;
      e.points = *Decimal::Parse(amount);
      e.occurred_at = absl::FromCivil(absl::CivilSecond(2026, 3, 1, 9, 0, 0), absl::UTCTimeZone());
      e.created_at = e.occurred_at;
      events.push_back(e);
    }
    ASSERT_THAT(database_.db().Transact([&](soci::session& s) -> absl::Status {
      AppendOutboxEvents(s, events);
      return absl::OkStatus();
    }),
                IsOk());
  }

  long long Pending() {
    return database_.Count("SELECT COUNT(*) FROM outbox_events WHERE processed = 0");
  }

  // The points tallied for `user` in March 2026, in 0.0001s (-1 if none).
  long long Points(int64_t user) {
    return database_.Count(absl::StrCat(
        "SELECT CAST(amount * 10000 AS SIGNED) FROM recognition_tallies WHERE user_id = ", user,
        " AND unit = 'points' AND month = '2026-03-01'"));
  }
  // The approvals tallied for `user` in March 2026.
  long long Approvals(int64_t user) {
    return database_.Count(absl::StrCat(
        "SELECT events FROM recognition_tallies WHERE user_id = ", user, " AND kind = ",
        cim::v1::RECOGNITION_EVENT_KIND_CLAIM_APPROVED, " AND month = '2026-03-01'"));
  }

  // "participant:score_units" of the March board, best first, as this server's index has it.
  std::vector<std::string> Board() {
    std::vector<std::string> out;
    absl::StatusOr<Standing> standing = index_.Query(board_id_, kMarch, LeagueFilter(), 10, 0, 0);
    EXPECT_TRUE(standing.ok()) << standing.status();
    if (standing.ok()) {
      for (const Placed& p : standing->top) {
        out.push_back(absl::StrCat(p.participant_id, ":", p.score_units));
      }
    }
    return out;
  }

  testing::TestDatabase database_;
  FakeClock clock_{absl::FromCivil(absl::CivilSecond(2026, 3, 2, 9, 0, 0), absl::UTCTimeZone())};
  MysqlRecognitionRepository recognition_{database_.db()};
  LeaderboardIndex index_{recognition_};
  int64_t board_id_ = 0;
  int64_t claims_ = 0;
};

TEST_F(EventProjectorTest, OneRoundAppliesTheWholeOutboxThenCatchesTheIndexUp) {
  // A round only when asked: the thread's first round is an hour away.
  EventProjector projector(recognition_, index_, clock_, {.interval = absl::Hours(1), .batch = 2});
  EXPECT_THAT(Board(), ElementsAre());  // the period is loaded, empty
  Emit({{kAnn, kAlpha, "100"},
        {kRob, kAlpha, "70"},
        {kAnn, kAlpha, "50"},
        {kBea, kBravo, "30"},
        {kAnn, kAlpha, "-20"}});
  ASSERT_EQ(Pending(), 5);

  ASSERT_THAT(projector.RunOnce(), IsOk());
  EXPECT_EQ(Pending(), 0);           // five events in batches of two
  EXPECT_EQ(Points(kAnn), 1300000);  // 100 + 50 - 20
  EXPECT_EQ(Approvals(kAnn), 2);
  EXPECT_EQ(Points(kRob), 700000);
  EXPECT_EQ(Points(kBea), 300000);
  EXPECT_THAT(Board(), ElementsAre("1:1300000", "2:700000", "3:300000"));

  // Nothing new: nothing changes. New events count once, on top.
  ASSERT_THAT(projector.RunOnce(), IsOk());
  EXPECT_EQ(Points(kAnn), 1300000);
  Emit({{kBea, kBravo, "150"}});
  ASSERT_THAT(projector.RunOnce(), IsOk());
  EXPECT_EQ(Points(kBea), 1800000);
  EXPECT_EQ(Approvals(kBea), 2);
  EXPECT_THAT(Board(), ElementsAre("3:1800000", "1:1300000", "2:700000"));
}

TEST_F(EventProjectorTest, TheThreadProjectsOnItsOwn) {
  EventProjector projector(recognition_, index_, clock_, {.interval = absl::Milliseconds(20)});
  EXPECT_THAT(Board(), ElementsAre());
  Emit({{kRob, kAlpha, "40"}, {kBea, kBravo, "60"}});
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while ((Pending() != 0 || Board().size() != 2) && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  EXPECT_EQ(Pending(), 0);
  EXPECT_THAT(Board(), ElementsAre("3:600000", "2:400000"));
}

TEST_F(EventProjectorTest, AFailedRoundReturnsTheErrorAndTheNextOneRecovers) {
  EventProjector projector(recognition_, index_, clock_, {.interval = absl::Hours(1)});
  Emit({{kAnn, kAlpha, "25"}});
  Exec("RENAME TABLE outbox_events TO outbox_events_away");
  EXPECT_THAT(projector.RunOnce(), StatusIs(absl::StatusCode::kInternal));
  Exec("RENAME TABLE outbox_events_away TO outbox_events");
  EXPECT_EQ(Pending(), 1);

  ASSERT_THAT(projector.RunOnce(), IsOk());
  EXPECT_EQ(Pending(), 0);
  EXPECT_EQ(Points(kAnn), 250000);
  EXPECT_THAT(Board(), ElementsAre("1:250000"));
}

}  // namespace
}  // namespace cim
