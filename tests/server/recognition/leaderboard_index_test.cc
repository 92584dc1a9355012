// The in-memory leaderboard index loading a period and following score changes in seq order, with
// an in-memory score source standing in for the score table: top, caller and around, leagues,
// and a load followed by changes applied once.
#include "server/recognition/leaderboard_index.h"

#include <algorithm>
#include <map>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cim {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using namespace cim::v1;  // NOLINT

// The score table in memory: rows keyed by board, period and participant, each change
// numbered like the processor numbers them.
class FakeScores final : public LeaderboardScoreSource {
 public:
  void Set(int64_t participant, int64_t partner, int64_t score, int64_t at,
           absl::CivilDay period = kPeriod) {
    ScoreRow& row = rows_[{period, participant}];
    row = ScoreRow{.board_id = 1,
                   .period_start = period,
                   .partner_id = partner,
                   .key = RankKey{.score = score, .reached_at = at, .participant = participant},
                   .seq = ++seq_};
  }
  absl::StatusOr<int64_t> CurrentSeq() override { return seq_; }
  absl::StatusOr<std::vector<ScoreRow>> LoadPeriod(int64_t, absl::CivilDay period) override {
    std::vector<ScoreRow> out;
    for (const auto& [key, row] : rows_) {
      if (key.first == period) out.push_back(row);
    }
    return out;
  }
  absl::StatusOr<std::vector<ScoreRow>> ChangesAfter(int64_t after, int limit) override {
    std::vector<ScoreRow> out;
    for (const auto& [key, row] : rows_) {
      if (row.seq > after) out.push_back(row);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.seq < b.seq; });
    if (static_cast<int>(out.size()) > limit) out.resize(limit);
    return out;
  }
  absl::StatusOr<absl::flat_hash_map<int64_t, PartnerLeague>> Leagues(
      const std::vector<int64_t>& ids) override {
    absl::flat_hash_map<int64_t, PartnerLeague> out;
    for (int64_t id : ids) {
      if (leagues.contains(id)) out[id] = leagues[id];
    }
    return out;
  }

  static constexpr absl::CivilDay kPeriod{2026, 11, 1};
  absl::flat_hash_map<int64_t, PartnerLeague> leagues;

 private:
  std::map<std::pair<absl::CivilDay, int64_t>, ScoreRow> rows_;
  int64_t seq_ = 0;
};

std::vector<int64_t> Ids(const std::vector<Placed>& rows) {
  std::vector<int64_t> out;
  for (const Placed& p : rows) out.push_back(p.participant_id);
  return out;
}

TEST(LeaderboardIndexTest, TopCallerAndAroundThenFollowsChanges) {
  FakeScores scores;
  scores.leagues = {{100, {.type = PARTNER_TYPE_RESELLER, .region = "EMEA"}},
                    {200, {.type = PARTNER_TYPE_DISTRIBUTOR, .region = "EMEA"}}};
  // Participants 1..20 with score 10 × id; even ids belong to partner 200.
  for (int id = 1; id <= 20; ++id) scores.Set(id, id % 2 == 0 ? 200 : 100, id * 10, id);
  LeaderboardIndex index(scores);
  absl::StatusOr<Standing> s = index.Query(1, FakeScores::kPeriod, {}, 3, 2, 11);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->participants, 20);
  EXPECT_THAT(Ids(s->top), ElementsAre(20, 19, 18));
  ASSERT_TRUE(s->participant.has_value());
  EXPECT_EQ(s->participant->rank, 10);
  EXPECT_THAT(Ids(s->around), ElementsAre(13, 12, 11, 10, 9));
  EXPECT_EQ(s->around.front().rank, 8);

  // Participant 11 jumps to the top; a newcomer ties with 20 but got there later.
  scores.Set(11, 100, 1000, 50);
  scores.Set(21, 100, 200, 60);
  ASSERT_TRUE(index.CatchUp().ok());
  s = index.Query(1, FakeScores::kPeriod, {}, 3, 1, 21);
  ASSERT_TRUE(s.ok());
  EXPECT_THAT(Ids(s->top), ElementsAre(11, 20, 21));
  EXPECT_EQ(s->participant->rank, 3);
  EXPECT_THAT(Ids(s->around), ElementsAre(20, 21, 19));

  // A league: resellers only (odd ids and 21).
  s = index.Query(1, FakeScores::kPeriod, LeagueFilter{.type = PARTNER_TYPE_RESELLER}, 3, 1, 21);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->participants, 11);
  EXPECT_THAT(Ids(s->top), ElementsAre(11, 21, 19));
  // The league follows changes too, and a participant outside it has no row there.
  scores.Set(19, 100, 5000, 70);
  ASSERT_TRUE(index.CatchUp().ok());
  s = index.Query(1, FakeScores::kPeriod, LeagueFilter{.type = PARTNER_TYPE_RESELLER}, 2, 1, 20);
  ASSERT_TRUE(s.ok());
  EXPECT_THAT(Ids(s->top), ElementsAre(19, 11));
  EXPECT_FALSE(s->participant.has_value());

  // Another period is loaded on its own.
  scores.Set(5, 100, 1, 1, absl::CivilDay(2026, 10, 1));
  s = index.Query(1, absl::CivilDay(2026, 10, 1), {}, 10, 5, 5);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->participants, 1);
  EXPECT_EQ(s->participant->rank, 1);
}

TEST(LeaderboardIndexTest, ALoadAndTheChangesAfterItApplyOnce) {
  FakeScores scores;
  scores.leagues = {{100, {}}};
  scores.Set(1, 100, 10, 1);
  LeaderboardIndex index(scores);
  ASSERT_TRUE(index.CatchUp().ok());
  // Participant 2's change is in the loaded rows and comes again with the next catch-up.
  scores.Set(2, 100, 20, 2);
  absl::StatusOr<Standing> s = index.Query(1, FakeScores::kPeriod, {}, 5, 1, 0);
  ASSERT_TRUE(s.ok());
  EXPECT_THAT(Ids(s->top), ElementsAre(2, 1));
  ASSERT_TRUE(index.CatchUp().ok());
  scores.Set(1, 100, 50, 3);
  ASSERT_TRUE(index.CatchUp().ok());
  s = index.Query(1, FakeScores::kPeriod, {}, 5, 1, 0);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->participants, 2);
  EXPECT_THAT(Ids(s->top), ElementsAre(1, 2));
}

}  // namespace
}  // namespace cim
