// Storage of recognition: levels, badges and awards, boards and their scores, preferences, and
// applying the outbox.
#ifndef CIM_SERVER_RECOGNITION_RECOGNITION_REPOSITORY_H_
#define CIM_SERVER_RECOGNITION_RECOGNITION_REPOSITORY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "cim/v1/identity.pb.h"
#include "cim/v1/recognition.pb.h"
#include "lib/decimal.h"
#include "server/recognition/badge_rules.h"
#include "server/recognition/ranked_set.h"

namespace cim {

class OutboxRules;

// A participant's score row as stored.
struct ScoreRow {
  int64_t board_id = 0;
  absl::CivilDay period_start;
  int64_t partner_id = 0;
  RankKey key;
  int64_t seq = 0;
};

// The league attributes of a partner.
struct PartnerLeague {
  cim::v1::PartnerType type = cim::v1::PARTNER_TYPE_UNSPECIFIED;
  std::string region;
  std::string tier;
  bool operator==(const PartnerLeague&) const = default;
};

// How a participant appears on a board.
struct ParticipantName {
  std::string display_name;
  std::string partner_name;
  bool hidden = false;  // the user chose not to show their name
};

// What one run of the outbox did.
struct OutboxRun {
  bool skipped = false;  // another server was processing
  int events = 0;
  int awards = 0;
  int periods_closed = 0;
};

// The scores leaderboards are ranked from, as LeaderboardIndex reads them.
class LeaderboardScoreSource {
 public:
  virtual ~LeaderboardScoreSource() = default;
  // The seq of the last committed score change.
  virtual absl::StatusOr<int64_t> CurrentSeq() = 0;
  // Every score of one board period.
  virtual absl::StatusOr<std::vector<ScoreRow>> LoadPeriod(int64_t board_id,
                                                           absl::CivilDay period_start) = 0;
  // Up to `limit` changes with seq > `after`, in seq order.
  virtual absl::StatusOr<std::vector<ScoreRow>> ChangesAfter(int64_t after, int limit) = 0;
  // League attributes of the partners in `ids` (unknown ids are left out).
  virtual absl::StatusOr<absl::flat_hash_map<int64_t, PartnerLeague>> Leagues(
      const std::vector<int64_t>& ids) = 0;
};

class RecognitionRepository : public LeaderboardScoreSource {
 public:
  // The ladder, lowest first (ranks set).
  virtual absl::StatusOr<std::vector<cim::v1::Level>> ListLevels() = 0;
  // Replaces the ladder with `levels` (validated and ordered).
  virtual absl::Status ReplaceLevels(const std::vector<cim::v1::Level>& levels) = 0;

  // Net points of a user, or of every user of a partner.
  virtual absl::StatusOr<Decimal> UserPoints(int64_t user_id) = 0;
  virtual absl::StatusOr<Decimal> PartnerPoints(int64_t partner_id) = 0;
  // The facts badge criteria are judged on, for one user at `now`.
  virtual absl::StatusOr<RecognitionFacts> Facts(int64_t user_id, absl::Time now) = 0;

  // ALREADY_EXISTS if the name is taken.
  virtual absl::StatusOr<cim::v1::Badge> InsertBadge(const cim::v1::Badge& badge,
                                                     int64_t created_by, absl::Time now) = 0;
  // Up to `limit` badges with id > after_id, oldest first; archived ones only if
  // `include_archived`.
  virtual absl::StatusOr<std::vector<cim::v1::Badge>> ListBadges(int64_t after_id, int limit,
                                                                 bool include_archived) = 0;
  // NOT_FOUND if none.
  virtual absl::StatusOr<cim::v1::Badge> GetBadge(int64_t id) = 0;
  // Stores the badge's name, description, image and archived flag if its row is still at
  // `badge.etag()` (ABORTED otherwise; ALREADY_EXISTS if the name is taken); with
  // `award_again`, users who meet it are looked for again (a restored badge). Returns it as
  // stored.
  virtual absl::StatusOr<cim::v1::Badge> UpdateBadge(const cim::v1::Badge& badge,
                                                     bool award_again) = 0;
  // The badges a user earned, by badge id.
  virtual absl::StatusOr<absl::flat_hash_map<int64_t, absl::Time>> Awards(int64_t user_id) = 0;

  virtual absl::StatusOr<bool> NameHidden(int64_t user_id) = 0;
  virtual absl::Status SetNameHidden(int64_t user_id, bool hidden) = 0;

  virtual absl::StatusOr<cim::v1::Leaderboard> InsertLeaderboard(const cim::v1::Leaderboard& board,
                                                                 int64_t created_by,
                                                                 absl::Time now) = 0;
  // Stores the board's name and archived flag if its row is still at `board.etag()` (ABORTED
  // otherwise). Returns it as stored.
  virtual absl::StatusOr<cim::v1::Leaderboard> UpdateLeaderboard(
      const cim::v1::Leaderboard& board) = 0;
  // Boards of one program (0: all), archived ones included, oldest first.
  virtual absl::StatusOr<std::vector<cim::v1::Leaderboard>> ListLeaderboards(
      int64_t program_id) = 0;
  // NOT_FOUND if none.
  virtual absl::StatusOr<cim::v1::Leaderboard> GetLeaderboard(int64_t id) = 0;
  // Names of users (INDIVIDUAL) or partners (PARTNER) by id.
  virtual absl::StatusOr<absl::flat_hash_map<int64_t, ParticipantName>> ParticipantNames(
      cim::v1::LeaderboardScope scope, const std::vector<int64_t>& ids) = 0;

  virtual absl::StatusOr<bool> ChallengeExists(int64_t challenge_id) = 0;

  // A value that changes whenever the user's points or badges (or, mostly, their partner's
  // points) may have: the user's outbox events, their partner's newest and their badge count.
  virtual absl::StatusOr<std::string> ProgressVersion(int64_t user_id, int64_t partner_id) = 0;

  // In one transaction, unless another server is processing (then `skipped`): counts the
  // events processed so far on boards created since the last run; applies up to `limit`
  // unprocessed outbox events as `rules` says (tallies, scores, badges) and marks them
  // processed; awards a chunk of the users who already met a badge created since; and, once
  // the outbox is drained, closes board periods that ended before `now` (placements,
  // placement badges).
  virtual absl::StatusOr<OutboxRun> ProcessOutbox(const OutboxRules& rules, int limit,
                                                  absl::Time now) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_RECOGNITION_RECOGNITION_REPOSITORY_H_
