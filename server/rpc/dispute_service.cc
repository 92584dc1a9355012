#include "server/rpc/dispute_service.h"

#include "server/rpc/call_auth.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

grpc::Status DisputeServiceImpl::OpenDispute(grpc::ServerContext* context,
                                             const cim::v1::OpenDisputeRequest* request,
                                             cim::v1::Dispute* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.Open(p, *request), response);
  });
}

grpc::Status DisputeServiceImpl::GetDispute(grpc::ServerContext* context,
                                            const cim::v1::GetDisputeRequest* request,
                                            cim::v1::Dispute* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.Get(p, request->dispute_id()), response);
  });
}

grpc::Status DisputeServiceImpl::ListDisputes(grpc::ServerContext* context,
                                              const cim::v1::ListDisputesRequest* request,
                                              cim::v1::ListDisputesResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.List(p, *request), response);
  });
}

grpc::Status DisputeServiceImpl::PostDisputeMessage(
    grpc::ServerContext* context, const cim::v1::PostDisputeMessageRequest* request,
    cim::v1::Dispute* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.PostMessage(p, *request), response);
  });
}

grpc::Status DisputeServiceImpl::ResolveDispute(grpc::ServerContext* context,
                                                const cim::v1::ResolveDisputeRequest* request,
                                                cim::v1::Dispute* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.Resolve(p, *request), response);
  });
}

grpc::Status DisputeServiceImpl::WithdrawDispute(grpc::ServerContext* context,
                                                 const cim::v1::WithdrawDisputeRequest* request,
                                                 cim::v1::Dispute* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.Withdraw(p, *request), response);
  });
}

}  // namespace cim
