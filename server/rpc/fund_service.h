// gRPC adapter for cim.v1.FundService.
#ifndef CIM_SERVER_RPC_FUND_SERVICE_H_
#define CIM_SERVER_RPC_FUND_SERVICE_H_

#include "cim/v1/fund_service.grpc.pb.h"
#include "server/fund/fund_workflow.h"
#include "server/identity/authenticator.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

class FundServiceImpl final : public cim::v1::FundService::Service {
 public:
  FundServiceImpl(Authenticator& auth, FundWorkflow& workflow)
      : rpc_(auth, cim::v1::FundService::service_full_name()), workflow_(workflow) {}

  grpc::Status ListFunds(grpc::ServerContext* context, const cim::v1::ListFundsRequest* request,
                         cim::v1::ListFundsResponse* response) override;
  grpc::Status CreateFundRequest(grpc::ServerContext* context,
                                 const cim::v1::CreateFundRequestRequest* request,
                                 cim::v1::FundRequest* response) override;
  grpc::Status GetFundRequest(grpc::ServerContext* context,
                              const cim::v1::GetFundRequestRequest* request,
                              cim::v1::FundRequest* response) override;
  grpc::Status ListFundRequests(grpc::ServerContext* context,
                                const cim::v1::ListFundRequestsRequest* request,
                                cim::v1::ListFundRequestsResponse* response) override;
  grpc::Status ApproveFundRequest(grpc::ServerContext* context,
                                  const cim::v1::DecideFundRequestRequest* request,
                                  cim::v1::FundRequest* response) override;
  grpc::Status RejectFundRequest(grpc::ServerContext* context,
                                 const cim::v1::DecideFundRequestRequest* request,
                                 cim::v1::FundRequest* response) override;
  grpc::Status CancelFundRequest(grpc::ServerContext* context,
                                 const cim::v1::DecideFundRequestRequest* request,
                                 cim::v1::FundRequest* response) override;
  grpc::Status SubmitReimbursement(grpc::ServerContext* context,
                                   const cim::v1::SubmitReimbursementRequest* request,
                                   cim::v1::FundRequest* response) override;
  grpc::Status ApproveReimbursement(grpc::ServerContext* context,
                                    const cim::v1::DecideFundRequestRequest* request,
                                    cim::v1::FundRequest* response) override;
  grpc::Status RejectReimbursement(grpc::ServerContext* context,
                                   const cim::v1::DecideFundRequestRequest* request,
                                   cim::v1::FundRequest* response) override;

 private:
  RpcHandler rpc_;
  FundWorkflow& workflow_;
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_FUND_SERVICE_H_
