#include "server/rpc/claim_service.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "lib/content_type.h"
#include "server/rpc/call_auth.h"
#include "server/rpc/rpc_handler.h"
#include "server/rpc/upload_stream.h"

namespace cim {

grpc::Status ClaimServiceImpl::SubmitClaim(grpc::ServerContext* context,
                                           const cim::v1::SubmitClaimRequest* request,
                                           cim::v1::Claim* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.Submit(p, *request), response);
  });
}

grpc::Status ClaimServiceImpl::GetClaim(grpc::ServerContext* context,
                                        const cim::v1::GetClaimRequest* request,
                                        cim::v1::Claim* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.Get(p, request->claim_id()), response);
  });
}

grpc::Status ClaimServiceImpl::ListClaims(grpc::ServerContext* context,
                                          const cim::v1::ListClaimsRequest* request,
                                          cim::v1::ListClaimsResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.List(p, *request), response);
  });
}

grpc::Status ClaimServiceImpl::ResubmitClaim(grpc::ServerContext* context,
                                             const cim::v1::ResubmitClaimRequest* request,
                                             cim::v1::Claim* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.Resubmit(p, *request), response);
  });
}

grpc::Status ClaimServiceImpl::Review(grpc::ServerContext* context,
                                      const cim::v1::ReviewClaimRequest* request,
                                      ClaimAction action, const char* rpc,
                                      cim::v1::Claim* response) {
  return rpc_.Run(*context, rpc, *request, response, [&](const Principal& p) {
    return Assign(workflow_.Review(p, *request, action), response);
  });
}

grpc::Status ClaimServiceImpl::StartClaimReview(grpc::ServerContext* context,
                                                const cim::v1::ReviewClaimRequest* request,
                                                cim::v1::Claim* response) {
  return Review(context, request, ClaimAction::kStartReview, __func__, response);
}

grpc::Status ClaimServiceImpl::ApproveClaim(grpc::ServerContext* context,
                                            const cim::v1::ReviewClaimRequest* request,
                                            cim::v1::Claim* response) {
  return Review(context, request, ClaimAction::kApprove, __func__, response);
}

grpc::Status ClaimServiceImpl::RejectClaim(grpc::ServerContext* context,
                                           const cim::v1::ReviewClaimRequest* request,
                                           cim::v1::Claim* response) {
  return Review(context, request, ClaimAction::kReject, __func__, response);
}

grpc::Status ClaimServiceImpl::RequestClaimInfo(grpc::ServerContext* context,
                                                const cim::v1::ReviewClaimRequest* request,
                                                cim::v1::Claim* response) {
  return Review(context, request, ClaimAction::kRequestInfo, __func__, response);
}

grpc::Status ClaimServiceImpl::UploadAttachment(
    grpc::ServerContext* context, grpc::ServerReader<cim::v1::UploadAttachmentRequest>* reader,
    cim::v1::Attachment* response) {
  return rpc_.RunStreaming(*context, __func__, response, [&](const Principal& p) -> absl::Status {
    cim::v1::AttachmentMetadata metadata;
    std::string bytes;
    CIM_RETURN_IF_ERROR(ReadUpload(*context, *reader, kMaxAttachmentBytes, metadata, bytes));
    return Assign(workflow_.Upload(p, metadata, bytes), response);
  });
}

grpc::Status ClaimServiceImpl::DownloadAttachment(
    grpc::ServerContext* context, const cim::v1::DownloadAttachmentRequest* request,
    grpc::ServerWriter<cim::v1::DownloadAttachmentResponse>* writer) {
  return rpc_.Run(*context, __func__, *request, nullptr, [&](const Principal& p) {
    cim::v1::DownloadAttachmentResponse message;
    return workflow_.Download(
        p, request->attachment_id(),
        [&](const cim::v1::Attachment& metadata) {
          *message.mutable_metadata() = metadata;
          writer->Write(message);
        },
        [&](const std::string& chunk) {
          message.set_chunk(chunk);
          return writer->Write(message);
        });
  });
}

grpc::Status ClaimServiceImpl::WatchClaimEvents(
    grpc::ServerContext* context, const cim::v1::WatchClaimEventsRequest* request,
    grpc::ServerWriter<cim::v1::ClaimEventNotice>* writer) {
  return rpc_.Run(*context, __func__, *request, nullptr, [&](const Principal& p) {
    return workflow_.Watch(
        p, *request, watch_poll_,
        [&](absl::Duration poll) { return WaitUnlessCancelled(*context, poll); },
        [&](const cim::v1::ClaimEventNotice& event) { return writer->Write(ForReader(p, event)); });
  });
}

}  // namespace cim
