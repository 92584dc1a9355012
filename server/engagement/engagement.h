// Engagement for callers: who may give kudos, post spotlights, define, edit and archive
// challenges and surveys; the feed's scoping; challenge progress and survey results. No gRPC,
// no SQL.
#ifndef CIM_SERVER_ENGAGEMENT_ENGAGEMENT_H_
#define CIM_SERVER_ENGAGEMENT_ENGAGEMENT_H_

#include "absl/status/statusor.h"
#include "cim/v1/engagement_service.pb.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "server/engagement/challenge_repository.h"
#include "server/engagement/engagement_rules.h"
#include "server/engagement/feed_repository.h"
#include "server/engagement/kudos_repository.h"
#include "server/engagement/survey_repository.h"
#include "server/identity/partner_repository.h"
#include "server/identity/user_repository.h"
#include "server/program/program_directory.h"

namespace cim {

// The stores Engagement works on, one per concern.
struct EngagementStores {
  KudosRepository& kudos;
  FeedRepository& feed;
  ChallengeRepository& challenges;
  SurveyRepository& surveys;
};

class Engagement {
 public:
  Engagement(const EngagementStores& stores, UserRepository& users, PartnerRepository& partners,
             ProgramDirectory& programs, const Clock& clock)
      : kudos_(stores.kudos),
        feed_(stores.feed),
        challenges_(stores.challenges),
        surveys_(stores.surveys),
        users_(users),
        partners_(partners),
        programs_(programs),
        clock_(clock) {}

  // Every RPC: PERMISSION_DENIED where the caller's role does not allow it, INVALID_ARGUMENT
  // with field violations for bad requests, NOT_FOUND for unknown (or another partner's) ids.
  // RESOURCE_EXHAUSTED beyond the giver's budget.
  absl::StatusOr<cim::v1::Kudos> GiveKudos(const Principal& caller,
                                           const cim::v1::GiveKudosRequest& request);
  absl::StatusOr<cim::v1::FeedEntry> PostSpotlight(const Principal& caller,
                                                   const cim::v1::PostSpotlightRequest& request);
  absl::StatusOr<cim::v1::ListFeedResponse> ListFeed(const Principal& caller,
                                                     const cim::v1::ListFeedRequest& request);
  absl::StatusOr<cim::v1::KudosBudget> SetKudosBudget(
      const Principal& caller, const cim::v1::SetKudosBudgetRequest& request);
  absl::StatusOr<cim::v1::KudosBudget> GetKudosBudget(
      const Principal& caller, const cim::v1::GetKudosBudgetRequest& request);
  absl::StatusOr<cim::v1::Challenge> CreateChallenge(
      const Principal& caller, const cim::v1::CreateChallengeRequest& request);
  // Program admins change the fields `update_mask` names (validated as CreateChallenge does;
  // INVALID_ARGUMENT without an id or a mask). NOT_FOUND for an unknown id; ABORTED when
  // `challenge.etag` is given and the challenge changed since (ChangedSinceReadError). Before
  // the start everything may change, but a changed start_time may not lie in the past; once
  // started (start_time <= now) a changed goal, audience, program_id or start_time is
  // FAILED_PRECONDITION (values sent unchanged are fine). A changed end_time may not lie in the
  // past. New reward_points count for completions from then on: the outbox processor posts the
  // reward the challenge has when someone completes it; completions made keep what they were
  // posted. `archived` true: the challenge counts no more events (events while it is archived
  // are never counted) and is listed only to vendor roles asking for archived ones; completions,
  // their points and badges stay. false restores it. Each update bumps the etag.
  absl::StatusOr<cim::v1::Challenge> UpdateChallenge(
      const Principal& caller, const cim::v1::UpdateChallengeRequest& request);
  // Partner users: the running and upcoming (with include_ended, also ended) challenges of
  // their audience and enrolled programs with their progress, never archived ones
  // (include_archived is ignored for them). Vendor roles: all, archived ones with
  // include_archived.
  absl::StatusOr<cim::v1::ListChallengesResponse> ListChallenges(
      const Principal& caller, const cim::v1::ListChallengesRequest& request);
  // Program admins and channel managers; the survey's audience is told when it opens.
  absl::StatusOr<cim::v1::Survey> CreateSurvey(const Principal& caller,
                                               const cim::v1::CreateSurveyRequest& request);
  // Program admins and channel managers change the fields `update_mask` names (validated as
  // CreateSurvey does; INVALID_ARGUMENT without an id or a mask). NOT_FOUND for an unknown id;
  // ABORTED when `survey.etag` is given and the survey changed since. A changed question or
  // audience is FAILED_PRECONDITION once the survey has a response (checked in the update's
  // transaction, so a first response cannot slip in between); a changed open_time is
  // FAILED_PRECONDITION once it opened, and may not lie in the past before; a changed
  // close_time may not lie in the past (nor before open_time). Until it opens, the notices
  // telling its audience it is open are written anew (none while archived). `archived` true:
  // listed only to vendor roles asking for archived ones, no more responses; results stay
  // readable to vendor roles. false restores it. Each update bumps the etag.
  absl::StatusOr<cim::v1::Survey> UpdateSurvey(const Principal& caller,
                                               const cim::v1::UpdateSurveyRequest& request);
  // Newest first. Partner users: the surveys of their audience, never archived ones
  // (include_archived is ignored for them). Vendor roles: all, archived ones with
  // include_archived.
  absl::StatusOr<cim::v1::ListSurveysResponse> ListSurveys(
      const Principal& caller, const cim::v1::ListSurveysRequest& request);
  // ALREADY_EXISTS for a second response; FAILED_PRECONDITION outside the survey's window or
  // when it is archived (checked in the insert's transaction).
  absl::StatusOr<cim::v1::RespondToSurveyResponse> RespondToSurvey(
      const Principal& caller, const cim::v1::RespondToSurveyRequest& request);
  // NPS overall, by partner type and by region, and the latest comments. Vendor roles: of
  // every partner's responses, or of `partner_id`'s (NOT_FOUND for an unknown partner).
  // Partner admins: of their own partner's responses only (`partner_id` 0 or their own;
  // another partner's is NOT_FOUND, as PartnerReadScope answers), and only for a survey of
  // their audience that is not archived (NOT_FOUND otherwise). Partner reps:
  // PERMISSION_DENIED.
  absl::StatusOr<cim::v1::SurveyResults> GetSurveyResults(
      const Principal& caller, const cim::v1::GetSurveyResultsRequest& request);

 private:
  // The caller's partner (partner roles).
  absl::StatusOr<Partner> CallerPartner(const Principal& caller);
  // Adds a violation unless `program_id` (> 0) names a program.
  absl::Status CheckChallengeProgram(const Principal& caller, int64_t program_id,
                                     FieldErrors& errors);
  // The active partners in `audience`.
  absl::StatusOr<std::vector<int64_t>> AudiencePartners(const cim::v1::Audience& audience);
  static AudienceMember MemberOf(const Partner& partner) {
    return {partner.type(), partner.region(), partner.tier()};
  }

  KudosRepository& kudos_;
  FeedRepository& feed_;
  ChallengeRepository& challenges_;
  SurveyRepository& surveys_;
  UserRepository& users_;
  PartnerRepository& partners_;
  ProgramDirectory& programs_;
  const Clock& clock_;
};

}  // namespace cim

#endif  // CIM_SERVER_ENGAGEMENT_ENGAGEMENT_H_
