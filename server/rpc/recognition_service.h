// gRPC adapter for cim.v1.RecognitionService: recognition's RPCs go to Recognition, training's
// (modules, completions, certifications) to Training.
#ifndef CIM_SERVER_RPC_RECOGNITION_SERVICE_H_
#define CIM_SERVER_RPC_RECOGNITION_SERVICE_H_

#include "cim/v1/recognition_service.grpc.pb.h"
#include "server/identity/authenticator.h"
#include "server/recognition/recognition.h"
#include "server/rpc/rpc_handler.h"
#include "server/training/training.h"

namespace cim {

class RecognitionServiceImpl final : public cim::v1::RecognitionService::Service {
 public:
  RecognitionServiceImpl(Authenticator& auth, Recognition& recognition, Training& training)
      : rpc_(auth, cim::v1::RecognitionService::service_full_name()),
        recognition_(recognition),
        training_(training) {}

  grpc::Status ListLevels(grpc::ServerContext* context, const cim::v1::ListLevelsRequest* request,
                          cim::v1::ListLevelsResponse* response) override;
  grpc::Status SetLevels(grpc::ServerContext* context, const cim::v1::SetLevelsRequest* request,
                         cim::v1::ListLevelsResponse* response) override;
  grpc::Status GetRecognitionSummary(grpc::ServerContext* context,
                                     const cim::v1::GetRecognitionSummaryRequest* request,
                                     cim::v1::RecognitionSummary* response) override;
  grpc::Status SetLeaderboardPrivacy(grpc::ServerContext* context,
                                     const cim::v1::SetLeaderboardPrivacyRequest* request,
                                     cim::v1::RecognitionSummary* response) override;
  grpc::Status CreateBadge(grpc::ServerContext* context, const cim::v1::CreateBadgeRequest* request,
                           cim::v1::Badge* response) override;
  grpc::Status UpdateBadge(grpc::ServerContext* context, const cim::v1::UpdateBadgeRequest* request,
                           cim::v1::Badge* response) override;
  grpc::Status ListBadges(grpc::ServerContext* context, const cim::v1::ListBadgesRequest* request,
                          cim::v1::ListBadgesResponse* response) override;
  grpc::Status ListUserBadges(grpc::ServerContext* context,
                              const cim::v1::ListUserBadgesRequest* request,
                              cim::v1::ListUserBadgesResponse* response) override;
  grpc::Status CreateLeaderboard(grpc::ServerContext* context,
                                 const cim::v1::CreateLeaderboardRequest* request,
                                 cim::v1::Leaderboard* response) override;
  grpc::Status UpdateLeaderboard(grpc::ServerContext* context,
                                 const cim::v1::UpdateLeaderboardRequest* request,
                                 cim::v1::Leaderboard* response) override;
  grpc::Status ListLeaderboards(grpc::ServerContext* context,
                                const cim::v1::ListLeaderboardsRequest* request,
                                cim::v1::ListLeaderboardsResponse* response) override;
  grpc::Status GetLeaderboard(grpc::ServerContext* context,
                              const cim::v1::GetLeaderboardRequest* request,
                              cim::v1::GetLeaderboardResponse* response) override;
  grpc::Status CreateTrainingModule(grpc::ServerContext* context,
                                    const cim::v1::CreateTrainingModuleRequest* request,
                                    cim::v1::TrainingModule* response) override;
  grpc::Status UpdateTrainingModule(grpc::ServerContext* context,
                                    const cim::v1::UpdateTrainingModuleRequest* request,
                                    cim::v1::TrainingModule* response) override;
  grpc::Status ListTrainingModules(grpc::ServerContext* context,
                                   const cim::v1::ListTrainingModulesRequest* request,
                                   cim::v1::ListTrainingModulesResponse* response) override;
  grpc::Status CompleteTraining(grpc::ServerContext* context,
                                const cim::v1::CompleteTrainingRequest* request,
                                cim::v1::TrainingCompletion* response) override;
  grpc::Status ListCertifications(grpc::ServerContext* context,
                                  const cim::v1::ListCertificationsRequest* request,
                                  cim::v1::ListCertificationsResponse* response) override;
  grpc::Status WatchProgress(grpc::ServerContext* context,
                             const cim::v1::WatchProgressRequest* request,
                             grpc::ServerWriter<cim::v1::ProgressUpdate>* writer) override;
  grpc::Status WatchLeaderboard(
      grpc::ServerContext* context, const cim::v1::GetLeaderboardRequest* request,
      grpc::ServerWriter<cim::v1::GetLeaderboardResponse>* writer) override;

  // How often the streams check for changes (default 250 ms).
  void set_watch_poll(absl::Duration poll) { watch_poll_ = poll; }

 private:
  RpcHandler rpc_;
  Recognition& recognition_;
  Training& training_;
  absl::Duration watch_poll_ = absl::Milliseconds(250);
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_RECOGNITION_SERVICE_H_
