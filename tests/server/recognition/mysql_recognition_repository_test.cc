// The recognition store against MariaDB: the level ladder replaced whole and listed by minimum
// (a ladder breaking a key is ALREADY_EXISTS and keeps the old one); points summed net from the
// POINTS ledger per user and per partner; badges and boards stored, read back and listed
// (a taken badge name ALREADY_EXISTS, an unknown board NOT_FOUND); name privacy stored and
// honoured by participant names; scores read by period and by seq with the partners' leagues;
// the progress version moving with a user's events, their partner's and their awards; one
// outbox run through ProcessOutbox committing its work; badges and boards updated at the
// version read (ABORTED otherwise), archived badges listed only on request and no longer
// awarded, a restored badge awarded to whoever met it meanwhile.
#include "server/recognition/mysql_recognition_repository.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/proto_time.h"
#include "tests/server/recognition/recognition_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Property;

class MysqlRecognitionRepositoryTest : public RecognitionStoreTest {
 protected:
  static cim::v1::Level Level(const std::string& name, const std::string& min_points) {
    cim::v1::Level l;
    l.set_name(name);
    l.set_min_points(min_points);
    return l;
  }
};

TEST_F(MysqlRecognitionRepositoryTest, LevelsAreReplacedWholeAndListedByMinimum) {
  absl::StatusOr<std::vector<cim::v1::Level>> none = recognition_.ListLevels();
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_THAT(*none, IsEmpty());

  ASSERT_TRUE(
      recognition_
          .ReplaceLevels({Level("Gold", "1000"), Level("Bronze", "0"), Level("Silver", "250")})
          .ok());
  EXPECT_THAT(told_, ElementsAre("changing levels/all"));
  absl::StatusOr<std::vector<cim::v1::Level>> three = recognition_.ListLevels();
  ASSERT_TRUE(three.ok()) << three.status();
  ASSERT_EQ(three->size(), 3u);
  EXPECT_EQ((*three)[0].ShortDebugString(), R"(rank: 1 name: "Bronze" min_points: "0")");
  EXPECT_EQ((*three)[1].ShortDebugString(), R"(rank: 2 name: "Silver" min_points: "250")");
  EXPECT_EQ((*three)[2].ShortDebugString(), R"(rank: 3 name: "Gold" min_points: "1000")");

  // A replacement drops the levels it does not name.
  ASSERT_TRUE(recognition_.ReplaceLevels({Level("Starter", "0"), Level("Pro", "500")}).ok());
  absl::StatusOr<std::vector<cim::v1::Level>> two = recognition_.ListLevels();
  ASSERT_TRUE(two.ok()) << two.status();
  EXPECT_THAT(*two, ElementsAre(Property(&cim::v1::Level::name, "Starter"),
                                Property(&cim::v1::Level::name, "Pro")));

  // A ladder repeating a name breaks a key: nothing of it is stored, the old one stays.
  EXPECT_THAT(recognition_.ReplaceLevels({Level("Same", "0"), Level("Same", "10")}),
              StatusIs(absl::StatusCode::kAlreadyExists));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM levels"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM levels WHERE name = 'Pro' AND min_points = 500"), 1);
}

TEST_F(MysqlRecognitionRepositoryTest, PointsAreTheNetPointsLedgerOfAUserOrPartner) {
  Post(kAlpha, kRob, "100");
  Post(kAlpha, kRob, "-30.5");  // a reversal
  Post(kAlpha, kAnn, "50.25");
  Post(kAlpha, kRob, "999", cim::v1::LEDGER_ACCOUNT_PAYABLE);  // money, not points
  Post(kBravo, kBea, "7");

  absl::StatusOr<Decimal> rob = recognition_.UserPoints(kRob);
  ASSERT_TRUE(rob.ok()) << rob.status();
  EXPECT_EQ(rob->ToString(0), "69.5");
  absl::StatusOr<Decimal> alpha = recognition_.PartnerPoints(kAlpha);
  ASSERT_TRUE(alpha.ok()) << alpha.status();
  EXPECT_EQ(alpha->ToString(0), "119.75");
  absl::StatusOr<Decimal> bravo = recognition_.PartnerPoints(kBravo);
  ASSERT_TRUE(bravo.ok()) << bravo.status();
  EXPECT_EQ(bravo->ToString(0), "7");
  // Nobody's entries: zero, not an error.
  absl::StatusOr<Decimal> hid = recognition_.UserPoints(kHid);
  ASSERT_TRUE(hid.ok()) << hid.status();
  EXPECT_TRUE(hid->is_zero());
}

