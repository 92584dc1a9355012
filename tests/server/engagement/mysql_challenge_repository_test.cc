// The challenge store against MariaDB: a challenge stored and read back (reward "0" when none
// given), announced as inserted; listed by end time with completion counts and reward badges,
// optionally only those still running; a user's standings; program enrollment. And the outbox
// processor's side: BackfillChallenges counts the events processed before a challenge existed
// (within its window) and marks it backfilled; ApplyChallengeEvents moves progress for the
// challenge's audience and, once a participant reaches the goal, marks the completion once and
// posts the reward points, a CHALLENGE_COMPLETED event and a feed entry (within the partner for
// someone hiding their name). None of that is announced to the audit trail. Updates: at the
// version read (ABORTED otherwise, NOT_FOUND for an unknown id), bumping it, announced as a
// change; archived challenges are listed on request only, count no events (nor backfill) while
// archived and keep their completions; a new reward applies to completions from then on.
#include "server/engagement/mysql_challenge_repository.h"

#include <google/protobuf/text_format.h>

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cim/v1/ledger.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "server/events/mysql_outbox.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/store_world.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Property;

class MysqlChallengeRepositoryTest : public StoreWorldTest {
 protected:
  // A challenge of `text` running from `days_from` to `days_to` days after T0.
  static cim::v1::Challenge Challenge(const std::string& text, int days_from, int days_to) {
    cim::v1::Challenge c;
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &c)) << text;
    SetTimestamp(T0() + absl::Hours(24 * days_from), c.mutable_start_time());
    SetTimestamp(T0() + absl::Hours(24 * days_to), c.mutable_end_time());
    return c;
  }

  cim::v1::Challenge Insert(const cim::v1::Challenge& c) {
    absl::StatusOr<cim::v1::Challenge> stored = challenges_.InsertChallenge(c, kVera, T0());
    EXPECT_TRUE(stored.ok()) << stored.status();
    return stored.value_or(cim::v1::Challenge());
  }

  // "Learn": two training modules completed within ten days of T0, for 100 points.
  cim::v1::Challenge Learn() {
    return Insert(Challenge(
        "title: \"Learn\" goal { kind: CHALLENGE_GOAL_KIND_MODULES_COMPLETED target: \"2\" }"
        " reward_points: \"100\"",
        -10, 10));
  }

  static OutboxEvent Event(cim::v1::RecognitionEventKind kind, int64_t user, int64_t partner,
                           absl::Time at) {
    return OutboxEvent{
        .kind = kind, .partner_id = partner, .user_id = user, .occurred_at = at, .created_at = at};
  }
  static OutboxEvent Training(int64_t user, int64_t partner, absl::Time at) {
    return Event(cim::v1::RECOGNITION_EVENT_KIND_TRAINING_COMPLETED, user, partner, at);
  }

  // Stores `events` as already processed (history a new challenge backfills from).
  void Processed(const std::vector<OutboxEvent>& events) {
    const absl::Status status = database_.db().Transact([&](soci::session& s) -> absl::Status {
      AppendOutboxEvents(s, events);
      s << "UPDATE outbox_events SET processed = 1";
      return absl::OkStatus();
    });
    ASSERT_TRUE(status.ok()) << status;
  }

  absl::StatusOr<int> Backfill(absl::Time now) {
    return database_.db().Transact(
        [&](soci::session& s) -> absl::StatusOr<int> { return BackfillChallenges(s, now); });
  }
  absl::StatusOr<int> Apply(const std::vector<OutboxEvent>& events, absl::Time now) {
    return database_.db().Transact([&](soci::session& s) -> absl::StatusOr<int> {
      return ApplyChallengeEvents(s, events, now);
    });
  }

  // The user's progress in challenge `id` as text ("" for none), "+done" once completed.
  std::string Standing(int64_t user, int64_t id) {
    absl::StatusOr<absl::flat_hash_map<int64_t, ChallengeStanding>> standings =
        challenges_.Standings(user);
    EXPECT_TRUE(standings.ok()) << standings.status();
    if (!standings.ok() || !standings->contains(id)) return "";
    const ChallengeStanding& s = standings->at(id);
    return absl::StrCat(s.progress.ToString(0), s.completed_at ? "+done" : "");
  }

  MysqlChallengeRepository challenges_{database_.db()};
};

