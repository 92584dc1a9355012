// FeedRepository on MySQL/MariaDB, and the feed writer every store that posts to the feed
// (kudos, challenges, recognition) uses inside its own transaction.
#ifndef CIM_SERVER_ENGAGEMENT_MYSQL_FEED_REPOSITORY_H_
#define CIM_SERVER_ENGAGEMENT_MYSQL_FEED_REPOSITORY_H_

#include <soci/soci.h>

#include <vector>

#include "server/db/mysql_database.h"
#include "server/engagement/feed_repository.h"

namespace cim {

// The start of an INSERT into feed_entries: the column list, followed by VALUES or SELECT.
inline constexpr char kFeedInsert[] =
    "INSERT INTO feed_entries (kind, visibility, user_id, partner_id, headline, message,"
    " author_user_id, points, badge_id, leaderboard_id, challenge_id, created_at) ";

// Stores `entries` in the session's transaction (nothing for none). Announces nothing: the
// caller says what it changed.
void AppendFeedEntries(soci::session& s, const std::vector<NewFeedEntry>& entries);

class MysqlFeedRepository final : public FeedRepository {
 public:
  explicit MysqlFeedRepository(MysqlDatabase& db) : db_(db) {}

  absl::StatusOr<cim::v1::FeedEntry> InsertFeedEntry(const NewFeedEntry& entry) override;
  absl::StatusOr<std::vector<cim::v1::FeedEntry>> ListFeed(const FeedFilter& filter) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_ENGAGEMENT_MYSQL_FEED_REPOSITORY_H_
