// cim.v1.ExportService: the gRPC adapter streaming Exports' chunks.
#ifndef CIM_SERVER_RPC_EXPORT_SERVICE_H_
#define CIM_SERVER_RPC_EXPORT_SERVICE_H_

#include "cim/v1/export_service.grpc.pb.h"
#include "server/export/exports.h"
#include "server/identity/authenticator.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

class ExportServiceImpl final : public cim::v1::ExportService::Service {
 public:
  ExportServiceImpl(Authenticator& auth, Exports& exports)
      : rpc_(auth, cim::v1::ExportService::service_full_name()), exports_(exports) {}

  grpc::Status ExportClaims(grpc::ServerContext* context,
                            const cim::v1::ExportClaimsRequest* request,
                            grpc::ServerWriter<cim::v1::FileChunk>* writer) override;
  grpc::Status ExportLedger(grpc::ServerContext* context,
                            const cim::v1::ExportLedgerRequest* request,
                            grpc::ServerWriter<cim::v1::FileChunk>* writer) override;
  grpc::Status ExportStatements(grpc::ServerContext* context,
                                const cim::v1::ExportStatementsRequest* request,
                                grpc::ServerWriter<cim::v1::FileChunk>* writer) override;
  grpc::Status ExportProgramPerformance(grpc::ServerContext* context,
                                        const cim::v1::ExportProgramPerformanceRequest* request,
                                        grpc::ServerWriter<cim::v1::FileChunk>* writer) override;

 private:
  RpcHandler rpc_;
  Exports& exports_;
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_EXPORT_SERVICE_H_