TEST_F(MysqlRecognitionRepositoryTest, BadgesAreStoredListedByPageAndNamedOnce) {
  const cim::v1::Badge first = AddBadge(
      R"pb(name: "First deal"
           description: "One approved claim"
           image_url: "https://img/1.png"
           criteria { event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED count: 1 } })pb");
  EXPECT_GT(first.id(), 0);
  EXPECT_EQ(FromTimestamp(first.create_time()), T0());
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("inserted badges/", first.id())));
  const cim::v1::Badge certified =
      AddBadge(R"pb(name: "Certified"
                    criteria { certification { certification_code: "sx" } })pb");
  const cim::v1::Badge streak = AddBadge(
      R"pb(name: "Steady"
           criteria { streak { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED months: 3 } })pb");

  absl::StatusOr<std::vector<cim::v1::Badge>> page = recognition_.ListBadges(0, 2, false);
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ((*page)[0].SerializeAsString(), first.SerializeAsString());  // criteria included
  EXPECT_EQ((*page)[1].id(), certified.id());
  absl::StatusOr<std::vector<cim::v1::Badge>> rest =
      recognition_.ListBadges(certified.id(), 2, false);
  ASSERT_TRUE(rest.ok()) << rest.status();
  EXPECT_THAT(*rest, ElementsAre(Property(&cim::v1::Badge::id, streak.id())));
  EXPECT_EQ((*rest)[0].criteria().streak().months(), 3);

  EXPECT_THAT(
      recognition_.InsertBadge(Parse<cim::v1::Badge>(R"pb(name: "Certified")pb"), kVera, T0()),
      StatusIs(absl::StatusCode::kAlreadyExists));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM badges"), 3);
}

TEST_F(MysqlRecognitionRepositoryTest, BoardsAreStoredReadAndListedByProgram) {
  const cim::v1::Leaderboard global = AddBoard(
      R"pb(name: "Top reps"
           metric: RECOGNITION_METRIC_POINTS
           scope: LEADERBOARD_SCOPE_INDIVIDUAL
           period: LEADERBOARD_PERIOD_MONTH)pb");
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("inserted leaderboards/", global.id())));
  const cim::v1::Leaderboard sales = AddBoard(
      R"pb(name: "EUR sales"
           program_id: 7
           metric: RECOGNITION_METRIC_SALES
           currency_code: "EUR"
           scope: LEADERBOARD_SCOPE_PARTNER
           period: LEADERBOARD_PERIOD_QUARTER)pb");
  const cim::v1::Leaderboard other = AddBoard(
      R"pb(name: "Other"
           program_id: 8
           metric: RECOGNITION_METRIC_POINTS
           scope: LEADERBOARD_SCOPE_INDIVIDUAL
           period: LEADERBOARD_PERIOD_ALL_TIME)pb");

  absl::StatusOr<cim::v1::Leaderboard> got = recognition_.GetLeaderboard(sales.id());
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->SerializeAsString(), sales.SerializeAsString());
  EXPECT_EQ(got->currency_code(), "EUR");
  EXPECT_EQ(got->scope(), cim::v1::LEADERBOARD_SCOPE_PARTNER);
  EXPECT_EQ(got->period(), cim::v1::LEADERBOARD_PERIOD_QUARTER);

  absl::StatusOr<std::vector<cim::v1::Leaderboard>> of_seven = recognition_.ListLeaderboards(7);
  ASSERT_TRUE(of_seven.ok()) << of_seven.status();
  EXPECT_THAT(*of_seven, ElementsAre(Property(&cim::v1::Leaderboard::id, sales.id())));
  absl::StatusOr<std::vector<cim::v1::Leaderboard>> all = recognition_.ListLeaderboards(0);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_THAT(*all, ElementsAre(Property(&cim::v1::Leaderboard::id, global.id()),
                                Property(&cim::v1::Leaderboard::id, sales.id()),
                                Property(&cim::v1::Leaderboard::id, other.id())));

  EXPECT_THAT(recognition_.GetLeaderboard(999),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("leaderboard 999 not found")));
}

