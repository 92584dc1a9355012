#include "server/rpc/tier_service.h"

#include "server/rpc/call_auth.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

grpc::Status TierServiceImpl::GetTierLadder(grpc::ServerContext* context,
                                            const cim::v1::GetTierLadderRequest* request,
                                            cim::v1::TierLadder* response) {
  return rpc_.Run(*context, __func__, *request, response,
                  [&](const Principal& p) { return Assign(tiers_.GetLadder(p), response); });
}

grpc::Status TierServiceImpl::SetTierLadder(grpc::ServerContext* context,
                                            const cim::v1::SetTierLadderRequest* request,
                                            cim::v1::TierLadder* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(tiers_.SetLadder(p, *request), response);
  });
}

grpc::Status TierServiceImpl::GetPartnerTierStatus(
    grpc::ServerContext* context, const cim::v1::GetPartnerTierStatusRequest* request,
    cim::v1::PartnerTierStatus* response) {
  return rpc_.Run(*context, __func__, *request, response,
                  [&](const Principal& p) { return Assign(tiers_.Status(p, *request), response); });
}

grpc::Status TierServiceImpl::EvaluateTiers(grpc::ServerContext* context,
                                            const cim::v1::EvaluateTiersRequest* request,
                                            cim::v1::EvaluateTiersResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(tiers_.Evaluate(p, *request), response);
  });
}

grpc::Status TierServiceImpl::ListTierChanges(grpc::ServerContext* context,
                                              const cim::v1::ListTierChangesRequest* request,
                                              cim::v1::ListTierChangesResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(tiers_.ListChanges(p, *request), response);
  });
}

}  // namespace cim
