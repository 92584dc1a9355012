// Engagement for callers: who may give kudos, post spotlights, define challenges and surveys;
// the feed's scoping; challenge progress and survey results. No gRPC, no SQL.
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
  absl::StatusOr<cim::v1::ListChallengesResponse> ListChallenges(
      const Principal& caller, const cim::v1::ListChallengesRequest& request);
  absl::StatusOr<cim::v1::Survey> CreateSurvey(const Principal& caller,
                                               const cim::v1::CreateSurveyRequest& request);
  absl::StatusOr<cim::v1::ListSurveysResponse> ListSurveys(
      const Principal& caller, const cim::v1::ListSurveysRequest& request);
  // ALREADY_EXISTS for a second response; FAILED_PRECONDITION outside the survey's window.
  absl::StatusOr<cim::v1::RespondToSurveyResponse> RespondToSurvey(
      const Principal& caller, const cim::v1::RespondToSurveyRequest& request);
  absl::StatusOr<cim::v1::SurveyResults> GetSurveyResults(
      const Principal& caller, const cim::v1::GetSurveyResultsRequest& request);

 private:
  // The caller's partner (partner roles).
  absl::StatusOr<Partner> CallerPartner(const Principal& caller);
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
