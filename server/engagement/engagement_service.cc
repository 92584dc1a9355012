#include "server/engagement/engagement_service.h"

#include "server/identity/call_auth.h"

namespace cim {

// Each RPC authenticates the caller and hands the request to Engagement.
#define CIM_ENGAGEMENT_RPC(Method, Request, Response)                         \
  grpc::Status EngagementServiceImpl::Method(grpc::ServerContext* context,    \
                                             const cim::v1::Request* request, \
                                             cim::v1::Response* response) {   \
    return WithPrincipal(auth_, *context, [&](const Principal& p) {           \
      return Assign(engagement_.Method(p, *request), response);               \
    });                                                                       \
  }
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

}  // namespace cim
