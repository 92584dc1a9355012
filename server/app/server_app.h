// Wires the whole cim-server: database pool, migrations, repositories, rules, gRPC services,
// health checking and reflection. main.cc and the tests both start servers through this.
#ifndef CIM_SERVER_APP_SERVER_APP_H_
#define CIM_SERVER_APP_SERVER_APP_H_

#include <grpcpp/server.h>

#include <memory>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "server/app/metrics_endpoint.h"
#include "server/audit/audit_service.h"
#include "server/audit/mysql_audit.h"
#include "server/claim/claim_service.h"
#include "server/claim/mysql_claim_repository.h"
#include "server/claim/partner_progress.h"
#include "server/common/clock.h"
#include "server/common/metrics.h"
#include "server/common/periodic_task.h"
#include "server/db/mysql_database.h"
#include "server/engagement/engagement_service.h"
#include "server/engagement/mysql_engagement_repository.h"
#include "server/export/export_service.h"
#include "server/fund/fund_service.h"
#include "server/fund/mysql_fund_repository.h"
#include "server/identity/auth_service.h"
#include "server/identity/mysql_access_token_repository.h"
#include "server/identity/mysql_login_throttle_repository.h"
#include "server/identity/mysql_partner_repository.h"
#include "server/identity/mysql_user_repository.h"
#include "server/identity/partner_service.h"
#include "server/ledger/ledger_service.h"
#include "server/ledger/mysql_ledger_repository.h"
#include "server/payout/mysql_payout_repository.h"
#include "server/payout/payout_service.h"
#include "server/performance/mysql_performance_repository.h"
#include "server/performance/performance_service.h"
#include "server/program/certification_registry.h"
#include "server/program/mysql_product_repository.h"
#include "server/program/mysql_program_repository.h"
#include "server/program/program_service.h"
#include "server/recognition/leaderboard_index.h"
#include "server/recognition/mysql_recognition_repository.h"
#include "server/recognition/recognition.h"
#include "server/recognition/recognition_service.h"
#include "server/recognition/recognition_worker.h"
#include "server/tier/mysql_tier_repository.h"
#include "server/tier/tier_service.h"

namespace cim {

struct ServerOptions {
  // host:port; port 0 picks a free port (see ServerApp::port()).
  std::string listen_address = "127.0.0.1:50051";
  // SOCI MySQL connection string, e.g. "db=cim user=root unix_socket=/path/mysqld.sock".
  std::string db_connect;
  int db_pool_size = 8;
  DatabaseTimeouts db_timeouts;
  std::string migrations_dir;
  // Apply pending migrations at start; otherwise wait (up to schema_wait) until someone else
  // has applied every migration in migrations_dir (replicas of a cluster, see mysql_migrator.h).
  bool migrate = true;
  absl::Duration schema_wait = absl::Minutes(5);
  AuthConfig auth;
  PasswordHashParams password_hash = PasswordHashParams::Interactive();
  // How often the health service re-checks the database.
  absl::Duration health_interval = absl::Seconds(1);
  const Clock* clock = nullptr;  // defaults to the system clock
  // host:port of the Prometheus endpoint (GET /metrics); empty: none. Port 0 picks one.
  std::string metrics_address;
  // How often recognition looks for new outbox events and score changes.
  absl::Duration recognition_interval = absl::Milliseconds(200);
  // How often a server checks whether today's (UTC) tier evaluation has run.
  absl::Duration tier_schedule_interval = absl::Minutes(1);
  // How often the server chains new audit records (every server; one at a time).
  absl::Duration audit_seal_interval = absl::Milliseconds(100);
};

class ServerApp {
 public:
  // Connects, migrates (if options.migrate) and starts serving. UNAVAILABLE if the database
  // cannot be reached or the address cannot be bound; FAILED_PRECONDITION if an applied
  // migration was changed.
  static absl::StatusOr<std::unique_ptr<ServerApp>> Start(const ServerOptions& options);
  ~ServerApp();

  int port() const { return port_; }
  MysqlDatabase& database() { return *db_; }
  PartnerRepository& partners() { return partners_; }
  UserRepository& users() { return users_; }
  const PasswordHasher& password_hasher() const { return hasher_; }
  // Calls by method and code with latencies, calls in flight, and database pool use, in
  // Prometheus's text format.
  std::string MetricsText() const;
  // The metrics endpoint's port; 0 without one.
  int metrics_port() const { return metrics_endpoint_ ? metrics_endpoint_->port() : 0; }

  // Stops accepting calls, lets in-flight calls finish (up to `grace`), then cancels the rest.
  void Shutdown(absl::Duration grace = absl::Seconds(10));
  // Blocks until the server has shut down.
  void Wait();

 private:
  ServerApp(const ServerOptions& options, std::unique_ptr<MysqlDatabase> db);
  void WatchHealth(absl::Duration interval);

  SystemClock system_clock_;
  const Clock& clock_;
  std::unique_ptr<MysqlDatabase> db_;
  MysqlPartnerRepository partners_;
  MysqlUserRepository users_;
  MysqlAccessTokenRepository tokens_;
  MysqlLoginThrottleRepository throttle_;
  PasswordHasher hasher_;
  Authenticator authenticator_;
  PartnerDirectory directory_;
  AuthServiceImpl auth_service_;
  PartnerServiceImpl partner_service_;
  MysqlProductRepository products_;
  MysqlProgramRepository programs_;
  MysqlCertificationRegistry certifications_;
  ProductCatalog catalog_;
  ProgramDirectory program_directory_;
  MysqlLedgerRepository ledger_;
  MysqlClaimRepository claims_;
  LedgerBook ledger_book_;
  ClaimWorkflow claim_workflow_;
  PartnerProgressReport progress_report_;
  ProgramServiceImpl program_service_;
  LedgerServiceImpl ledger_service_;
  ClaimServiceImpl claim_service_;
  MysqlFundRepository funds_;
  FundWorkflow fund_workflow_;
  FundServiceImpl fund_service_;
  MysqlPayoutRepository payouts_;
  PayoutWorkflow payout_workflow_;
  PayoutServiceImpl payout_service_;
  MysqlRecognitionRepository recognition_repository_;
  LeaderboardIndex leaderboard_index_;
  Recognition recognition_;
  RecognitionServiceImpl recognition_service_;
  std::unique_ptr<RecognitionWorker> recognition_worker_;
  MysqlTierRepository tier_repository_;
  Tiers tiers_;
  TierServiceImpl tier_service_;
  std::unique_ptr<PeriodicTask> tier_schedule_;
  MysqlEngagementRepository engagement_repository_;
  Engagement engagement_;
  EngagementServiceImpl engagement_service_;
  MysqlAuditRepository audit_repository_;
  AuditTrail audit_trail_;
  AuditServiceImpl audit_service_;
  MysqlPerformanceRepository performance_repository_;
  PerformanceReports program_performance_;
  PerformanceServiceImpl performance_service_;
  Exports exports_;
  ExportServiceImpl export_service_;
  std::unique_ptr<PeriodicTask> audit_sealer_;  // after audit_trail_: stops before it goes
  RequestMetrics metrics_{"cim_server_grpc", {"method", "code"}, "gRPC calls"};
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<MetricsEndpoint> metrics_endpoint_;
  int port_ = 0;
  absl::Notification stopping_;
  std::thread health_thread_;
};

}  // namespace cim

#endif  // CIM_SERVER_APP_SERVER_APP_H_
