#include "server/rpc/ledger_service.h"

#include "server/rpc/call_auth.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

grpc::Status LedgerServiceImpl::GetBalance(grpc::ServerContext* context,
                                           const cim::v1::GetBalanceRequest* request,
                                           cim::v1::GetBalanceResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(book_.GetBalance(p, *request), response);
  });
}

grpc::Status LedgerServiceImpl::ReverseLedgerEntry(
    grpc::ServerContext* context, const cim::v1::ReverseLedgerEntryRequest* request,
    cim::v1::LedgerEntry* response) {
  return rpc_.Run(*context, __func__, *request, response,
                  [&](const Principal& p) { return Assign(book_.Reverse(p, *request), response); });
}

grpc::Status LedgerServiceImpl::ListLedgerEntries(grpc::ServerContext* context,
                                                  const cim::v1::ListLedgerEntriesRequest* request,
                                                  cim::v1::ListLedgerEntriesResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(book_.ListEntries(p, *request), response);
  });
}

}  // namespace cim
