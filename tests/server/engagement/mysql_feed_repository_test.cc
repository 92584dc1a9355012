// The feed store against MariaDB: an entry stored and read back with the names of its user,
// partner and author, announced as inserted; the shared writer (AppendFeedEntries) storing
// several entries at once and announcing none; the feed newest first, paged by id, filtered by
// partner and user, and scoped for a partner viewer (public entries and their own partner's,
// not public entries about a user who hides their name).
#include "server/engagement/mysql_feed_repository.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/proto_time.h"
#include "tests/testing/store_world.h"

namespace cim {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class MysqlFeedRepositoryTest : public StoreWorldTest {
 protected:
  static NewFeedEntry Entry(const char* headline, int64_t user, int64_t partner,
                            cim::v1::FeedVisibility visibility = cim::v1::FEED_VISIBILITY_PUBLIC) {
    return NewFeedEntry{.kind = cim::v1::FEED_ENTRY_KIND_SPOTLIGHT,
                        .visibility = visibility,
                        .user_id = user,
                        .partner_id = partner,
                        .headline = headline,
                        .created_at = T0()};
  }

  // The headlines `filter` lists.
  std::vector<std::string> Headlines(const FeedFilter& filter) {
    absl::StatusOr<std::vector<cim::v1::FeedEntry>> entries = feed_.ListFeed(filter);
    EXPECT_TRUE(entries.ok()) << entries.status();
    std::vector<std::string> out;
    for (const cim::v1::FeedEntry& e : entries.value_or(std::vector<cim::v1::FeedEntry>())) {
      out.push_back(e.headline());
    }
    return out;
  }

  MysqlFeedRepository feed_{database_.db()};
};

TEST_F(MysqlFeedRepositoryTest, StoresAnEntryAndReadsItBackWithNames) {
  const absl::Time at = T0() + absl::Microseconds(250);
  absl::StatusOr<cim::v1::FeedEntry> e =
      feed_.InsertFeedEntry(NewFeedEntry{.kind = cim::v1::FEED_ENTRY_KIND_SPOTLIGHT,
                                         .visibility = cim::v1::FEED_VISIBILITY_PARTNER,
                                         .user_id = kRob,
                                         .partner_id = kAlpha,
                                         .headline = "Rep of the month",
                                         .message = "Rob closed three deals.",
                                         .author_user_id = kVera,
                                         .points = *Decimal::Parse("12.5"),
                                         .badge_id = 7,
                                         .leaderboard_id = 8,
                                         .challenge_id = 9,
                                         .created_at = at});
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_GT(e->id(), 0);
  EXPECT_EQ(e->kind(), cim::v1::FEED_ENTRY_KIND_SPOTLIGHT);
  EXPECT_EQ(e->visibility(), cim::v1::FEED_VISIBILITY_PARTNER);
  EXPECT_EQ(e->user_id(), kRob);
  EXPECT_EQ(e->user_display_name(), "Rob");
  EXPECT_EQ(e->partner_id(), kAlpha);
  EXPECT_EQ(e->partner_name(), "Alpha");
  EXPECT_EQ(e->headline(), "Rep of the month");
  EXPECT_EQ(e->message(), "Rob closed three deals.");
  EXPECT_EQ(e->author_user_id(), kVera);
  EXPECT_EQ(e->author_display_name(), "Vera");
  EXPECT_EQ(e->points(), "12.5");
  EXPECT_EQ(e->badge_id(), 7);
  EXPECT_EQ(e->leaderboard_id(), 8);
  EXPECT_EQ(e->challenge_id(), 9);
  EXPECT_EQ(FromTimestamp(e->create_time()), at);
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("inserted feed_entries/", e->id())));

  // An entry about a partner only: no user, no author, no points.
  absl::StatusOr<cim::v1::FeedEntry> bare = feed_.InsertFeedEntry(Entry("Welcome", 0, kBravo));
  ASSERT_TRUE(bare.ok()) << bare.status();
  EXPECT_EQ(bare->user_display_name(), "");
  EXPECT_EQ(bare->partner_name(), "Bravo");
  EXPECT_EQ(bare->author_display_name(), "");
  EXPECT_EQ(bare->points(), "0");
}

TEST_F(MysqlFeedRepositoryTest, AppendFeedEntriesWritesSeveralAndAnnouncesNone) {
  const absl::Status status = database_.db().Transact([&](soci::session& s) -> absl::Status {
    AppendFeedEntries(s, {});
    AppendFeedEntries(s, {Entry("one", kRob, kAlpha), Entry("two", kBea, kBravo)});
    return absl::OkStatus();
  });
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_THAT(told_, IsEmpty());
  EXPECT_THAT(Headlines({}), ElementsAre("two", "one"));
}

TEST_F(MysqlFeedRepositoryTest, ListsNewestFirstByPageAndFilter) {
  for (const NewFeedEntry& e :
       {Entry("a1", kRob, kAlpha), Entry("b1", kBea, kBravo), Entry("a2", 0, kAlpha),
        Entry("a3", kRob, kAlpha), Entry("b2", kBea, kBravo)}) {
    ASSERT_TRUE(feed_.InsertFeedEntry(e).ok());
  }
  EXPECT_THAT(Headlines({}), ElementsAre("b2", "a3", "a2", "b1", "a1"));
  EXPECT_THAT(Headlines({.limit = 2}), ElementsAre("b2", "a3"));
  // Entries below id 4 (a3), two at a time.
  EXPECT_THAT(Headlines({.before_id = 4, .limit = 2}), ElementsAre("a2", "b1"));
  EXPECT_THAT(Headlines({.before_id = 1}), IsEmpty());
  EXPECT_THAT(Headlines({.partner_id = kAlpha}), ElementsAre("a3", "a2", "a1"));
  EXPECT_THAT(Headlines({.user_id = kRob}), ElementsAre("a3", "a1"));
  EXPECT_THAT(Headlines({.partner_id = kBravo, .user_id = kRob}), IsEmpty());
}

TEST_F(MysqlFeedRepositoryTest, APartnerViewerSeesPublicEntriesAndTheirOwn) {
  for (const NewFeedEntry& e :
       {Entry("alpha public", kRob, kAlpha),
        Entry("alpha private", kRob, kAlpha, cim::v1::FEED_VISIBILITY_PARTNER),
        Entry("alpha hidden user", kHid, kAlpha), Entry("bravo public", kBea, kBravo),
        Entry("bravo private", kBea, kBravo, cim::v1::FEED_VISIBILITY_PARTNER)}) {
    ASSERT_TRUE(feed_.InsertFeedEntry(e).ok());
  }
  EXPECT_THAT(Headlines({.viewer_partner_id = kBravo}),
              ElementsAre("bravo private", "bravo public", "alpha public"));
  EXPECT_THAT(Headlines({.viewer_partner_id = kAlpha}),
              ElementsAre("bravo public", "alpha hidden user", "alpha private", "alpha public"));
  // Vendor staff (no viewer partner) see everything.
  EXPECT_EQ(Headlines({}).size(), 5u);
}

}  // namespace
}  // namespace cim
