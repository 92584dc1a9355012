// gRPC adapter for cim.v1.ClaimService: authenticate, call the claim workflow, map the status
// once. Uploads and downloads stream in chunks; claim events stream as they happen.
#ifndef CIM_SERVER_RPC_CLAIM_SERVICE_H_
#define CIM_SERVER_RPC_CLAIM_SERVICE_H_

#include "cim/v1/claim_service.grpc.pb.h"
#include "server/claim/claim_workflow.h"
#include "server/identity/authenticator.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

class ClaimServiceImpl final : public cim::v1::ClaimService::Service {
 public:
  ClaimServiceImpl(Authenticator& auth, ClaimWorkflow& workflow)
      : rpc_(auth, cim::v1::ClaimService::service_full_name()), workflow_(workflow) {}

  grpc::Status SubmitClaim(grpc::ServerContext* context, const cim::v1::SubmitClaimRequest* request,
                           cim::v1::Claim* response) override;
  grpc::Status GetClaim(grpc::ServerContext* context, const cim::v1::GetClaimRequest* request,
                        cim::v1::Claim* response) override;
  grpc::Status ListClaims(grpc::ServerContext* context, const cim::v1::ListClaimsRequest* request,
                          cim::v1::ListClaimsResponse* response) override;
  grpc::Status ResubmitClaim(grpc::ServerContext* context,
                             const cim::v1::ResubmitClaimRequest* request,
                             cim::v1::Claim* response) override;
  grpc::Status StartClaimReview(grpc::ServerContext* context,
                                const cim::v1::ReviewClaimRequest* request,
                                cim::v1::Claim* response) override;
  grpc::Status ApproveClaim(grpc::ServerContext* context,
                            const cim::v1::ReviewClaimRequest* request,
                            cim::v1::Claim* response) override;
  grpc::Status RejectClaim(grpc::ServerContext* context, const cim::v1::ReviewClaimRequest* request,
                           cim::v1::Claim* response) override;
  grpc::Status RequestClaimInfo(grpc::ServerContext* context,
                                const cim::v1::ReviewClaimRequest* request,
                                cim::v1::Claim* response) override;
  grpc::Status UploadAttachment(grpc::ServerContext* context,
                                grpc::ServerReader<cim::v1::UploadAttachmentRequest>* reader,
                                cim::v1::Attachment* response) override;
  grpc::Status DownloadAttachment(
      grpc::ServerContext* context, const cim::v1::DownloadAttachmentRequest* request,
      grpc::ServerWriter<cim::v1::DownloadAttachmentResponse>* writer) override;
  // Checks for new events every `watch_poll` (see set_watch_poll) until the client cancels.
  grpc::Status WatchClaimEvents(grpc::ServerContext* context,
                                const cim::v1::WatchClaimEventsRequest* request,
                                grpc::ServerWriter<cim::v1::ClaimEventNotice>* writer) override;

  // How often WatchClaimEvents checks for new events (default 500 ms).
  void set_watch_poll(absl::Duration poll) { watch_poll_ = poll; }

 private:
  grpc::Status Review(grpc::ServerContext* context, const cim::v1::ReviewClaimRequest* request,
                      ClaimAction action, const char* rpc, cim::v1::Claim* response);

  RpcHandler rpc_;
  ClaimWorkflow& workflow_;
  absl::Duration watch_poll_ = absl::Milliseconds(500);
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_CLAIM_SERVICE_H_
