#include "server/rpc/audit_service.h"

#include "server/rpc/call_auth.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

grpc::Status AuditServiceImpl::ListAuditRecords(grpc::ServerContext* context,
                                                const cim::v1::ListAuditRecordsRequest* request,
                                                cim::v1::ListAuditRecordsResponse* response) {
  return rpc_.Run(*context, __func__, *request, response,
                  [&](const Principal& p) { return Assign(trail_.List(p, *request), response); });
}

grpc::Status AuditServiceImpl::VerifyAuditTrail(grpc::ServerContext* context,
                                                const cim::v1::VerifyAuditTrailRequest* request,
                                                cim::v1::VerifyAuditTrailResponse* response) {
  return rpc_.Run(*context, __func__, *request, response,
                  [&](const Principal& p) { return Assign(trail_.Verify(p), response); });
}

}  // namespace cim
