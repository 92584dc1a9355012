// Storage of the feed: spotlights posted by vendor staff, and what kudos, challenges and
// recognition post to it in their own transactions (see mysql_feed_repository.h).
#ifndef CIM_SERVER_ENGAGEMENT_FEED_REPOSITORY_H_
#define CIM_SERVER_ENGAGEMENT_FEED_REPOSITORY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cim/v1/engagement.pb.h"
#include "lib/decimal.h"

namespace cim {

// A feed entry to store.
struct NewFeedEntry {
  cim::v1::FeedEntryKind kind = cim::v1::FEED_ENTRY_KIND_UNSPECIFIED;
  cim::v1::FeedVisibility visibility = cim::v1::FEED_VISIBILITY_PUBLIC;
  int64_t user_id = 0;
  int64_t partner_id = 0;
  std::string headline;
  std::string message;
  int64_t author_user_id = 0;
  Decimal points;
  int64_t badge_id = 0;
  int64_t leaderboard_id = 0;
  int64_t challenge_id = 0;
  absl::Time created_at;
};

// Which feed entries to list, newest first.
struct FeedFilter {
  // Partner viewers see public entries and their own partner's; 0: every entry.
  int64_t viewer_partner_id = 0;
  int64_t partner_id = 0;  // only about this partner
  int64_t user_id = 0;     // only about this user
  int64_t before_id = 0;   // 0: from the newest
  int limit = 20;
};

class FeedRepository {
 public:
  virtual ~FeedRepository() = default;

  // Stores `entry`; returns it as read back (id, names of its user, partner and author).
  virtual absl::StatusOr<cim::v1::FeedEntry> InsertFeedEntry(const NewFeedEntry& entry) = 0;
  // The entries `filter` selects, newest first (empty if none).
  virtual absl::StatusOr<std::vector<cim::v1::FeedEntry>> ListFeed(const FeedFilter& filter) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_ENGAGEMENT_FEED_REPOSITORY_H_