TEST_F(MysqlRecognitionRepositoryTest, NamePrivacyIsStoredAndParticipantNamesHonourIt) {
  absl::StatusOr<bool> rob = recognition_.NameHidden(kRob);
  ASSERT_TRUE(rob.ok()) << rob.status();
  EXPECT_FALSE(*rob);  // no preference row: shown
  absl::StatusOr<bool> hid = recognition_.NameHidden(kHid);
  ASSERT_TRUE(hid.ok()) << hid.status();
  EXPECT_TRUE(*hid);

  ASSERT_TRUE(recognition_.SetNameHidden(kRob, true).ok());
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("changing recognition_preferences/", kRob)));
  EXPECT_THAT(recognition_.NameHidden(kRob), testing::IsOkAndHolds(true));
  ASSERT_TRUE(recognition_.SetNameHidden(kRob, false).ok());
  EXPECT_THAT(recognition_.NameHidden(kRob), testing::IsOkAndHolds(false));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM recognition_preferences WHERE user_id = 3"), 1);

  absl::StatusOr<absl::flat_hash_map<int64_t, ParticipantName>> users =
      recognition_.ParticipantNames(cim::v1::LEADERBOARD_SCOPE_INDIVIDUAL,
                                    {kRob, kHid, kVera, 999});
  ASSERT_TRUE(users.ok()) << users.status();
  ASSERT_EQ(users->size(), 3u);  // unknown ids are left out
  EXPECT_EQ(users->at(kRob).display_name, "Rob");
  EXPECT_EQ(users->at(kRob).partner_name, "Alpha");
  EXPECT_FALSE(users->at(kRob).hidden);
  EXPECT_EQ(users->at(kHid).display_name, "Hid");
  EXPECT_TRUE(users->at(kHid).hidden);
  EXPECT_EQ(users->at(kVera).partner_name, "");  // vendor staff have no partner

  absl::StatusOr<absl::flat_hash_map<int64_t, ParticipantName>> partners =
      recognition_.ParticipantNames(cim::v1::LEADERBOARD_SCOPE_PARTNER, {kBravo});
  ASSERT_TRUE(partners.ok()) << partners.status();
  ASSERT_EQ(partners->size(), 1u);
  EXPECT_EQ(partners->at(kBravo).display_name, "Bravo");
  EXPECT_EQ(partners->at(kBravo).partner_name, "Bravo");
  EXPECT_FALSE(partners->at(kBravo).hidden);
}

