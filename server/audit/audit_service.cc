#include "server/audit/audit_service.h"

#include "server/identity/call_auth.h"

namespace cim {

grpc::Status AuditServiceImpl::ListAuditRecords(grpc::ServerContext* context,
                                                const cim::v1::ListAuditRecordsRequest* request,
                                                cim::v1::ListAuditRecordsResponse* response) {
  return WithPrincipal(auth_, *context, [&](const Principal& p) {
    return Assign(trail_.List(p, *request), response);
  });
}

grpc::Status AuditServiceImpl::VerifyAuditTrail(grpc::ServerContext* context,
                                                const cim::v1::VerifyAuditTrailRequest* request,
                                                cim::v1::VerifyAuditTrailResponse* response) {
  return WithPrincipal(auth_, *context,
                       [&](const Principal& p) { return Assign(trail_.Verify(p), response); });
}

}  // namespace cim
