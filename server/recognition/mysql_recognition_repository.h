// RecognitionRepository on MySQL/MariaDB.
#ifndef CIM_SERVER_RECOGNITION_MYSQL_RECOGNITION_REPOSITORY_H_
#define CIM_SERVER_RECOGNITION_MYSQL_RECOGNITION_REPOSITORY_H_

#include "server/db/mysql_database.h"
#include "server/recognition/recognition_repository.h"

namespace cim {

class MysqlRecognitionRepository final : public RecognitionRepository {
 public:
  explicit MysqlRecognitionRepository(MysqlDatabase& db) : db_(db) {}

  absl::StatusOr<int64_t> CurrentSeq() override;
  absl::StatusOr<std::vector<ScoreRow>> LoadPeriod(int64_t board_id,
                                                   absl::CivilDay period_start) override;
  absl::StatusOr<std::vector<ScoreRow>> ChangesAfter(int64_t after, int limit) override;
  absl::StatusOr<absl::flat_hash_map<int64_t, PartnerLeague>> Leagues(
      const std::vector<int64_t>& ids) override;

  absl::StatusOr<std::vector<cim::v1::Level>> ListLevels() override;
  absl::Status ReplaceLevels(const std::vector<cim::v1::Level>& levels) override;
  absl::StatusOr<Decimal> UserPoints(int64_t user_id) override;
  absl::StatusOr<Decimal> PartnerPoints(int64_t partner_id) override;
  absl::StatusOr<RecognitionFacts> Facts(int64_t user_id, absl::Time now) override;
  absl::StatusOr<cim::v1::Badge> InsertBadge(const cim::v1::Badge& badge, int64_t created_by,
                                             absl::Time now) override;
  absl::StatusOr<std::vector<cim::v1::Badge>> ListBadges(int64_t after_id, int limit,
                                                         bool include_archived) override;
  absl::StatusOr<cim::v1::Badge> GetBadge(int64_t id) override;
  absl::StatusOr<cim::v1::Badge> UpdateBadge(const cim::v1::Badge& badge,
                                             bool award_again) override;
  absl::StatusOr<absl::flat_hash_map<int64_t, absl::Time>> Awards(int64_t user_id) override;
  absl::StatusOr<bool> NameHidden(int64_t user_id) override;
  absl::Status SetNameHidden(int64_t user_id, bool hidden) override;
  absl::StatusOr<cim::v1::Leaderboard> InsertLeaderboard(const cim::v1::Leaderboard& board,
                                                         int64_t created_by,
                                                         absl::Time now) override;
  absl::StatusOr<cim::v1::Leaderboard> UpdateLeaderboard(
      const cim::v1::Leaderboard& board) override;
  absl::StatusOr<std::vector<cim::v1::Leaderboard>> ListLeaderboards(int64_t program_id) override;
  absl::StatusOr<cim::v1::Leaderboard> GetLeaderboard(int64_t id) override;
  absl::StatusOr<absl::flat_hash_map<int64_t, ParticipantName>> ParticipantNames(
      cim::v1::LeaderboardScope scope, const std::vector<int64_t>& ids) override;
  absl::StatusOr<bool> ChallengeExists(int64_t challenge_id) override;
  absl::StatusOr<std::string> ProgressVersion(int64_t user_id, int64_t partner_id) override;
  absl::StatusOr<OutboxRun> ProcessOutbox(const OutboxRules& rules, int limit,
                                          absl::Time now) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_RECOGNITION_MYSQL_RECOGNITION_REPOSITORY_H_