TEST_F(MysqlRecognitionRepositoryTest, ScoresAreReadByPeriodAndBySeqWithLeagues) {
  Exec(
      "INSERT INTO leaderboard_scores (board_id, period_start, participant_id, partner_id, score,"
      " reached_at, seq) VALUES"
      " (1, '2026-03-01', 3, 1, 12.5, '2026-03-02 09:00:00.000001', 1),"
      " (1, '2026-02-01', 3, 1, 7, '2026-02-02 09:00:00', 2),"
      " (1, '2026-03-01', 5, 2, 40, '2026-03-02 10:00:00', 3)");
  Exec("UPDATE recognition_state SET score_seq = 3 WHERE id = 1");

  EXPECT_THAT(recognition_.CurrentSeq(), testing::IsOkAndHolds(3));
  absl::StatusOr<std::vector<ScoreRow>> march =
      recognition_.LoadPeriod(1, absl::CivilDay(2026, 3, 1));
  ASSERT_TRUE(march.ok()) << march.status();
  ASSERT_EQ(march->size(), 2u);
  std::sort(march->begin(), march->end(),
            [](const ScoreRow& a, const ScoreRow& b) { return a.seq < b.seq; });
  EXPECT_EQ((*march)[0].board_id, 1);
  EXPECT_EQ((*march)[0].period_start, absl::CivilDay(2026, 3, 1));
  EXPECT_EQ((*march)[0].partner_id, kAlpha);
  EXPECT_EQ(
      (*march)[0].key,
      (RankKey{.score = 125000, .reached_at = kT0Seconds * 1000000 + 1, .participant = kRob}));
  EXPECT_EQ((*march)[1].key.participant, kBea);
  EXPECT_EQ((*march)[1].key.score, 400000);
  absl::StatusOr<std::vector<ScoreRow>> empty =
      recognition_.LoadPeriod(1, absl::CivilDay(2026, 4, 1));
  ASSERT_TRUE(empty.ok()) << empty.status();
  EXPECT_THAT(*empty, IsEmpty());

  absl::StatusOr<std::vector<ScoreRow>> after_one = recognition_.ChangesAfter(1, 10);
  ASSERT_TRUE(after_one.ok()) << after_one.status();
  ASSERT_EQ(after_one->size(), 2u);
  EXPECT_EQ((*after_one)[0].seq, 2);
  EXPECT_EQ((*after_one)[0].period_start, absl::CivilDay(2026, 2, 1));
  EXPECT_EQ((*after_one)[0].key.score, 70000);
  EXPECT_EQ((*after_one)[1].seq, 3);
  absl::StatusOr<std::vector<ScoreRow>> first = recognition_.ChangesAfter(0, 1);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ((*first)[0].seq, 1);

  absl::StatusOr<absl::flat_hash_map<int64_t, PartnerLeague>> leagues =
      recognition_.Leagues({kAlpha, kBravo, 99});
  ASSERT_TRUE(leagues.ok()) << leagues.status();
  ASSERT_EQ(leagues->size(), 2u);
  EXPECT_EQ(
      leagues->at(kAlpha),
      (PartnerLeague{.type = cim::v1::PARTNER_TYPE_RESELLER, .region = "EMEA", .tier = "gold"}));
  EXPECT_EQ(
      leagues->at(kBravo),
      (PartnerLeague{.type = cim::v1::PARTNER_TYPE_DISTRIBUTOR, .region = "NA", .tier = "silver"}));
}

TEST_F(MysqlRecognitionRepositoryTest,
       ProgressVersionMovesWithEventsAndAwardsAndChallengesAreLookedUp) {
  EXPECT_THAT(recognition_.ProgressVersion(kRob, kAlpha), testing::IsOkAndHolds("0/0/0"));
  Append({Approved(kRob, kAlpha, 10, 100, T0()), Approved(kRob, kAlpha, 10, 100, T0()),
          Approved(kAnn, kAlpha, 10, 100, T0()), Approved(kBea, kBravo, 10, 100, T0())});
  // Rob's two events; Alpha's newest event is Ann's (3); no awards.
  EXPECT_THAT(recognition_.ProgressVersion(kRob, kAlpha), testing::IsOkAndHolds("2/3/0"));
  EXPECT_THAT(recognition_.ProgressVersion(kBea, kBravo), testing::IsOkAndHolds("1/4/0"));
  const cim::v1::Badge badge = AddBadge(R"pb(name: "Any")pb");
  Exec(absl::StrCat("INSERT INTO badge_awards (badge_id, user_id, partner_id, earned_at) VALUES (",
                    badge.id(), ", 3, 1, NOW())"));
  EXPECT_THAT(recognition_.ProgressVersion(kRob, kAlpha), testing::IsOkAndHolds("2/3/1"));

  // The challenges badges may name.
  Exec(
      "INSERT INTO challenges (title, description, starts_at, ends_at, program_id, audience,"
      " goal, reward_points, created_by, created_at) VALUES ('Sprint', '', NOW(), NOW(), 0,"
      " '{}', '{}', 0, 1, NOW())");
  EXPECT_THAT(recognition_.ChallengeExists(1), testing::IsOkAndHolds(true));
  EXPECT_THAT(recognition_.ChallengeExists(2), testing::IsOkAndHolds(false));
}

