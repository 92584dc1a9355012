// gRPC adapter for cim.v1.EngagementService.
#ifndef CIM_SERVER_RPC_ENGAGEMENT_SERVICE_H_
#define CIM_SERVER_RPC_ENGAGEMENT_SERVICE_H_

#include "cim/v1/engagement_service.grpc.pb.h"
#include "server/engagement/engagement.h"
#include "server/identity/authenticator.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

// Every EngagementService RPC as X(method, request type, response type): the adapter declares
// and defines each from this one list.
#define CIM_ENGAGEMENT_RPCS(X)                                        \
  X(GiveKudos, GiveKudosRequest, Kudos)                               \
  X(PostSpotlight, PostSpotlightRequest, FeedEntry)                   \
  X(ListFeed, ListFeedRequest, ListFeedResponse)                      \
  X(SetKudosBudget, SetKudosBudgetRequest, KudosBudget)               \
  X(GetKudosBudget, GetKudosBudgetRequest, KudosBudget)               \
  X(CreateChallenge, CreateChallengeRequest, Challenge)               \
  X(UpdateChallenge, UpdateChallengeRequest, Challenge)               \
  X(ListChallenges, ListChallengesRequest, ListChallengesResponse)    \
  X(CreateSurvey, CreateSurveyRequest, Survey)                        \
  X(UpdateSurvey, UpdateSurveyRequest, Survey)                        \
  X(ListSurveys, ListSurveysRequest, ListSurveysResponse)             \
  X(RespondToSurvey, RespondToSurveyRequest, RespondToSurveyResponse) \
  X(GetSurveyResults, GetSurveyResultsRequest, SurveyResults)

class EngagementServiceImpl final : public cim::v1::EngagementService::Service {
 public:
  EngagementServiceImpl(Authenticator& auth, Engagement& engagement)
      : rpc_(auth, cim::v1::EngagementService::service_full_name()), engagement_(engagement) {}

#define CIM_ENGAGEMENT_RPC(Method, Request, Response)                                \
  grpc::Status Method(grpc::ServerContext* context, const cim::v1::Request* request, \
                      cim::v1::Response* response) override;
  CIM_ENGAGEMENT_RPCS(CIM_ENGAGEMENT_RPC)
#undef CIM_ENGAGEMENT_RPC

 private:
  RpcHandler rpc_;
  Engagement& engagement_;
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_ENGAGEMENT_SERVICE_H_
