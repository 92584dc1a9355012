// The gRPC face of the server: every cim.v1 service adapter, health checking, reflection and
// call metrics on one grpc::Server. The only place that builds a gRPC server.
#ifndef CIM_SERVER_RPC_RPC_SERVER_H_
#define CIM_SERVER_RPC_RPC_SERVER_H_

#include <grpcpp/server.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "lib/metrics.h"
#include "server/rpc/audit_service.h"
#include "server/rpc/auth_service.h"
#include "server/rpc/claim_service.h"
#include "server/rpc/dispute_service.h"
#include "server/rpc/engagement_service.h"
#include "server/rpc/export_service.h"
#include "server/rpc/fund_service.h"
#include "server/rpc/ledger_service.h"
#include "server/rpc/notification_service.h"
#include "server/rpc/partner_service.h"
#include "server/rpc/payout_service.h"
#include "server/rpc/performance_service.h"
#include "server/rpc/program_service.h"
#include "server/rpc/recognition_service.h"
#include "server/rpc/redemption_service.h"
#include "server/rpc/tier_service.h"

namespace cim {

// The domain objects the services adapt (owned by the caller, outliving the server).
struct RpcHandlers {
  Authenticator& auth;
  AccountSecurity& accounts;
  TwoStepSetup& two_step;
  PartnerDirectory& partners;
  ProductCatalog& catalog;
  ProgramDirectory& programs;
  PartnerProgressReport& progress;
  LedgerBook& ledger;
  ClaimWorkflow& claims;
  FundWorkflow& funds;
  DisputeWorkflow& disputes;
  PayoutWorkflow& payouts;
  Recognition& recognition;
  Training& training;
  PartnerTiers& tiers;
  Engagement& engagement;
  AuditTrail& audit;
  PerformanceReports& performance;
  Exports& exports;
  Redemption& redemption;
  Notifications& notifications;
};

class RpcServer {
 public:
  // Listens on `listen_address` (port 0 picks one) and serves. UNAVAILABLE if it cannot bind.
  // `metrics` counts every call by method and code.
  static absl::StatusOr<std::unique_ptr<RpcServer>> Start(const std::string& listen_address,
                                                          const RpcHandlers& handlers,
                                                          RequestMetrics& metrics);
  ~RpcServer();

  int port() const { return port_; }
  // What grpc.health.v1 answers for every service.
  void SetServing(bool serving);
  // Stops accepting calls, lets in-flight calls finish (up to `grace`), then cancels the rest.
  void Shutdown(absl::Duration grace);
  // Blocks until the server has shut down.
  void Wait();

 private:
  explicit RpcServer(const RpcHandlers& handlers);

  AuthServiceImpl auth_service_;
  PartnerServiceImpl partner_service_;
  ProgramServiceImpl program_service_;
  LedgerServiceImpl ledger_service_;
  ClaimServiceImpl claim_service_;
  FundServiceImpl fund_service_;
  DisputeServiceImpl dispute_service_;
  PayoutServiceImpl payout_service_;
  RecognitionServiceImpl recognition_service_;
  TierServiceImpl tier_service_;
  EngagementServiceImpl engagement_service_;
  AuditServiceImpl audit_service_;
  PerformanceServiceImpl performance_service_;
  ExportServiceImpl export_service_;
  RedemptionServiceImpl redemption_service_;
  NotificationServiceImpl notification_service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  bool shut_down_ = false;
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_RPC_SERVER_H_