TEST_F(MysqlRecognitionRepositoryTest, ProcessOutboxCommitsOneRunAndReadsBackItsEffects) {
  const cim::v1::Leaderboard board = AddBoard(
      R"pb(name: "Top reps"
           metric: RECOGNITION_METRIC_POINTS
           scope: LEADERBOARD_SCOPE_INDIVIDUAL
           period: LEADERBOARD_PERIOD_MONTH)pb");
  const cim::v1::Badge first = AddBadge(
      R"pb(name: "First deal"
           criteria { event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED count: 1 } })pb");
  Append({Approved(kRob, kAlpha, 100, 1000, T0())});

  absl::StatusOr<OutboxRun> run = recognition_.ProcessOutbox(rules_, 50, T0() + absl::Minutes(1));
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_FALSE(run->skipped);
  EXPECT_EQ(run->events, 1);
  EXPECT_EQ(run->awards, 1);
  EXPECT_EQ(run->periods_closed, 0);

  // What the run wrote is what the store reads.
  EXPECT_THAT(recognition_.CurrentSeq(), testing::IsOkAndHolds(1));
  absl::StatusOr<absl::flat_hash_map<int64_t, absl::Time>> awards = recognition_.Awards(kRob);
  ASSERT_TRUE(awards.ok()) << awards.status();
  ASSERT_EQ(awards->size(), 1u);
  EXPECT_EQ(awards->at(first.id()), T0() + absl::Minutes(1));
  absl::StatusOr<RecognitionFacts> facts = recognition_.Facts(kRob, T0());
  ASSERT_TRUE(facts.ok()) << facts.status();
  EXPECT_EQ(facts->tallies.size(), 2u);  // the claim's own and the points
  absl::StatusOr<std::vector<ScoreRow>> scores =
      recognition_.LoadPeriod(board.id(), absl::CivilDay(2026, 3, 1));
  ASSERT_TRUE(scores.ok()) << scores.status();
  ASSERT_EQ(scores->size(), 1u);
  EXPECT_EQ((*scores)[0].key.score, 1000000);  // 100 points
  EXPECT_EQ((*scores)[0].key.participant, kRob);

  // Nobody else's facts or awards.
  absl::StatusOr<absl::flat_hash_map<int64_t, absl::Time>> none = recognition_.Awards(kAnn);
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_THAT(*none, IsEmpty());
  absl::StatusOr<RecognitionFacts> ann = recognition_.Facts(kAnn, T0());
  ASSERT_TRUE(ann.ok()) << ann.status();
  EXPECT_THAT(ann->tallies, IsEmpty());
  EXPECT_THAT(ann->certifications, IsEmpty());
}

TEST_F(MysqlRecognitionRepositoryTest, BadgesAreUpdatedAtTheVersionReadAndArchivedOnesHidden) {
  const cim::v1::Badge first = AddBadge(
      R"pb(name: "First deal"
           criteria { event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED count: 1 } })pb");
  const cim::v1::Badge other =
      AddBadge(R"pb(name: "Certified"
                    criteria { certification { certification_code: "sx" } })pb");
  EXPECT_EQ(first.etag(), "1");
  EXPECT_FALSE(first.archived());
  told_.clear();

  cim::v1::Badge edit = first;
  edit.set_name("First win");
  edit.set_description("Your first approved claim");
  edit.set_archived(true);
  absl::StatusOr<cim::v1::Badge> updated = recognition_.UpdateBadge(edit, false);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->name(), "First win");
  EXPECT_EQ(updated->description(), "Your first approved claim");
  EXPECT_TRUE(updated->archived());
  EXPECT_EQ(updated->etag(), "2");
  EXPECT_EQ(updated->criteria().SerializeAsString(), first.criteria().SerializeAsString());
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("changing badges/", first.id())));

  // The version read is gone: someone else's change would be overwritten.
  EXPECT_THAT(recognition_.UpdateBadge(edit, false),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("changed")));
  cim::v1::Badge taken = *updated;
  taken.set_name("Certified");
  EXPECT_THAT(recognition_.UpdateBadge(taken, false), StatusIs(absl::StatusCode::kAlreadyExists));
  cim::v1::Badge missing = *updated;
  missing.set_id(999);
  EXPECT_THAT(recognition_.UpdateBadge(missing, false), StatusIs(absl::StatusCode::kNotFound));

  absl::StatusOr<std::vector<cim::v1::Badge>> active = recognition_.ListBadges(0, 10, false);
  ASSERT_TRUE(active.ok()) << active.status();
  EXPECT_THAT(*active, ElementsAre(Property(&cim::v1::Badge::id, other.id())));
  absl::StatusOr<std::vector<cim::v1::Badge>> all = recognition_.ListBadges(0, 10, true);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_THAT(*all, ElementsAre(Property(&cim::v1::Badge::archived, true),
                                Property(&cim::v1::Badge::archived, false)));
  EXPECT_THAT(recognition_.GetBadge(first.id()),
              testing::IsOkAndHolds(Property(&cim::v1::Badge::name, "First win")));
}

