// Engagement's pure rules: validation of kudos, spotlight posts, challenges and surveys and of
// edits to challenges and surveys; who an audience covers; NPS maths; and how an event moves a
// challenge. No gRPC, no SQL.
#ifndef CIM_SERVER_ENGAGEMENT_ENGAGEMENT_RULES_H_
#define CIM_SERVER_ENGAGEMENT_ENGAGEMENT_RULES_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "cim/v1/engagement.pb.h"
#include "cim/v1/engagement_service.pb.h"
#include "google/protobuf/field_mask.pb.h"
#include "lib/decimal.h"
#include "lib/status_util.h"
#include "server/events/outbox_event.h"

namespace cim {

// Kudos points per gift and budgets per month.
inline constexpr int64_t kMaxKudosPoints = 10'000;
inline constexpr int64_t kMaxKudosBudget = 100'000'000;

// The partner attributes an audience is matched against.
struct AudienceMember {
  cim::v1::PartnerType type = cim::v1::PARTNER_TYPE_UNSPECIFIED;
  std::string region;
  std::string tier;
};

// Adds a violation per bad list entry of `audience` under `prefix` ("survey.audience.").
void ValidateAudience(const cim::v1::Audience& audience, const std::string& prefix,
                      FieldErrors& errors);
// Whether `member` is in `audience` (each non-empty list must contain its attribute).
bool InAudience(const cim::v1::Audience& audience, const AudienceMember& member);

// The kudos points of `request` (0 for none), or nullopt after adding violations for its bad
// fields (recipient_user_id, message, points, visibility, request_id).
std::optional<Decimal> ValidateKudos(const cim::v1::GiveKudosRequest& request, FieldErrors& errors);
void ValidateSpotlight(const cim::v1::PostSpotlightRequest& request, FieldErrors& errors);
// PUBLIC for UNSPECIFIED.
cim::v1::FeedVisibility VisibilityOrPublic(cim::v1::FeedVisibility v);

// Violations for a new challenge's fields under "challenge." (title, description, times,
// program_id, audience, goal, reward_points); the program is not looked up here.
void ValidateChallenge(const cim::v1::Challenge& challenge, FieldErrors& errors);
// Violations for a new survey's fields under "survey.".
void ValidateSurvey(const cim::v1::Survey& survey, FieldErrors& errors);
// The challenge `current` becomes when the fields `mask` names are taken from `in` (the title
// trimmed); the id and etag stay `current`'s. Paths outside UpdateChallengeRequest's list are
// ignored (the RPC handler refuses them).
cim::v1::Challenge EditedChallenge(const cim::v1::Challenge& current, const cim::v1::Challenge& in,
                                   const google::protobuf::FieldMask& mask);
// The rules of an edit from `before` to `after` at `now`, beyond ValidateChallenge: an end_time
// that changed, and before the start a start_time that changed, may not lie before `now`
// (violations added to `errors`); once `before` has started (start_time <= now), what it asks
// and who takes part (goal, audience, program_id, start_time) no longer change:
// FAILED_PRECONDITION naming the first that did. Values that stay as they were are never
// refused, whatever the mask names. OK otherwise.
absl::Status CheckChallengeEdit(const cim::v1::Challenge& before, const cim::v1::Challenge& after,
                                absl::Time now, FieldErrors& errors);

// The survey `current` becomes when the fields `mask` names are taken from `in` (the title
// trimmed); as EditedChallenge.
cim::v1::Survey EditedSurvey(const cim::v1::Survey& current, const cim::v1::Survey& in,
                             const google::protobuf::FieldMask& mask);
// The rules of an edit from `before` to `after` at `now`, beyond ValidateSurvey: a close_time
// that changed, and before the opening an open_time that changed, may not lie before `now`
// (violations added to `errors`); open_time no longer changes once `before` has opened
// (open_time <= now): FAILED_PRECONDITION. OK otherwise. (That question and audience change
// only while there is no response is checked by the store, in the update's transaction: see
// AsksSomethingElse.)
absl::Status CheckSurveyEdit(const cim::v1::Survey& before, const cim::v1::Survey& after,
                             absl::Time now, FieldErrors& errors);
// Whether `after` asks something else than `before`, or asks other partners (question or
// audience changed): allowed only while the survey has no response.
bool AsksSomethingElse(const cim::v1::Survey& before, const cim::v1::Survey& after);

// Violations for a response (score, comment) to `survey`.
void ValidateResponse(const cim::v1::Survey& survey, const cim::v1::RespondToSurveyRequest& request,
                      FieldErrors& errors);

// Responses per score, 0 to 10.
using ScoreCounts = std::array<int64_t, 11>;
// NPS of a group from its response counts.
cim::v1::NpsResult Nps(const std::string& group, const ScoreCounts& counts);

// How much `event` moves a challenge toward `goal`: a count of 1, an amount, points or (for
// PRODUCT_UNITS) `units_of_sku`, the units of the goal's SKU on the event's claim. Zero when
// the event does not count for the goal.
Decimal ChallengeStep(const cim::v1::ChallengeGoal& goal, const OutboxEvent& event,
                      int64_t units_of_sku);
// A participant's progress in words ("12 of 20 units of SRV-100").
cim::v1::ChallengeProgress ChallengeProgressOf(const cim::v1::ChallengeGoal& goal,
                                               const Decimal& progress,
                                               std::optional<absl::Time> completed_at);

// The feed headline of kudos from `giver` to `recipient` (display names), as a phrase.
std::string KudosHeadline(absl::string_view giver, absl::string_view recipient);

}  // namespace cim

#endif  // CIM_SERVER_ENGAGEMENT_ENGAGEMENT_RULES_H_
