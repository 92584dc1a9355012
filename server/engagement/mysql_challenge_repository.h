// ChallengeRepository on MySQL/MariaDB, and the challenge side of the outbox processor:
// progress, completions, their rewards and feed entries, written inside its transaction.
#ifndef CIM_SERVER_ENGAGEMENT_MYSQL_CHALLENGE_REPOSITORY_H_
#define CIM_SERVER_ENGAGEMENT_MYSQL_CHALLENGE_REPOSITORY_H_

#include <soci/soci.h>

#include <vector>

#include "server/db/mysql_database.h"
#include "server/engagement/challenge_repository.h"
#include "server/events/outbox_event.h"

namespace cim {

// In the outbox processor's transaction: moves each running (backfilled, not archived) challenge
// by `events` for the participants in its audience and, for each who reaches the goal, marks it
// completed, posts the reward points the challenge has now with a CHALLENGE_COMPLETED outbox
// event and adds a feed entry. Returns how many completed.
absl::StatusOr<int> ApplyChallengeEvents(soci::session& s, const std::vector<OutboxEvent>& events,
                                         absl::Time now);

// In the outbox processor's transaction, before it applies new events: counts the events
// processed before each new challenge existed (within its window) for it; an archived one
// waits until it is restored. Returns how many participants completed one.
absl::StatusOr<int> BackfillChallenges(soci::session& s, absl::Time now);

class MysqlChallengeRepository final : public ChallengeRepository {
 public:
  explicit MysqlChallengeRepository(MysqlDatabase& db) : db_(db) {}

  absl::StatusOr<cim::v1::Challenge> InsertChallenge(const cim::v1::Challenge& challenge,
                                                     int64_t created_by, absl::Time now) override;
  absl::StatusOr<cim::v1::Challenge> GetChallenge(int64_t id) override;
  absl::StatusOr<cim::v1::Challenge> UpdateChallenge(const cim::v1::Challenge& challenge) override;
  absl::StatusOr<std::vector<cim::v1::Challenge>> ListChallenges(
      std::optional<absl::Time> ending_after, bool include_archived) override;
  absl::StatusOr<absl::flat_hash_map<int64_t, ChallengeStanding>> Standings(
      int64_t user_id) override;
  absl::StatusOr<bool> Enrolled(int64_t program_id, int64_t partner_id) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_ENGAGEMENT_MYSQL_CHALLENGE_REPOSITORY_H_
