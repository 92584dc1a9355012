#include "server/rpc/rpc_server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

#include <chrono>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/rpc/metrics_interceptor.h"
#include "server/rpc/unparsed_request_interceptor.h"

namespace cim {

RpcServer::RpcServer(const RpcHandlers& h)
    : auth_service_(h.auth, h.accounts, h.two_step),
      partner_service_(h.auth, h.partners, h.accounts),
      program_service_(h.auth, h.catalog, h.programs, h.progress),
      ledger_service_(h.auth, h.ledger),
      claim_service_(h.auth, h.claims),
      fund_service_(h.auth, h.funds),
      dispute_service_(h.auth, h.disputes),
      payout_service_(h.auth, h.payouts),
      recognition_service_(h.auth, h.recognition, h.training),
      tier_service_(h.auth, h.tiers),
      engagement_service_(h.auth, h.engagement),
      audit_service_(h.auth, h.audit),
      performance_service_(h.auth, h.performance),
      export_service_(h.auth, h.exports),
      redemption_service_(h.auth, h.redemption),
      notification_service_(h.auth, h.notifications) {}

absl::StatusOr<std::unique_ptr<RpcServer>> RpcServer::Start(const std::string& listen_address,
                                                            const RpcHandlers& handlers,
                                                            RequestMetrics& metrics) {
  std::unique_ptr<RpcServer> rpc(new RpcServer(handlers));
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  // A port another process listens on is an error, not shared (gRPC sets SO_REUSEPORT by
  // default, which would let a second server split the first one's calls).
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.AddListeningPort(listen_address, grpc::InsecureServerCredentials(), &rpc->port_);
  for (grpc::Service* service : std::initializer_list<grpc::Service*>{
           &rpc->auth_service_, &rpc->partner_service_, &rpc->program_service_,
           &rpc->ledger_service_, &rpc->claim_service_, &rpc->fund_service_, &rpc->dispute_service_,
           &rpc->payout_service_, &rpc->recognition_service_, &rpc->tier_service_,
           &rpc->audit_service_, &rpc->performance_service_, &rpc->export_service_,
           &rpc->engagement_service_, &rpc->redemption_service_, &rpc->notification_service_}) {
    builder.RegisterService(service);
  }
  // Handlers block on the database and on group commits, so many calls are in a handler at
  // once. Keep up to 64 idle handler threads between calls: with gRPC's default of two, every
  // call beyond two in flight would start a thread and end it afterwards.
  builder.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::MAX_POLLERS, 64);
  // Gateways ping idle connections every 10 s to notice a vanished machine; accept that (the
  // default would answer pings more often than every 5 minutes with GOAWAY).
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 5000);
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> interceptors;
  // First, so that the metrics count the status the caller gets.
  interceptors.push_back(std::make_unique<UnparsedRequestInterceptorFactory>());
  interceptors.push_back(std::make_unique<MetricsInterceptorFactory>(metrics));
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  rpc->server_ = builder.BuildAndStart();
  if (rpc->server_ == nullptr || rpc->port_ == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", listen_address));
  }
  return rpc;
}

void RpcServer::SetServing(bool serving) {
  server_->GetHealthCheckService()->SetServingStatus(serving);
}

void RpcServer::Shutdown(absl::Duration grace) {
  if (shut_down_ || server_ == nullptr) return;
  shut_down_ = true;
  server_->GetHealthCheckService()->Shutdown();
  server_->Shutdown(std::chrono::system_clock::now() + absl::ToChronoSeconds(grace));
}

void RpcServer::Wait() { server_->Wait(); }

RpcServer::~RpcServer() {
  if (server_ == nullptr) return;
  Shutdown(absl::ZeroDuration());
  server_->Wait();
}

}  // namespace cim
