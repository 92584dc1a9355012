#include "server/tier/tier_service.h"

#include "server/identity/call_auth.h"

namespace cim {

grpc::Status TierServiceImpl::GetTierLadder(grpc::ServerContext* context,
                                            const cim::v1::GetTierLadderRequest*,
                                            cim::v1::TierLadder* response) {
  return WithPrincipal(auth_, *context,
                       [&](const Principal& p) { return Assign(tiers_.GetLadder(p), response); });
}

grpc::Status TierServiceImpl::SetTierLadder(grpc::ServerContext* context,
                                            const cim::v1::SetTierLadderRequest* request,
                                            cim::v1::TierLadder* response) {
  return WithAudit(auth_, *context, __func__, [&](const Principal& p) {
    return Assign(tiers_.SetLadder(p, *request), response);
  });
}

grpc::Status TierServiceImpl::GetPartnerTierStatus(
    grpc::ServerContext* context, const cim::v1::GetPartnerTierStatusRequest* request,
    cim::v1::PartnerTierStatus* response) {
  return WithPrincipal(auth_, *context, [&](const Principal& p) {
    return Assign(tiers_.Status(p, *request), response);
  });
}

grpc::Status TierServiceImpl::EvaluateTiers(grpc::ServerContext* context,
                                            const cim::v1::EvaluateTiersRequest* request,
                                            cim::v1::EvaluateTiersResponse* response) {
  return WithAudit(auth_, *context, __func__, [&](const Principal& p) {
    return Assign(tiers_.Evaluate(p, *request), response);
  });
}

grpc::Status TierServiceImpl::ListTierChanges(grpc::ServerContext* context,
                                              const cim::v1::ListTierChangesRequest* request,
                                              cim::v1::ListTierChangesResponse* response) {
  return WithPrincipal(auth_, *context, [&](const Principal& p) {
    return Assign(tiers_.ListChanges(p, *request), response);
  });
}

}  // namespace cim