TEST_F(MysqlRecognitionRepositoryTest, AnArchivedBadgeIsNotAwardedAndARestoredOneCatchesUp) {
  const cim::v1::Badge first = AddBadge(
      R"pb(name: "First deal"
           criteria { event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED count: 1 } })pb");
  // Rob earns it before it is archived; Ann's claim comes while it is archived.
  Append({Approved(kRob, kAlpha, 10, 100, T0())});
  ASSERT_TRUE(recognition_.ProcessOutbox(rules_, 50, T0() + absl::Minutes(1)).ok());
  cim::v1::Badge archive = first;
  archive.set_archived(true);
  absl::StatusOr<cim::v1::Badge> archived = recognition_.UpdateBadge(archive, false);
  ASSERT_TRUE(archived.ok()) << archived.status();
  Append({Approved(kAnn, kAlpha, 10, 100, T0() + absl::Minutes(2))});
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(recognition_.ProcessOutbox(rules_, 50, T0() + absl::Minutes(3)).ok());
  }
  EXPECT_THAT(recognition_.Awards(kAnn), testing::IsOkAndHolds(IsEmpty()));
  absl::StatusOr<absl::flat_hash_map<int64_t, absl::Time>> rob = recognition_.Awards(kRob);
  ASSERT_TRUE(rob.ok()) << rob.status();
  EXPECT_TRUE(rob->contains(first.id()));  // kept

  cim::v1::Badge restore = *archived;
  restore.set_archived(false);
  ASSERT_TRUE(recognition_.UpdateBadge(restore, true).ok());
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(recognition_.ProcessOutbox(rules_, 50, T0() + absl::Minutes(4)).ok());
  }
  absl::StatusOr<absl::flat_hash_map<int64_t, absl::Time>> ann = recognition_.Awards(kAnn);
  ASSERT_TRUE(ann.ok()) << ann.status();
  EXPECT_TRUE(ann->contains(first.id()));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM badge_awards"), 2);
}

TEST_F(MysqlRecognitionRepositoryTest, BoardsAreUpdatedAtTheVersionRead) {
  const cim::v1::Leaderboard board = AddBoard(
      R"pb(name: "Top reps"
           metric: RECOGNITION_METRIC_POINTS
           scope: LEADERBOARD_SCOPE_INDIVIDUAL
           period: LEADERBOARD_PERIOD_MONTH)pb");
  EXPECT_EQ(board.etag(), "1");
  told_.clear();
  cim::v1::Leaderboard edit = board;
  edit.set_name("Top sellers");
  edit.set_archived(true);
  absl::StatusOr<cim::v1::Leaderboard> updated = recognition_.UpdateLeaderboard(edit);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->name(), "Top sellers");
  EXPECT_TRUE(updated->archived());
  EXPECT_EQ(updated->etag(), "2");
  EXPECT_EQ(updated->period(), cim::v1::LEADERBOARD_PERIOD_MONTH);
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("changing leaderboards/", board.id())));
  EXPECT_THAT(recognition_.UpdateLeaderboard(edit), StatusIs(absl::StatusCode::kAborted));
  // Archived boards are still listed by the store (the logic decides who sees them) and kept
  // counting.
  absl::StatusOr<std::vector<cim::v1::Leaderboard>> all = recognition_.ListLeaderboards(0);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_THAT(*all, ElementsAre(Property(&cim::v1::Leaderboard::archived, true)));
  Append({Approved(kRob, kAlpha, 100, 1000, T0())});
  ASSERT_TRUE(recognition_.ProcessOutbox(rules_, 50, T0() + absl::Minutes(1)).ok());
  absl::StatusOr<std::vector<ScoreRow>> scores =
      recognition_.LoadPeriod(board.id(), absl::CivilDay(2026, 3, 1));
  ASSERT_TRUE(scores.ok()) << scores.status();
  EXPECT_EQ(scores->size(), 1u);
}

}  // namespace
}  // namespace cim