TEST_F(MysqlChallengeRepositoryTest, StoresAChallengeAndReadsItBack) {
  const cim::v1::Challenge sprint = Insert(Challenge(
      "title: \"Sprint\" description: \"Sell four arrays\" program_id: 0"
      " audience { partner_types: PARTNER_TYPE_RESELLER regions: \"EMEA\" tiers: \"gold\" }"
      " goal { kind: CHALLENGE_GOAL_KIND_PRODUCT_UNITS target: \"4\" sku: \"ST-2000\" }"
      " reward_points: \"250\"",
      -1, 27));
  EXPECT_GT(sprint.id(), 0);
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("inserted challenges/", sprint.id())));
  EXPECT_EQ(sprint.title(), "Sprint");
  EXPECT_EQ(sprint.description(), "Sell four arrays");
  EXPECT_EQ(FromTimestamp(sprint.start_time()), T0() - absl::Hours(24));
  EXPECT_EQ(FromTimestamp(sprint.end_time()), T0() + absl::Hours(24 * 27));
  EXPECT_EQ(sprint.program_id(), 0);
  EXPECT_THAT(sprint.audience().partner_types(), ElementsAre(cim::v1::PARTNER_TYPE_RESELLER));
  EXPECT_THAT(sprint.audience().regions(), ElementsAre("EMEA"));
  EXPECT_THAT(sprint.audience().tiers(), ElementsAre("gold"));
  EXPECT_EQ(sprint.goal().kind(), cim::v1::CHALLENGE_GOAL_KIND_PRODUCT_UNITS);
  EXPECT_EQ(sprint.goal().target(), "4");
  EXPECT_EQ(sprint.goal().sku(), "ST-2000");
  EXPECT_EQ(sprint.reward_points(), "250");
  EXPECT_EQ(FromTimestamp(sprint.create_time()), T0());
  EXPECT_EQ(sprint.completions(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM challenges WHERE created_by = 1 AND backfilled = 0"), 1);

  // No reward given: stored as 0.
  const cim::v1::Challenge plain = Insert(Challenge(
      "title: \"Plain\" goal { kind: CHALLENGE_GOAL_KIND_APPROVED_CLAIMS target: \"1\" }", 0, 1));
  EXPECT_EQ(plain.reward_points(), "0");
}

TEST_F(MysqlChallengeRepositoryTest, ListsByEndTimeWithRewardBadges) {
  const std::string goal = " goal { kind: CHALLENGE_GOAL_KIND_APPROVED_CLAIMS target: \"1\" }";
  const cim::v1::Challenge later = Insert(Challenge("title: \"Later\"" + goal, -5, 20));
  const cim::v1::Challenge ended = Insert(Challenge("title: \"Ended\"" + goal, -30, -1));
  const cim::v1::Challenge soon = Insert(Challenge("title: \"Soon\"" + goal, -5, 2));
  // Badges as stored (protobuf JSON with proto field names): one for finishing "Soon".
  Exec(absl::StrCat(
      "INSERT INTO badges (name, description, image_url, criteria, created_by, created_at)"
      " VALUES ('Achiever', '', '', '{\"points_reached\": {}}', 1, NOW()),"
      " ('Sprinter', '', '', '{\"challenge_completed\": {\"challenge_id\": \"",
      soon.id(), "\"}}', 1, NOW())"));

  absl::StatusOr<std::vector<cim::v1::Challenge>> all =
      challenges_.ListChallenges(std::nullopt, false);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_THAT(*all, ElementsAre(Property(&cim::v1::Challenge::id, ended.id()),
                                Property(&cim::v1::Challenge::id, soon.id()),
                                Property(&cim::v1::Challenge::id, later.id())));
  absl::StatusOr<std::vector<cim::v1::Challenge>> running = challenges_.ListChallenges(T0(), false);
  ASSERT_TRUE(running.ok()) << running.status();
  ASSERT_THAT(*running, ElementsAre(Property(&cim::v1::Challenge::title, "Soon"),
                                    Property(&cim::v1::Challenge::title, "Later")));
  EXPECT_EQ((*running)[0].reward_badge_id(),
            Count("SELECT id FROM badges WHERE name = 'Sprinter'"));
  EXPECT_EQ((*running)[1].reward_badge_id(), 0);
  EXPECT_EQ((*all)[0].reward_badge_id(), 0);
}

TEST_F(MysqlChallengeRepositoryTest, EnrolledIsWhetherThePartnerJoinedTheProgram) {
  // An enrollment row only (the program it names is not what this store reads).
  const absl::Status status = database_.db().Run([](soci::session& s) -> absl::Status {
    s << "SET FOREIGN_KEY_CHECKS = 0";
    s << "INSERT INTO enrollments (program_id, partner_id, accepted_terms_version, accepted_by,"
         " accepted_at) VALUES (7, 1, 1, 2, NOW())";
    s << "SET FOREIGN_KEY_CHECKS = 1";
    return absl::OkStatus();
  });
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(challenges_.Enrolled(7, kAlpha).value_or(false), true);
  EXPECT_EQ(challenges_.Enrolled(7, kBravo).value_or(true), false);
  EXPECT_EQ(challenges_.Enrolled(8, kAlpha).value_or(true), false);
}

TEST_F(MysqlChallengeRepositoryTest, BackfillCountsEarlierEventsWithinTheWindow) {
  Processed({Training(kRob, kAlpha, T0() - absl::Hours(24)),
             Training(kRob, kAlpha, T0() - absl::Hours(24 * 20)),  // before the window
             Training(kBea, kBravo, T0() - absl::Hours(48)),
             Event(cim::v1::RECOGNITION_EVENT_KIND_CLAIM_APPROVED, kBea, kBravo, T0())});
  const cim::v1::Challenge learn = Learn();
  absl::StatusOr<int> completed = Backfill(T0());
  ASSERT_TRUE(completed.ok()) << completed.status();
  EXPECT_EQ(*completed, 0);
  EXPECT_THAT(told_, IsEmpty());
  EXPECT_EQ(Standing(kRob, learn.id()), "1");
  EXPECT_EQ(Standing(kBea, learn.id()), "1");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM challenges WHERE backfilled = 1"), 1);
  // Backfilled once only.
  ASSERT_TRUE(Backfill(T0()).ok());
  EXPECT_EQ(Standing(kRob, learn.id()), "1");

  // A challenge created later counts the same history: Rob's two modules complete it.
  Processed({Training(kRob, kAlpha, T0())});
  const cim::v1::Challenge again = Learn();
  absl::StatusOr<int> second = Backfill(T0());
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(*second, 1);
  EXPECT_EQ(Standing(kRob, again.id()), "2+done");
  EXPECT_EQ(Standing(kBea, again.id()), "1");
}

TEST_F(MysqlChallengeRepositoryTest, EventsCompleteAChallengeOnceWithRewardEventAndFeedEntry) {
  const cim::v1::Challenge learn = Learn();
  // Bravo (NA) only.
  const cim::v1::Challenge na =
      Insert(Challenge("title: \"NA\" audience { regions: \"NA\" }"
                       " goal { kind: CHALLENGE_GOAL_KIND_MODULES_COMPLETED target: \"5\" }",
                       -10, 10));
  ASSERT_TRUE(Backfill(T0()).ok());
  // Not yet backfilled challenges are left alone by ApplyChallengeEvents.
  const cim::v1::Challenge fresh = Learn();

  const absl::Time now = T0() + absl::Microseconds(42);
  absl::StatusOr<int> completed = Apply(
      {Training(kRob, kAlpha, T0()), Training(kRob, kAlpha, T0() + absl::Hours(1)),
       Training(kHid, kAlpha, T0()), Training(kHid, kAlpha, T0()), Training(kBea, kBravo, T0()),
       Training(kBea, kBravo, T0() + absl::Hours(24 * 10)),  // at the end: too late
       Event(cim::v1::RECOGNITION_EVENT_KIND_CLAIM_APPROVED, kRob, kAlpha, T0()),
       Training(0, kAlpha, T0())},  // no user
      now);
  ASSERT_TRUE(completed.ok()) << completed.status();
  EXPECT_EQ(*completed, 2);  // Rob and Hid
  EXPECT_THAT(told_, IsEmpty());
  EXPECT_EQ(Standing(kRob, learn.id()), "2+done");
  EXPECT_EQ(Standing(kHid, learn.id()), "2+done");
  EXPECT_EQ(Standing(kBea, learn.id()), "1");
  EXPECT_EQ(Standing(kRob, na.id()), "");
  EXPECT_EQ(Standing(kBea, na.id()), "1");
  EXPECT_EQ(Standing(kRob, fresh.id()), "");
  absl::StatusOr<absl::flat_hash_map<int64_t, ChallengeStanding>> rob = challenges_.Standings(kRob);
  ASSERT_TRUE(rob.ok()) << rob.status();
  EXPECT_EQ(rob->at(learn.id()).completed_at, now);

  // The reward: points, an event and a feed entry per completion.
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM ledger_entries WHERE amount = 100 AND",
                               " account = ", cim::v1::LEDGER_ACCOUNT_POINTS, " AND basis = '",
                               Phrase("ledger.challenge")
                                   .Text("challenge", "Learn")
                                   .Text("challenge_id", absl::StrCat(learn.id()))
                                   .str(),
                               "' AND user_id IN (3, 4) AND partner_id = 1")),
            2);
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM outbox_events WHERE kind = ",
                               cim::v1::RECOGNITION_EVENT_KIND_CHALLENGE_COMPLETED,
                               " AND points = 100 AND ref_id = ", learn.id())),
            2);
  EXPECT_EQ(
      Count(absl::StrCat(
          "SELECT visibility FROM feed_entries WHERE user_id = 3 AND kind = ",
          cim::v1::FEED_ENTRY_KIND_CHALLENGE_COMPLETED, " AND headline = '",
          Phrase("feed.challenge_completed").Text("name", "Rob").Text("challenge", "Learn").str(),
          "'"
          " AND points = 100 AND challenge_id = ",
          learn.id())),
      cim::v1::FEED_VISIBILITY_PUBLIC);
  EXPECT_EQ(Count(absl::StrCat("SELECT visibility FROM feed_entries WHERE user_id = 4 AND kind = ",
                               cim::v1::FEED_ENTRY_KIND_CHALLENGE_COMPLETED)),
            cim::v1::FEED_VISIBILITY_PARTNER);

  // Later events move progress on but never complete it twice.
  absl::StatusOr<int> more = Apply({Training(kRob, kAlpha, T0() + absl::Hours(2))}, now);
  ASSERT_TRUE(more.ok()) << more.status();
  EXPECT_EQ(*more, 0);
  EXPECT_EQ(Standing(kRob, learn.id()), "3+done");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries"), 2);

  absl::StatusOr<std::vector<cim::v1::Challenge>> listed = challenges_.ListChallenges(T0(), false);
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->size(), 3u);
  EXPECT_EQ((*listed)[0].completions(), 2);
}

