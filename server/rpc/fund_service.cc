#include "server/rpc/fund_service.h"

#include "server/rpc/call_auth.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

grpc::Status FundServiceImpl::ListFunds(grpc::ServerContext* context,
                                        const cim::v1::ListFundsRequest* request,
                                        cim::v1::ListFundsResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.ListFunds(p, *request), response);
  });
}

grpc::Status FundServiceImpl::CreateFundRequest(grpc::ServerContext* context,
                                                const cim::v1::CreateFundRequestRequest* request,
                                                cim::v1::FundRequest* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.Create(p, request->request()), response);
  });
}

grpc::Status FundServiceImpl::GetFundRequest(grpc::ServerContext* context,
                                             const cim::v1::GetFundRequestRequest* request,
                                             cim::v1::FundRequest* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.Get(p, request->fund_request_id()), response);
  });
}

grpc::Status FundServiceImpl::ListFundRequests(grpc::ServerContext* context,
                                               const cim::v1::ListFundRequestsRequest* request,
                                               cim::v1::ListFundRequestsResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.List(p, *request), response);
  });
}

grpc::Status FundServiceImpl::ApproveFundRequest(grpc::ServerContext* context,
                                                 const cim::v1::DecideFundRequestRequest* request,
                                                 cim::v1::FundRequest* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.Decide(p, *request, FundAction::kApprove), response);
  });
}

grpc::Status FundServiceImpl::RejectFundRequest(grpc::ServerContext* context,
                                                const cim::v1::DecideFundRequestRequest* request,
                                                cim::v1::FundRequest* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.Decide(p, *request, FundAction::kReject), response);
  });
}

grpc::Status FundServiceImpl::CancelFundRequest(grpc::ServerContext* context,
                                                const cim::v1::DecideFundRequestRequest* request,
                                                cim::v1::FundRequest* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.Decide(p, *request, FundAction::kCancel), response);
  });
}

grpc::Status FundServiceImpl::SubmitReimbursement(
    grpc::ServerContext* context, const cim::v1::SubmitReimbursementRequest* request,
    cim::v1::FundRequest* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.SubmitReimbursement(p, *request), response);
  });
}

grpc::Status FundServiceImpl::ApproveReimbursement(grpc::ServerContext* context,
                                                   const cim::v1::DecideFundRequestRequest* request,
                                                   cim::v1::FundRequest* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.Decide(p, *request, FundAction::kApproveReimbursement), response);
  });
}

grpc::Status FundServiceImpl::RejectReimbursement(grpc::ServerContext* context,
                                                  const cim::v1::DecideFundRequestRequest* request,
                                                  cim::v1::FundRequest* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.Decide(p, *request, FundAction::kRejectReimbursement), response);
  });
}

}  // namespace cim
