// Storage of challenges and each participant's progress in them.
#ifndef CIM_SERVER_ENGAGEMENT_CHALLENGE_REPOSITORY_H_
#define CIM_SERVER_ENGAGEMENT_CHALLENGE_REPOSITORY_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cim/v1/engagement.pb.h"
#include "lib/decimal.h"

namespace cim {

// A user's standing in one challenge.
struct ChallengeStanding {
  Decimal progress;
  std::optional<absl::Time> completed_at;
};

class ChallengeRepository {
 public:
  virtual ~ChallengeRepository() = default;

  // Stores `challenge` (reward points "0" when empty); returns it as read back, with its id.
  virtual absl::StatusOr<cim::v1::Challenge> InsertChallenge(const cim::v1::Challenge& challenge,
                                                             int64_t created_by,
                                                             absl::Time now) = 0;
  // The challenge with its completion count, reward badge, archived flag and etag (its row
  // version); NOT_FOUND if none has `id`.
  virtual absl::StatusOr<cim::v1::Challenge> GetChallenge(int64_t id) = 0;
  // Stores the editable fields of `challenge` (title, description, start and end time,
  // program_id, audience, goal, reward_points, archived) if its row is still at the version
  // `challenge.etag()` names, and bumps that version; returns it as GetChallenge reads it back.
  // ABORTED (ChangedSinceReadError) if the row changed since, NOT_FOUND if none has its id.
  virtual absl::StatusOr<cim::v1::Challenge> UpdateChallenge(
      const cim::v1::Challenge& challenge) = 0;
  // Challenges ending after `ending_after` (every one if unset), archived ones only with
  // `include_archived`, ending soonest first, with their completion counts and reward badges.
  virtual absl::StatusOr<std::vector<cim::v1::Challenge>> ListChallenges(
      std::optional<absl::Time> ending_after, bool include_archived) = 0;
  // The user's standing per challenge id (none for challenges without progress).
  virtual absl::StatusOr<absl::flat_hash_map<int64_t, ChallengeStanding>> Standings(
      int64_t user_id) = 0;
  // Whether the partner is enrolled in the program.
  virtual absl::StatusOr<bool> Enrolled(int64_t program_id, int64_t partner_id) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_ENGAGEMENT_CHALLENGE_REPOSITORY_H_
