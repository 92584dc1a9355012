// gRPC adapter for cim.v1.LedgerService.
#ifndef CIM_SERVER_RPC_LEDGER_SERVICE_H_
#define CIM_SERVER_RPC_LEDGER_SERVICE_H_

#include "cim/v1/ledger_service.grpc.pb.h"
#include "server/identity/authenticator.h"
#include "server/money/ledger_book.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

class LedgerServiceImpl final : public cim::v1::LedgerService::Service {
 public:
  LedgerServiceImpl(Authenticator& auth, LedgerBook& book)
      : rpc_(auth, cim::v1::LedgerService::service_full_name()), book_(book) {}

  grpc::Status GetBalance(grpc::ServerContext* context, const cim::v1::GetBalanceRequest* request,
                          cim::v1::GetBalanceResponse* response) override;
  grpc::Status ReverseLedgerEntry(grpc::ServerContext* context,
                                  const cim::v1::ReverseLedgerEntryRequest* request,
                                  cim::v1::LedgerEntry* response) override;
  grpc::Status ListLedgerEntries(grpc::ServerContext* context,
                                 const cim::v1::ListLedgerEntriesRequest* request,
                                 cim::v1::ListLedgerEntriesResponse* response) override;

 private:
  RpcHandler rpc_;
  LedgerBook& book_;
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_LEDGER_SERVICE_H_
