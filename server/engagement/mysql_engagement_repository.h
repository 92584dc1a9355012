// EngagementRepository on MySQL/MariaDB, and the engagement side of the outbox processor:
// feed entries and challenge progress, written inside its transaction.
#ifndef CIM_SERVER_ENGAGEMENT_MYSQL_ENGAGEMENT_REPOSITORY_H_
#define CIM_SERVER_ENGAGEMENT_MYSQL_ENGAGEMENT_REPOSITORY_H_

#include <soci/soci.h>

#include "server/db/mysql_database.h"
#include "server/engagement/engagement_repository.h"
#include "server/events/outbox_event.h"

namespace cim {

// The start of an INSERT into feed_entries: the column list, followed by VALUES or SELECT.
inline constexpr char kFeedInsert[] =
    "INSERT INTO feed_entries (kind, visibility, user_id, partner_id, headline, message,"
    " author_user_id, points, badge_id, leaderboard_id, challenge_id, created_at) ";

// Stores `entries` in the session's transaction.
void AppendFeedEntries(soci::session& s, const std::vector<NewFeedEntry>& entries);

// In the outbox processor's transaction: moves each running (backfilled) challenge by `events` for
// the participants in its audience and, for each who reaches the goal, marks it completed, posts
// the reward points with a CHALLENGE_COMPLETED outbox event and adds a feed entry. Returns
// how many completed.
absl::StatusOr<int> ApplyChallengeEvents(soci::session& s, const std::vector<OutboxEvent>& events,
                                         absl::Time now);

// In the outbox processor's transaction, before it applies new events: counts the events
// processed before each new challenge existed (within its window) for it. Returns how many
// participants completed one.
absl::StatusOr<int> BackfillChallenges(soci::session& s, absl::Time now);

class MysqlEngagementRepository final : public EngagementRepository {
 public:
  explicit MysqlEngagementRepository(MysqlDatabase& db) : db_(db) {}

  absl::StatusOr<cim::v1::Kudos> GiveKudos(const NewKudos& kudos) override;
  absl::StatusOr<cim::v1::KudosBudget> GetKudosBudget(int64_t partner_id, absl::Time now) override;
  absl::Status SetKudosBudget(int64_t partner_id, const Decimal& monthly_points) override;
  absl::StatusOr<cim::v1::FeedEntry> InsertFeedEntry(const NewFeedEntry& entry) override;
  absl::StatusOr<std::vector<cim::v1::FeedEntry>> ListFeed(const FeedFilter& filter) override;
  absl::StatusOr<cim::v1::Challenge> InsertChallenge(const cim::v1::Challenge& challenge,
                                                     int64_t created_by, absl::Time now) override;
  absl::StatusOr<std::vector<cim::v1::Challenge>> ListChallenges(
      std::optional<absl::Time> ending_after) override;
  absl::StatusOr<absl::flat_hash_map<int64_t, ChallengeStanding>> Standings(
      int64_t user_id) override;
  absl::StatusOr<bool> Enrolled(int64_t program_id, int64_t partner_id) override;
  absl::StatusOr<cim::v1::Survey> InsertSurvey(const cim::v1::Survey& survey, int64_t created_by,
                                               absl::Time now) override;
  absl::StatusOr<std::vector<cim::v1::Survey>> ListSurveys() override;
  absl::StatusOr<cim::v1::Survey> GetSurvey(int64_t id) override;
  absl::StatusOr<absl::flat_hash_set<int64_t>> RespondedSurveys(int64_t user_id) override;
  absl::Status InsertResponse(int64_t survey_id, int64_t user_id, int64_t partner_id,
                              cim::v1::PartnerType type, const std::string& region, int score,
                              const std::string& comment, absl::Time now) override;
  absl::StatusOr<std::vector<SurveyResponseCount>> ResponseCounts(int64_t survey_id) override;
  absl::StatusOr<std::vector<cim::v1::SurveyComment>> Comments(int64_t survey_id,
                                                               int limit) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_ENGAGEMENT_MYSQL_ENGAGEMENT_REPOSITORY_H_
