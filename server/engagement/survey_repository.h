// Storage of NPS surveys and their responses.
#ifndef CIM_SERVER_ENGAGEMENT_SURVEY_REPOSITORY_H_
#define CIM_SERVER_ENGAGEMENT_SURVEY_REPOSITORY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cim/v1/engagement.pb.h"

namespace cim {

// Responses to a survey: counts per partner type, region and score.
struct SurveyResponseCount {
  cim::v1::PartnerType type = cim::v1::PARTNER_TYPE_UNSPECIFIED;
  std::string region;
  int score = 0;
  int64_t count = 0;
};

class SurveyRepository {
 public:
  virtual ~SurveyRepository() = default;

  // Stores `survey` and, in the same transaction, a SURVEY_OPEN notification event for each
  // partner in `notify_partners` due at its open time; returns it as read back, with its id.
  virtual absl::StatusOr<cim::v1::Survey> InsertSurvey(
      const cim::v1::Survey& survey, int64_t created_by, absl::Time now,
      const std::vector<int64_t>& notify_partners) = 0;
  // Every survey, newest first.
  virtual absl::StatusOr<std::vector<cim::v1::Survey>> ListSurveys() = 0;
  // The survey; NOT_FOUND if none has `id`.
  virtual absl::StatusOr<cim::v1::Survey> GetSurvey(int64_t id) = 0;
  // The ids of the surveys the user responded to.
  virtual absl::StatusOr<absl::flat_hash_set<int64_t>> RespondedSurveys(int64_t user_id) = 0;
  // Stores the user's response (the partner's type and region as they are now). ALREADY_EXISTS
  // if the user responded before.
  virtual absl::Status InsertResponse(int64_t survey_id, int64_t user_id, int64_t partner_id,
                                      cim::v1::PartnerType type, const std::string& region,
                                      int score, const std::string& comment, absl::Time now) = 0;
  // The responses counted per partner type, region and score (empty if none).
  virtual absl::StatusOr<std::vector<SurveyResponseCount>> ResponseCounts(int64_t survey_id) = 0;
  // The latest `limit` comments (non-empty ones), newest first.
  virtual absl::StatusOr<std::vector<cim::v1::SurveyComment>> Comments(int64_t survey_id,
                                                                       int limit) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_ENGAGEMENT_SURVEY_REPOSITORY_H_
