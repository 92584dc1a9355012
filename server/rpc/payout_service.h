// gRPC adapter for cim.v1.PayoutService.
#ifndef CIM_SERVER_RPC_PAYOUT_SERVICE_H_
#define CIM_SERVER_RPC_PAYOUT_SERVICE_H_

#include "cim/v1/payout_service.grpc.pb.h"
#include "server/identity/authenticator.h"
#include "server/payout/payout_workflow.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

class PayoutServiceImpl final : public cim::v1::PayoutService::Service {
 public:
  PayoutServiceImpl(Authenticator& auth, PayoutWorkflow& workflow)
      : rpc_(auth, cim::v1::PayoutService::service_full_name()), workflow_(workflow) {}

  grpc::Status CreatePayoutRun(grpc::ServerContext* context,
                               const cim::v1::CreatePayoutRunRequest* request,
                               cim::v1::PayoutRun* response) override;
  grpc::Status ListStatements(grpc::ServerContext* context,
                              const cim::v1::ListStatementsRequest* request,
                              cim::v1::ListStatementsResponse* response) override;
  grpc::Status GetStatement(grpc::ServerContext* context,
                            const cim::v1::GetStatementRequest* request,
                            cim::v1::Statement* response) override;
  grpc::Status MarkStatementPaid(grpc::ServerContext* context,
                                 const cim::v1::MarkStatementPaidRequest* request,
                                 cim::v1::Statement* response) override;
  grpc::Status ExportStatement(grpc::ServerContext* context,
                               const cim::v1::ExportStatementRequest* request,
                               cim::v1::ExportStatementResponse* response) override;

 private:
  RpcHandler rpc_;
  PayoutWorkflow& workflow_;
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_PAYOUT_SERVICE_H_