TEST_F(MysqlChallengeRepositoryTest, UpdatesAtTheVersionReadAndBumpsIt) {
  const cim::v1::Challenge learn = Learn();
  EXPECT_EQ(learn.etag(), "1");
  EXPECT_FALSE(learn.archived());
  absl::StatusOr<cim::v1::Challenge> got = challenges_.GetChallenge(learn.id());
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->SerializeAsString(), learn.SerializeAsString());
  EXPECT_THAT(challenges_.GetChallenge(learn.id() + 1),
              StatusIs(absl::StatusCode::kNotFound,
                       absl::StrCat("challenge ", learn.id() + 1, " not found")));

  cim::v1::Challenge edit = Challenge(
      "title: \"Learn more\" description: \"Three modules\" program_id: 0"
      " audience { regions: \"NA\" }"
      " goal { kind: CHALLENGE_GOAL_KIND_MODULES_COMPLETED target: \"3\" }"
      " reward_points: \"150\" archived: true",
      -5, 20);
  edit.set_id(learn.id());
  edit.set_etag(learn.etag());
  absl::StatusOr<cim::v1::Challenge> updated = challenges_.UpdateChallenge(edit);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("changing challenges/", learn.id())));
  EXPECT_EQ(updated->etag(), "2");
  EXPECT_EQ(updated->title(), "Learn more");
  EXPECT_EQ(updated->description(), "Three modules");
  EXPECT_EQ(FromTimestamp(updated->start_time()), T0() - absl::Hours(24 * 5));
  EXPECT_EQ(FromTimestamp(updated->end_time()), T0() + absl::Hours(24 * 20));
  EXPECT_THAT(updated->audience().regions(), ElementsAre("NA"));
  EXPECT_EQ(updated->goal().target(), "3");
  EXPECT_EQ(updated->reward_points(), "150");
  EXPECT_TRUE(updated->archived());
  EXPECT_EQ(FromTimestamp(updated->create_time()), T0());

  // The version read before is stale now; an unknown id is NOT_FOUND.
  EXPECT_THAT(challenges_.UpdateChallenge(edit),
              StatusIs(absl::StatusCode::kAborted,
                       absl::StrCat("challenge ", learn.id(),
                                    " was changed by someone else; reload and retry")));
  edit.set_id(learn.id() + 1);
  edit.set_etag("1");
  EXPECT_THAT(challenges_.UpdateChallenge(edit), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(Count("SELECT version FROM challenges WHERE id = " + std::to_string(learn.id())), 2);
}

