#include "server/rpc/recognition_service.h"

#include "server/rpc/call_auth.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

grpc::Status RecognitionServiceImpl::ListLevels(grpc::ServerContext* context,
                                                const cim::v1::ListLevelsRequest* request,
                                                cim::v1::ListLevelsResponse* response) {
  return rpc_.Run(*context, __func__, *request, response,
                  [&](const Principal& p) { return Assign(recognition_.ListLevels(p), response); });
}

grpc::Status RecognitionServiceImpl::SetLevels(grpc::ServerContext* context,
                                               const cim::v1::SetLevelsRequest* request,
                                               cim::v1::ListLevelsResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(recognition_.SetLevels(p, *request), response);
  });
}

grpc::Status RecognitionServiceImpl::GetRecognitionSummary(
    grpc::ServerContext* context, const cim::v1::GetRecognitionSummaryRequest* request,
    cim::v1::RecognitionSummary* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(recognition_.Summary(p, *request), response);
  });
}

grpc::Status RecognitionServiceImpl::SetLeaderboardPrivacy(
    grpc::ServerContext* context, const cim::v1::SetLeaderboardPrivacyRequest* request,
    cim::v1::RecognitionSummary* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(recognition_.SetLeaderboardPrivacy(p, *request), response);
  });
}

grpc::Status RecognitionServiceImpl::CreateBadge(grpc::ServerContext* context,
                                                 const cim::v1::CreateBadgeRequest* request,
                                                 cim::v1::Badge* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(recognition_.CreateBadge(p, *request), response);
  });
}

grpc::Status RecognitionServiceImpl::UpdateBadge(grpc::ServerContext* context,
                                                 const cim::v1::UpdateBadgeRequest* request,
                                                 cim::v1::Badge* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(recognition_.UpdateBadge(p, *request), response);
  });
}

grpc::Status RecognitionServiceImpl::ListBadges(grpc::ServerContext* context,
                                                const cim::v1::ListBadgesRequest* request,
                                                cim::v1::ListBadgesResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(recognition_.ListBadges(p, *request), response);
  });
}

grpc::Status RecognitionServiceImpl::ListUserBadges(grpc::ServerContext* context,
                                                    const cim::v1::ListUserBadgesRequest* request,
                                                    cim::v1::ListUserBadgesResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(recognition_.ListUserBadges(p, *request), response);
  });
}

grpc::Status RecognitionServiceImpl::CreateLeaderboard(
    grpc::ServerContext* context, const cim::v1::CreateLeaderboardRequest* request,
    cim::v1::Leaderboard* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(recognition_.CreateLeaderboard(p, *request), response);
  });
}

grpc::Status RecognitionServiceImpl::UpdateLeaderboard(
    grpc::ServerContext* context, const cim::v1::UpdateLeaderboardRequest* request,
    cim::v1::Leaderboard* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(recognition_.UpdateLeaderboard(p, *request), response);
  });
}

grpc::Status RecognitionServiceImpl::ListLeaderboards(
    grpc::ServerContext* context, const cim::v1::ListLeaderboardsRequest* request,
    cim::v1::ListLeaderboardsResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(recognition_.ListLeaderboards(p, *request), response);
  });
}

grpc::Status RecognitionServiceImpl::GetLeaderboard(grpc::ServerContext* context,
                                                    const cim::v1::GetLeaderboardRequest* request,
                                                    cim::v1::GetLeaderboardResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(recognition_.GetLeaderboard(p, *request), response);
  });
}

grpc::Status RecognitionServiceImpl::CreateTrainingModule(
    grpc::ServerContext* context, const cim::v1::CreateTrainingModuleRequest* request,
    cim::v1::TrainingModule* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(training_.CreateTrainingModule(p, *request), response);
  });
}

grpc::Status RecognitionServiceImpl::UpdateTrainingModule(
    grpc::ServerContext* context, const cim::v1::UpdateTrainingModuleRequest* request,
    cim::v1::TrainingModule* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(training_.UpdateTrainingModule(p, *request), response);
  });
}

grpc::Status RecognitionServiceImpl::ListTrainingModules(
    grpc::ServerContext* context, const cim::v1::ListTrainingModulesRequest* request,
    cim::v1::ListTrainingModulesResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(training_.ListTrainingModules(p, *request), response);
  });
}

grpc::Status RecognitionServiceImpl::CompleteTraining(
    grpc::ServerContext* context, const cim::v1::CompleteTrainingRequest* request,
    cim::v1::TrainingCompletion* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(training_.CompleteTraining(p, *request), response);
  });
}

grpc::Status RecognitionServiceImpl::ListCertifications(
    grpc::ServerContext* context, const cim::v1::ListCertificationsRequest* request,
    cim::v1::ListCertificationsResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(training_.ListCertifications(p, *request), response);
  });
}

grpc::Status RecognitionServiceImpl::WatchProgress(
    grpc::ServerContext* context, const cim::v1::WatchProgressRequest* request,
    grpc::ServerWriter<cim::v1::ProgressUpdate>* writer) {
  return rpc_.Run(*context, __func__, *request, nullptr, [&](const Principal& p) {
    return recognition_.WatchProgress(
        p, *request, watch_poll_,
        [&](absl::Duration poll) { return WaitUnlessCancelled(*context, poll); },
        [&](const cim::v1::ProgressUpdate& update) { return writer->Write(ForReader(p, update)); });
  });
}

grpc::Status RecognitionServiceImpl::WatchLeaderboard(
    grpc::ServerContext* context, const cim::v1::GetLeaderboardRequest* request,
    grpc::ServerWriter<cim::v1::GetLeaderboardResponse>* writer) {
  return rpc_.Run(*context, __func__, *request, nullptr, [&](const Principal& p) {
    return recognition_.WatchLeaderboard(
        p, *request, watch_poll_,
        [&](absl::Duration poll) { return WaitUnlessCancelled(*context, poll); },
        [&](const cim::v1::GetLeaderboardResponse& board) {
          return writer->Write(ForReader(p, board));
        });
  });
}

}  // namespace cim
