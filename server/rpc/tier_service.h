// gRPC adapter for cim.v1.TierService.
#ifndef CIM_SERVER_RPC_TIER_SERVICE_H_
#define CIM_SERVER_RPC_TIER_SERVICE_H_

#include "cim/v1/tier_service.grpc.pb.h"
#include "server/identity/authenticator.h"
#include "server/partner_tier/partner_tiers.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

class TierServiceImpl final : public cim::v1::TierService::Service {
 public:
  TierServiceImpl(Authenticator& auth, PartnerTiers& tiers)
      : rpc_(auth, cim::v1::TierService::service_full_name()), tiers_(tiers) {}

  grpc::Status GetTierLadder(grpc::ServerContext* context,
                             const cim::v1::GetTierLadderRequest* request,
                             cim::v1::TierLadder* response) override;
  grpc::Status SetTierLadder(grpc::ServerContext* context,
                             const cim::v1::SetTierLadderRequest* request,
                             cim::v1::TierLadder* response) override;
  grpc::Status GetPartnerTierStatus(grpc::ServerContext* context,
                                    const cim::v1::GetPartnerTierStatusRequest* request,
                                    cim::v1::PartnerTierStatus* response) override;
  grpc::Status EvaluateTiers(grpc::ServerContext* context,
                             const cim::v1::EvaluateTiersRequest* request,
                             cim::v1::EvaluateTiersResponse* response) override;
  grpc::Status ListTierChanges(grpc::ServerContext* context,
                               const cim::v1::ListTierChangesRequest* request,
                               cim::v1::ListTierChangesResponse* response) override;

 private:
  RpcHandler rpc_;
  PartnerTiers& tiers_;
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_TIER_SERVICE_H_