TEST_F(MysqlChallengeRepositoryTest, ArchivedChallengesAreListedOnRequestOnly) {
  const cim::v1::Challenge learn = Learn();
  cim::v1::Challenge archived = Learn();
  archived.set_archived(true);
  ASSERT_TRUE(challenges_.UpdateChallenge(archived).ok());
  absl::StatusOr<std::vector<cim::v1::Challenge>> shown = challenges_.ListChallenges(T0(), false);
  ASSERT_TRUE(shown.ok()) << shown.status();
  EXPECT_THAT(*shown, ElementsAre(Property(&cim::v1::Challenge::id, learn.id())));
  absl::StatusOr<std::vector<cim::v1::Challenge>> all = challenges_.ListChallenges(T0(), true);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_THAT(*all, ElementsAre(Property(&cim::v1::Challenge::archived, false),
                                Property(&cim::v1::Challenge::archived, true)));
}

TEST_F(MysqlChallengeRepositoryTest, AnArchivedChallengeCountsNoEventsAndKeepsItsCompletions) {
  cim::v1::Challenge learn = Learn();
  ASSERT_TRUE(Backfill(T0()).ok());
  ASSERT_TRUE(Apply({Training(kRob, kAlpha, T0()), Training(kRob, kAlpha, T0()),
                     Training(kHid, kAlpha, T0())},
                    T0())
                  .ok());
  EXPECT_EQ(Standing(kRob, learn.id()), "2+done");
  EXPECT_EQ(Standing(kHid, learn.id()), "1");

  learn.set_archived(true);
  absl::StatusOr<cim::v1::Challenge> archived = challenges_.UpdateChallenge(learn);
  ASSERT_TRUE(archived.ok()) << archived.status();
  absl::StatusOr<int> completed =
      Apply({Training(kHid, kAlpha, T0() + absl::Hours(1)), Training(kBea, kBravo, T0())}, T0());
  ASSERT_TRUE(completed.ok()) << completed.status();
  EXPECT_EQ(*completed, 0);
  EXPECT_EQ(Standing(kHid, learn.id()), "1");
  EXPECT_EQ(Standing(kBea, learn.id()), "");
  // Rob keeps his completion and its 100 points.
  EXPECT_EQ(Standing(kRob, learn.id()), "2+done");
  EXPECT_EQ(archived->completions(), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries WHERE user_id = 3 AND amount = 100"), 1);

  // Not backfilled while archived either; once restored, it counts new events again.
  cim::v1::Challenge later = Learn();
  later.set_archived(true);
  ASSERT_TRUE(challenges_.UpdateChallenge(later).ok());
  Processed({Training(kBea, kBravo, T0())});
  ASSERT_TRUE(Backfill(T0()).ok());
  EXPECT_EQ(Count(absl::StrCat("SELECT backfilled FROM challenges WHERE id = ", later.id())), 0);
  archived->set_archived(false);
  ASSERT_TRUE(challenges_.UpdateChallenge(*archived).ok());
  ASSERT_TRUE(Apply({Training(kHid, kAlpha, T0() + absl::Hours(2))}, T0()).ok());
  EXPECT_EQ(Standing(kHid, learn.id()), "2+done");
}

TEST_F(MysqlChallengeRepositoryTest, CompletionsEarnTheRewardTheChallengeHasThen) {
  cim::v1::Challenge learn = Learn();
  ASSERT_TRUE(Backfill(T0()).ok());
  ASSERT_TRUE(Apply({Training(kRob, kAlpha, T0()), Training(kRob, kAlpha, T0())}, T0()).ok());
  learn.set_reward_points("250");
  ASSERT_TRUE(challenges_.UpdateChallenge(learn).ok());
  ASSERT_TRUE(Apply({Training(kHid, kAlpha, T0()), Training(kHid, kAlpha, T0())}, T0()).ok());
  // Rob's entry stays as it was posted; Hid earns the new reward.
  EXPECT_EQ(Count("SELECT CAST(amount AS SIGNED) FROM ledger_entries WHERE user_id = 3"), 100);
  EXPECT_EQ(Count("SELECT CAST(amount AS SIGNED) FROM ledger_entries WHERE user_id = 4"), 250);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries"), 2);
}

}  // namespace
}  // namespace cim
