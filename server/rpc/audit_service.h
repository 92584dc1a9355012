// cim.v1.AuditService: the gRPC adapter over AuditTrail.
#ifndef CIM_SERVER_RPC_AUDIT_SERVICE_H_
#define CIM_SERVER_RPC_AUDIT_SERVICE_H_

#include "cim/v1/audit_service.grpc.pb.h"
#include "server/audit/audit_trail.h"
#include "server/identity/authenticator.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

class AuditServiceImpl final : public cim::v1::AuditService::Service {
 public:
  AuditServiceImpl(Authenticator& auth, AuditTrail& trail)
      : rpc_(auth, cim::v1::AuditService::service_full_name()), trail_(trail) {}

  grpc::Status ListAuditRecords(grpc::ServerContext* context,
                                const cim::v1::ListAuditRecordsRequest* request,
                                cim::v1::ListAuditRecordsResponse* response) override;
  grpc::Status VerifyAuditTrail(grpc::ServerContext* context,
                                const cim::v1::VerifyAuditTrailRequest* request,
                                cim::v1::VerifyAuditTrailResponse* response) override;

 private:
  RpcHandler rpc_;
  AuditTrail& trail_;
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_AUDIT_SERVICE_H_
