// Storage of NPS surveys and their responses.
#ifndef CIM_SERVER_ENGAGEMENT_SURVEY_REPOSITORY_H_
#define CIM_SERVER_ENGAGEMENT_SURVEY_REPOSITORY_H_

#include <cstdint>
#include <optional>
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
  // Every survey (archived ones only with `include_archived`), newest first.
  virtual absl::StatusOr<std::vector<cim::v1::Survey>> ListSurveys(bool include_archived) = 0;
  // The survey with its archived flag and etag (its row version); NOT_FOUND if none has `id`.
  virtual absl::StatusOr<cim::v1::Survey> GetSurvey(int64_t id) = 0;
  // Stores the editable fields of `survey` (title, question, comment_enabled, audience, open
  // and close time, archived) if its row is still at the version `survey.etag()` names, and
  // bumps that version; returns it as GetSurvey reads it back. In the same transaction, with
  // the survey's row locked: with `only_unanswered`, FAILED_PRECONDITION if the survey has a
  // response (then its question and audience are fixed); with `notify_partners`, the
  // SURVEY_OPEN notices not sent yet are replaced by one for each partner in it, due at the
  // (new) open time. ABORTED (ChangedSinceReadError) if the row changed since it was read,
  // NOT_FOUND if none has its id.
  virtual absl::StatusOr<cim::v1::Survey> UpdateSurvey(
      const cim::v1::Survey& survey, bool only_unanswered,
      const std::optional<std::vector<int64_t>>& notify_partners) = 0;
  // The ids of the surveys the user responded to.
  virtual absl::StatusOr<absl::flat_hash_set<int64_t>> RespondedSurveys(int64_t user_id) = 0;
  // Stores the user's response (the partner's type and region as they are now). In the same
  // transaction, with the survey's row locked against a concurrent UpdateSurvey:
  // FAILED_PRECONDITION if the survey is archived; the first response bumps the survey's
  // version (its etag), so that an edit of its question or audience made concurrently, on
  // whichever database node, conflicts with it. ALREADY_EXISTS if the user responded before;
  // NOT_FOUND if there is no such survey.
  virtual absl::Status InsertResponse(int64_t survey_id, int64_t user_id, int64_t partner_id,
                                      cim::v1::PartnerType type, const std::string& region,
                                      int score, const std::string& comment, absl::Time now) = 0;
  // The responses of partner `partner_id` (0: of every partner) counted per partner type,
  // region and score (empty if none).
  virtual absl::StatusOr<std::vector<SurveyResponseCount>> ResponseCounts(int64_t survey_id,
                                                                          int64_t partner_id) = 0;
  // The latest `limit` comments (non-empty ones) of partner `partner_id` (0: of every
  // partner), newest first.
  virtual absl::StatusOr<std::vector<cim::v1::SurveyComment>> Comments(int64_t survey_id,
                                                                       int64_t partner_id,
                                                                       int limit) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_ENGAGEMENT_SURVEY_REPOSITORY_H_
