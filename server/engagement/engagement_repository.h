// Storage of kudos and their budgets, the feed, challenges and surveys.
#ifndef CIM_SERVER_ENGAGEMENT_ENGAGEMENT_REPOSITORY_H_
#define CIM_SERVER_ENGAGEMENT_ENGAGEMENT_REPOSITORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
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

// Kudos to store (see EngagementRepository::GiveKudos).
struct NewKudos {
  int64_t giver_user_id = 0;
  // The budget the points come from: 0 for vendor staff, the giver's partner otherwise.
  int64_t budget_partner_id = 0;
  int64_t recipient_user_id = 0;
  int64_t recipient_partner_id = 0;
  std::string message;
  Decimal points;
  cim::v1::FeedVisibility visibility = cim::v1::FEED_VISIBILITY_PUBLIC;
  std::string request_id;  // empty: none
  // The feed entry's headline ("Sam gave kudos to Ana").
  std::string headline;
  absl::Time now;
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

// A user's standing in one challenge.
struct ChallengeStanding {
  Decimal progress;
  std::optional<absl::Time> completed_at;
};

// Responses to a survey: counts per partner type, region and score, and the latest comments.
struct SurveyResponseCount {
  cim::v1::PartnerType type = cim::v1::PARTNER_TYPE_UNSPECIFIED;
  std::string region;
  int score = 0;
  int64_t count = 0;
};

class EngagementRepository {
 public:
  virtual ~EngagementRepository() = default;

  // In one transaction: checks the budget (RESOURCE_EXHAUSTED if the points exceed what is
  // left this month, or there is no budget), stores the kudos and its feed entry, posts the
  // points to the recipient's ledger with a KUDOS_RECEIVED outbox event. A repeated
  // (giver, request_id) returns the kudos stored for it (ALREADY_EXISTS if it was for another
  // recipient).
  virtual absl::StatusOr<cim::v1::Kudos> GiveKudos(const NewKudos& kudos) = 0;
  // A budget and its use in the month of `now` (monthly 0 if none was set).
  virtual absl::StatusOr<cim::v1::KudosBudget> GetKudosBudget(int64_t partner_id,
                                                              absl::Time now) = 0;
  virtual absl::Status SetKudosBudget(int64_t partner_id, const Decimal& monthly_points) = 0;

  virtual absl::StatusOr<cim::v1::FeedEntry> InsertFeedEntry(const NewFeedEntry& entry) = 0;
  virtual absl::StatusOr<std::vector<cim::v1::FeedEntry>> ListFeed(const FeedFilter& filter) = 0;

  virtual absl::StatusOr<cim::v1::Challenge> InsertChallenge(const cim::v1::Challenge& challenge,
                                                             int64_t created_by,
                                                             absl::Time now) = 0;
  // Challenges ending after `ending_after` (every one if unset), ending soonest first, with
  // their completion counts and reward badges.
  virtual absl::StatusOr<std::vector<cim::v1::Challenge>> ListChallenges(
      std::optional<absl::Time> ending_after) = 0;
  // The user's standing per challenge id.
  virtual absl::StatusOr<absl::flat_hash_map<int64_t, ChallengeStanding>> Standings(
      int64_t user_id) = 0;
  // Whether the partner is enrolled in the program.
  virtual absl::StatusOr<bool> Enrolled(int64_t program_id, int64_t partner_id) = 0;

  virtual absl::StatusOr<cim::v1::Survey> InsertSurvey(const cim::v1::Survey& survey,
                                                       int64_t created_by, absl::Time now) = 0;
  // Newest first.
  virtual absl::StatusOr<std::vector<cim::v1::Survey>> ListSurveys() = 0;
  // NOT_FOUND if none.
  virtual absl::StatusOr<cim::v1::Survey> GetSurvey(int64_t id) = 0;
  virtual absl::StatusOr<absl::flat_hash_set<int64_t>> RespondedSurveys(int64_t user_id) = 0;
  // ALREADY_EXISTS if the user responded before.
  virtual absl::Status InsertResponse(int64_t survey_id, int64_t user_id, int64_t partner_id,
                                      cim::v1::PartnerType type, const std::string& region,
                                      int score, const std::string& comment, absl::Time now) = 0;
  virtual absl::StatusOr<std::vector<SurveyResponseCount>> ResponseCounts(int64_t survey_id) = 0;
  // The latest `limit` comments, newest first.
  virtual absl::StatusOr<std::vector<cim::v1::SurveyComment>> Comments(int64_t survey_id,
                                                                       int limit) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_ENGAGEMENT_ENGAGEMENT_REPOSITORY_H_
