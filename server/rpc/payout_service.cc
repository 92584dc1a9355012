#include "server/rpc/payout_service.h"

#include "server/rpc/call_auth.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

grpc::Status PayoutServiceImpl::CreatePayoutRun(grpc::ServerContext* context,
                                                const cim::v1::CreatePayoutRunRequest* request,
                                                cim::v1::PayoutRun* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.CreateRun(p, *request), response);
  });
}

grpc::Status PayoutServiceImpl::ListStatements(grpc::ServerContext* context,
                                               const cim::v1::ListStatementsRequest* request,
                                               cim::v1::ListStatementsResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.List(p, *request), response);
  });
}

grpc::Status PayoutServiceImpl::GetStatement(grpc::ServerContext* context,
                                             const cim::v1::GetStatementRequest* request,
                                             cim::v1::Statement* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.Get(p, request->statement_id()), response);
  });
}

grpc::Status PayoutServiceImpl::MarkStatementPaid(grpc::ServerContext* context,
                                                  const cim::v1::MarkStatementPaidRequest* request,
                                                  cim::v1::Statement* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.MarkPaid(p, *request), response);
  });
}

grpc::Status PayoutServiceImpl::ExportStatement(grpc::ServerContext* context,
                                                const cim::v1::ExportStatementRequest* request,
                                                cim::v1::ExportStatementResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(workflow_.Export(p, request->statement_id()), response);
  });
}

}  // namespace cim
