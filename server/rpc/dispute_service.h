// gRPC adapter for cim.v1.DisputeService.
#ifndef CIM_SERVER_RPC_DISPUTE_SERVICE_H_
#define CIM_SERVER_RPC_DISPUTE_SERVICE_H_

#include "cim/v1/dispute_service.grpc.pb.h"
#include "server/dispute/dispute_workflow.h"
#include "server/identity/authenticator.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

class DisputeServiceImpl final : public cim::v1::DisputeService::Service {
 public:
  DisputeServiceImpl(Authenticator& auth, DisputeWorkflow& workflow)
      : rpc_(auth, cim::v1::DisputeService::service_full_name()), workflow_(workflow) {}

  grpc::Status OpenDispute(grpc::ServerContext* context, const cim::v1::OpenDisputeRequest* request,
                           cim::v1::Dispute* response) override;
  grpc::Status GetDispute(grpc::ServerContext* context, const cim::v1::GetDisputeRequest* request,
                          cim::v1::Dispute* response) override;
  grpc::Status ListDisputes(grpc::ServerContext* context,
                            const cim::v1::ListDisputesRequest* request,
                            cim::v1::ListDisputesResponse* response) override;
  grpc::Status PostDisputeMessage(grpc::ServerContext* context,
                                  const cim::v1::PostDisputeMessageRequest* request,
                                  cim::v1::Dispute* response) override;
  grpc::Status ResolveDispute(grpc::ServerContext* context,
                              const cim::v1::ResolveDisputeRequest* request,
                              cim::v1::Dispute* response) override;
  grpc::Status WithdrawDispute(grpc::ServerContext* context,
                               const cim::v1::WithdrawDisputeRequest* request,
                               cim::v1::Dispute* response) override;

 private:
  RpcHandler rpc_;
  DisputeWorkflow& workflow_;
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_DISPUTE_SERVICE_H_
