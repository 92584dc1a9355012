#include "server/rpc/export_service.h"

#include "server/rpc/call_auth.h"
#include "server/rpc/rpc_handler.h"

namespace cim {
namespace {

// Writes each chunk to the stream, until the client goes away.
ChunkSink To(grpc::ServerContext& context, grpc::ServerWriter<cim::v1::FileChunk>& writer) {
  return [&](const cim::v1::FileChunk& chunk) {
    return !context.IsCancelled() && writer.Write(chunk);
  };
}

}  // namespace

grpc::Status ExportServiceImpl::ExportClaims(grpc::ServerContext* context,
                                             const cim::v1::ExportClaimsRequest* request,
                                             grpc::ServerWriter<cim::v1::FileChunk>* writer) {
  return rpc_.Run(*context, __func__, *request, nullptr, [&](const Principal& p) {
    return exports_.Claims(p, *request, To(*context, *writer));
  });
}

grpc::Status ExportServiceImpl::ExportLedger(grpc::ServerContext* context,
                                             const cim::v1::ExportLedgerRequest* request,
                                             grpc::ServerWriter<cim::v1::FileChunk>* writer) {
  return rpc_.Run(*context, __func__, *request, nullptr, [&](const Principal& p) {
    return exports_.Ledger(p, *request, To(*context, *writer));
  });
}

grpc::Status ExportServiceImpl::ExportStatements(grpc::ServerContext* context,
                                                 const cim::v1::ExportStatementsRequest* request,
                                                 grpc::ServerWriter<cim::v1::FileChunk>* writer) {
  return rpc_.Run(*context, __func__, *request, nullptr, [&](const Principal& p) {
    return exports_.Statements(p, *request, To(*context, *writer));
  });
}

grpc::Status ExportServiceImpl::ExportProgramPerformance(
    grpc::ServerContext* context, const cim::v1::ExportProgramPerformanceRequest* request,
    grpc::ServerWriter<cim::v1::FileChunk>* writer) {
  return rpc_.Run(*context, __func__, *request, nullptr, [&](const Principal& p) {
    return exports_.Performance(p, *request, To(*context, *writer));
  });
}

}  // namespace cim
