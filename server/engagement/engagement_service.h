// gRPC adapter for cim.v1.EngagementService.
#ifndef CIM_SERVER_ENGAGEMENT_ENGAGEMENT_SERVICE_H_
#define CIM_SERVER_ENGAGEMENT_ENGAGEMENT_SERVICE_H_

#include "cim/v1/engagement_service.grpc.pb.h"
#include "server/engagement/engagement.h"
#include "server/identity/authenticator.h"

namespace cim {

class EngagementServiceImpl final : public cim::v1::EngagementService::Service {
 public:
  EngagementServiceImpl(Authenticator& auth, Engagement& engagement)
      : auth_(auth), engagement_(engagement) {}

#define CIM_ENGAGEMENT_RPC(Method, Request, Response)                                \
  grpc::Status Method(grpc::ServerContext* context, const cim::v1::Request* request, \
                      cim::v1::Response* response) override;
  CIM_ENGAGEMENT_RPC(GiveKudos, GiveKudosRequest, Kudos)
  CIM_ENGAGEMENT_RPC(PostSpotlight, PostSpotlightRequest, FeedEntry)
  CIM_ENGAGEMENT_RPC(ListFeed, ListFeedRequest, ListFeedResponse)
  CIM_ENGAGEMENT_RPC(SetKudosBudget, SetKudosBudgetRequest, KudosBudget)
  CIM_ENGAGEMENT_RPC(GetKudosBudget, GetKudosBudgetRequest, KudosBudget)
  CIM_ENGAGEMENT_RPC(CreateChallenge, CreateChallengeRequest, Challenge)
  CIM_ENGAGEMENT_RPC(ListChallenges, ListChallengesRequest, ListChallengesResponse)
  CIM_ENGAGEMENT_RPC(CreateSurvey, CreateSurveyRequest, Survey)
  CIM_ENGAGEMENT_RPC(ListSurveys, ListSurveysRequest, ListSurveysResponse)
  CIM_ENGAGEMENT_RPC(RespondToSurvey, RespondToSurveyRequest, RespondToSurveyResponse)
  CIM_ENGAGEMENT_RPC(GetSurveyResults, GetSurveyResultsRequest, SurveyResults)
#undef CIM_ENGAGEMENT_RPC

 private:
  Authenticator& auth_;
  Engagement& engagement_;
};

}  // namespace cim

#endif  // CIM_SERVER_ENGAGEMENT_ENGAGEMENT_SERVICE_H_
