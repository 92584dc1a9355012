#include "server/ledger/ledger_service.h"

#include "server/identity/call_auth.h"

namespace cim {

grpc::Status LedgerServiceImpl::GetBalance(grpc::ServerContext* context,
                                           const cim::v1::GetBalanceRequest* request,
                                           cim::v1::GetBalanceResponse* response) {
  return WithPrincipal(auth_, *context, [&](const Principal& p) {
    return Assign(book_.GetBalance(p, *request), response);
  });
}

grpc::Status LedgerServiceImpl::ReverseLedgerEntry(
    grpc::ServerContext* context, const cim::v1::ReverseLedgerEntryRequest* request,
    cim::v1::LedgerEntry* response) {
  return WithAudit(auth_, *context, __func__, [&](const Principal& p) {
    return Assign(book_.Reverse(p, *request), response);
  });
}

grpc::Status LedgerServiceImpl::ListLedgerEntries(grpc::ServerContext* context,
                                                  const cim::v1::ListLedgerEntriesRequest* request,
                                                  cim::v1::ListLedgerEntriesResponse* response) {
  return WithPrincipal(auth_, *context, [&](const Principal& p) {
    return Assign(book_.ListEntries(p, *request), response);
  });
}

}  // namespace cim
