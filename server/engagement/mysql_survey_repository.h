// SurveyRepository on MySQL/MariaDB: NPS surveys and their responses.
#ifndef CIM_SERVER_ENGAGEMENT_MYSQL_SURVEY_REPOSITORY_H_
#define CIM_SERVER_ENGAGEMENT_MYSQL_SURVEY_REPOSITORY_H_

#include "server/db/mysql_database.h"
#include "server/engagement/survey_repository.h"

namespace cim {

class MysqlSurveyRepository final : public SurveyRepository {
 public:
  explicit MysqlSurveyRepository(MysqlDatabase& db) : db_(db) {}

  absl::StatusOr<cim::v1::Survey> InsertSurvey(
      const cim::v1::Survey& survey, int64_t created_by, absl::Time now,
      const std::vector<int64_t>& notify_partners) override;
  absl::StatusOr<std::vector<cim::v1::Survey>> ListSurveys(bool include_archived) override;
  absl::StatusOr<cim::v1::Survey> GetSurvey(int64_t id) override;
  absl::StatusOr<cim::v1::Survey> UpdateSurvey(
      const cim::v1::Survey& survey, bool only_unanswered,
      const std::optional<std::vector<int64_t>>& notify_partners) override;
  absl::StatusOr<absl::flat_hash_set<int64_t>> RespondedSurveys(int64_t user_id) override;
  absl::Status InsertResponse(int64_t survey_id, int64_t user_id, int64_t partner_id,
                              cim::v1::PartnerType type, const std::string& region, int score,
                              const std::string& comment, absl::Time now) override;
  absl::StatusOr<std::vector<SurveyResponseCount>> ResponseCounts(int64_t survey_id,
                                                                  int64_t partner_id) override;
  absl::StatusOr<std::vector<cim::v1::SurveyComment>> Comments(int64_t survey_id,
                                                               int64_t partner_id,
                                                               int limit) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_ENGAGEMENT_MYSQL_SURVEY_REPOSITORY_H_
